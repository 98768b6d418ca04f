import * as path from 'node:path';
import { DEFAULT_MAX_VALUE } from '../common/value-limits';

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Configuration read once from the environment and checked before anything starts, so a
 * typo in a variable is reported at once and in Swedish instead of failing later.
 */
export interface AppConfig {
  /** PostgreSQL server to use; when absent, the embedded database under `dataDir` is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database (and nothing else). */
  dataDir: string;
  port: number;
  /** Load the demo data (seeds/) when the embedded database is empty at start. */
  seedDemoData: boolean;
  /** Address the server listens on; 127.0.0.1 (this machine only) unless HOST says otherwise. */
  host?: string;
  /** Origins allowed to call the API from a browser (CORS); none unless CORS_ORIGINS lists them. */
  corsOrigins?: string[];
  /** How long a sign-in lasts, in hours. */
  tokenHours?: number;
  /**
   * Embedded database: how long one client may hold it (a transaction) before it is rolled
   * back and the client disconnected. TRANSACTION_TIMEOUT in seconds; default 30 s.
   */
  transactionTimeoutMs?: number;
  /** Largest request body or import file in bytes (MAX_DOCUMENT_SIZE in MB); default 25 MB. */
  maxDocumentBytes?: number;
  /** How many errors a refused document lists before counting the rest (MAX_ERRORS); default 200. */
  maxErrors?: number;
  /** Largest magnitude of an indicator value and of an amount in kronor (MAX_VALUE); default 10^12. */
  maxValue?: number;
  /** Worker threads drawing charts and writing report files (REPORT_THREADS); default one per CPU, 0 = in the server's own thread. */
  reportThreads?: number;
  /** Redis for the report jobs' queue (REDIS_URL); without it the jobs run in the app's own process. */
  redisUrl?: string | null;
  /** Prefix of the queue's keys in Redis (QUEUE_PREFIX, default "vu"): several installations may share one Redis. */
  queuePrefix?: string;
  /** BENCH_FLOOR_ROUTES=1: the benchmark's bare floor routes under /api/bench/floor (admins only); never in production. */
  benchFloorRoutes?: boolean;
}

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_ERRORS = 200;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL måste börja med postgres:// eller postgresql://');
  }

  const portText = env.PORT?.trim() || '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT måste vara ett heltal mellan 0 och 65535, inte "${portText}"`);
  }

  const seedText = (env.SEED_DEMO_DATA ?? 'true').trim().toLowerCase();
  if (!['true', 'false', '1', '0', 'ja', 'nej'].includes(seedText)) {
    problems.push(`SEED_DEMO_DATA måste vara true eller false, inte "${env.SEED_DEMO_DATA}"`);
  }

  const host = env.HOST?.trim() || '127.0.0.1';
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS ska vara adresser som https://exempel.stockholm.se, inte "${origin}"`);
  }
  const hoursText = env.TOKEN_HOURS?.trim() || '8';
  const tokenHours = Number(hoursText);
  if (!Number.isFinite(tokenHours) || tokenHours <= 0 || tokenHours > 24 * 30) {
    problems.push(`TOKEN_HOURS måste vara ett antal timmar mellan 0 och 720, inte "${hoursText}"`);
  }
  const positive = (name: string, fallback: number, max: number): number => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0 || value > max) {
      problems.push(`${name} måste vara ett tal större än 0 och högst ${max}, inte "${env[name]}"`);
      return fallback;
    }
    return value;
  };
  const transactionTimeoutMs = Math.round(positive('TRANSACTION_TIMEOUT', DEFAULT_TRANSACTION_TIMEOUT_MS / 1000, 3600) * 1000);
  const maxDocumentBytes = Math.round(positive('MAX_DOCUMENT_SIZE', DEFAULT_MAX_DOCUMENT_BYTES / 1024 / 1024, 1024) * 1024 * 1024);
  const maxErrors = positive('MAX_ERRORS', DEFAULT_MAX_ERRORS, 100_000);
  if (!Number.isInteger(maxErrors)) problems.push(`MAX_ERRORS måste vara ett heltal, inte "${env.MAX_ERRORS}"`);
  const maxValue = positive('MAX_VALUE', DEFAULT_MAX_VALUE, 1e15);

  const threadsText = env.REPORT_THREADS?.trim();
  const reportThreads = threadsText ? Number(threadsText) : undefined;
  if (threadsText && (!Number.isInteger(reportThreads) || reportThreads! < 0 || reportThreads! > 64)) {
    problems.push(`REPORT_THREADS måste vara ett heltal mellan 0 och 64, inte "${env.REPORT_THREADS}"`);
  }
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push(`REDIS_URL måste börja med redis:// eller rediss://, inte "${env.REDIS_URL}"`);
  }
  const queuePrefix = env.QUEUE_PREFIX?.trim() || 'vu';
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(queuePrefix)) problems.push(`QUEUE_PREFIX får bara ha bokstäverna a–z, siffror, - och _, inte "${env.QUEUE_PREFIX}"`);

  if (problems.length > 0) {
    throw new ConfigError(`Felaktig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  return {
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    port,
    seedDemoData: ['true', '1', 'ja'].includes(seedText),
    host,
    corsOrigins,
    tokenHours,
    transactionTimeoutMs,
    maxDocumentBytes,
    maxErrors,
    maxValue,
    reportThreads,
    redisUrl,
    queuePrefix,
    benchFloorRoutes: env.BENCH_FLOOR_ROUTES?.trim() === '1',
  };
}
