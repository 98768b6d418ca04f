import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { DomainError } from '../src/common/domain-error';
import { openDatabaseEndpoint } from '../src/database/database-endpoint';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createHttpApp } from '../src/app.factory';
import { createTestDatabase } from './support/test-database';
import { startTestApp } from './support/test-app';

function embeddedConfig(dataDir: string): AppConfig {
  return { databaseUrl: null, dataDir, port: 0, seedDemoData: false };
}

async function query(url: string, sql: string): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded database folder (DATA_DIR)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-embedded-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its data between openings', async () => {
    const first = await openDatabaseEndpoint(embeddedConfig(dataDir), 'server');
    await query(first.url, "CREATE TABLE note (text text); INSERT INTO note VALUES ('Årsmål nått')");
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'uppfoljning.lock'))).toBe(false);

    const second = await openDatabaseEndpoint(embeddedConfig(dataDir), 'oneshot');
    try {
      expect(await query(second.url, 'SELECT text FROM note')).toEqual([{ text: 'Årsmål nått' }]);
    } finally {
      await second.close();
    }
  });

  it('is never opened twice: a command-line run goes through the server that holds it', async () => {
    const server = await openDatabaseEndpoint(embeddedConfig(dataDir), 'server');
    try {
      const cli = await openDatabaseEndpoint(embeddedConfig(dataDir), 'oneshot');
      expect(cli.ownsEmbedded).toBe(false);
      expect(cli.url).toBe(server.url);
      await cli.close(); // closes nothing of the server's
      expect(await query(server.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await server.close();
    }
  });

  it('refuses a second server on the same folder with a clear Swedish message', async () => {
    const server = await openDatabaseEndpoint(embeddedConfig(dataDir), 'server');
    try {
      const refusal = await openDatabaseEndpoint(embeddedConfig(dataDir), 'server').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).message).toMatch(/används av processen med pid \d+\. Två servrar kan inte dela samma DATA_DIR/);
    } finally {
      await server.close();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    fs.writeFileSync(path.join(dataDir, 'uppfoljning.lock'), JSON.stringify({ pid: deadPid, port: 1, shared: true }));
    const endpoint = await openDatabaseEndpoint(embeddedConfig(dataDir), 'server');
    try {
      expect(endpoint.ownsEmbedded).toBe(true);
      const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'uppfoljning.lock'), 'utf8'));
      expect(lock.pid).toBe(process.pid);
    } finally {
      await endpoint.close();
    }
  });
});

describe('GET /health', () => {
  it('answers 503 when the database cannot be reached', async () => {
    const t = await startTestApp();
    try {
      await t.http().get('/health').expect(200);
      await t.app.get(DataSource).destroy();
      await t.http().get('/health').expect(503, { status: 'fel', database: 'nås inte' });
    } finally {
      await t.close();
    }
  });
});

describe('a database that cannot be opened', () => {
  it('stops the start with a Swedish message that names where, without the password', async () => {
    const config: AppConfig = { databaseUrl: 'postgresql://root:hemligt@127.0.0.1:1/uppfoljning', dataDir: os.tmpdir(), port: 0, seedDemoData: false };
    const failure = await createHttpApp(config, { logger: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).message).toMatch(/^Databasen på 127\.0\.0\.1:1\/uppfoljning \(DATABASE_URL\) kunde inte öppnas: /);
    expect((failure as DomainError).message).not.toContain('hemligt');
  });
});

describe('migrations', () => {
  it('create exactly the schema the entities describe, on this run\'s database', async () => {
    const db = await createTestDatabase();
    const endpoint = await openDatabaseEndpoint(db.config, 'oneshot');
    const dataSource = new DataSource(dataSourceOptions(endpoint.url, 2));
    try {
      await dataSource.initialize();
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      expect(applied.length).toBeGreaterThan(0);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await dataSource.runMigrations()).toEqual([]); // a second start applies nothing
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await endpoint.close();
      await db.dispose();
    }
  });
});
