import * as path from 'node:path';

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
}

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

  if (problems.length > 0) {
    throw new ConfigError(`Felaktig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  return {
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    port,
    seedDemoData: ['true', '1', 'ja'].includes(seedText),
  };
}
