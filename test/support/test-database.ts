import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../../src/config/app-config';

/**
 * A database of its own for one test file, so that runs never see each other's data:
 * with DATABASE_URL set, a new database on that PostgreSQL server (dropped afterwards);
 * without it, a new embedded database in a temporary DATA_DIR (deleted afterwards).
 */
export interface TestDatabase {
  kind: 'server' | 'embedded';
  config: AppConfig;
  /** The environment that makes the command line use this same database. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  const base: Omit<AppConfig, 'databaseUrl' | 'dataDir'> = { port: 0, seedDemoData: false };

  if (serverUrl) {
    const name = `vu_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-unused-'));
    return {
      kind: 'server',
      config: { ...base, databaseUrl, dataDir },
      env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
      dispose: async () => {
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-test-'));
  return {
    kind: 'embedded',
    config: { ...base, databaseUrl: null, dataDir },
    env: { DATA_DIR: dataDir },
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
