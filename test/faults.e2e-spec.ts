import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseEndpoint, openDatabaseEndpoint } from '../src/database/database-endpoint';
import { DATABASE_ENDPOINT } from '../src/database/database.module';
import { dataSourceOptions } from '../src/database/data-source-options';
import { CliResult, runCli } from './support/cli';
import { indicator, Json, planDocument } from './support/documents';
import { startTestApp, TEST_PASSWORD, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

/*
 * Faults a real office meets: a server killed with -9 in the middle of a large import and
 * started again at once, a command-line import paused (Ctrl-Z) mid-transaction while the
 * server keeps answering, a database that cannot be reached. On whichever database the
 * run uses. Every wait is bounded; a bound is only there to turn a hang into a failure.
 */

const ROOT = path.resolve(__dirname, '..');
const INDICATORS = 4400;

function bigPlan(suffix: string, count = INDICATORS): Json {
  return planDocument({
    indicators: Array.from({ length: count }, (_, i) =>
      indicator({
        code: `ÄLN-F${i + 1}`,
        goal: '1.7.a',
        name: `Antal hembesök, område ${i + 1}${suffix}`,
        unit: 'count',
        direction: 'increase',
        genderSplit: false,
        annualTarget: 10 + i,
        councilTarget: null,
        previousYearOutcome: null,
      }),
    ),
  });
}

function until(check: () => boolean | Promise<boolean>, ms: number, what: string, everyMs = 10): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      try {
        if (await check()) return resolve();
      } catch {
        // not yet
      }
      if (Date.now() > deadline) return reject(new Error(`${what}: inte inom ${ms / 1000} s`));
      setTimeout(tick, everyMs);
    };
    void tick();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` as its own process, answering on a free port. */
async function startServer(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.DATA_DIR;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: { ...clean, ...env, PORT: String(port), SEED_DEMO_DATA: 'false' },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  let exited = false;
  child.once('exit', () => (exited = true));
  await until(
    async () => {
      if (exited) throw new Error(`servern avslutades: ${output}`);
      return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
    },
    90_000,
    'servern startar',
    100,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  });
  return { child, output: () => output };
}

/** The administrator the import is made as: created with the command line, signed in over HTTP. */
const ADMIN = 'kill9-admin';

async function signIn(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: ADMIN, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function postJson(port: number, body: Json, token: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** Counts the indicators and those whose name carries `suffix`, straight from the database. */
async function indicatorNames(db: TestDatabase, suffix: string): Promise<{ all: number; withSuffix: number }> {
  const endpoint = await openDatabaseEndpoint(db.config, 'oneshot');
  const dataSource = new DataSource(dataSourceOptions(endpoint.url, 1));
  try {
    await dataSource.initialize();
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS "all", count(*) FILTER (WHERE name LIKE $1)::int AS "withSuffix" FROM indicator WHERE code LIKE 'ÄLN-F%'`,
      [`%${suffix}`],
    );
    return row;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await endpoint.close();
  }
}

/** PostgreSQL server: true once a transaction of this database has written something. */
function writingProbe(db: TestDatabase): () => Promise<boolean> {
  return async () => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND xact_start IS NOT NULL AND backend_xid IS NOT NULL`,
        [new URL(db.config.databaseUrl!).pathname.slice(1)],
      );
      return rows[0].n > 0;
    } finally {
      await client.end();
    }
  };
}

describe('kill -9 during a large import, and a restart at once', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('keeps all the old data and starts again without calling the dead server a second one', async () => {
    const port = await freePort();
    expect((await runCli(['user', 'add', ADMIN, '--role', 'admin', '--password-stdin'], db.env, TEST_PASSWORD)).code).toBe(0);
    const first = await startServer(db.env, port);
    const token = await signIn(port);
    try {
      expect((await postJson(port, bigPlan(''), token)).status).toBe(200);
      // The embedded database cannot be asked from outside while its server holds it, so
      // there the kill comes halfway through an import as long as a measured one.
      let halfway = 0;
      if (db.kind === 'embedded') {
        const started = Date.now();
        expect((await postJson(port, bigPlan(' (ny)'), token)).status).toBe(200);
        halfway = (Date.now() - started) / 2;
        expect((await postJson(port, bigPlan(''), token)).status).toBe(200);
      }

      let answered = false;
      const sent = Date.now();
      const pending = postJson(port, bigPlan(' (ny)'), token).then(
        () => (answered = true),
        () => undefined, // the connection dies with the server
      );
      const midImport = db.kind === 'server' ? writingProbe(db) : async () => Date.now() - sent >= halfway;
      await until(async () => answered || (await midImport()), 120_000, 'importen börjar skriva', 20);
      expect(answered).toBe(false); // killed mid-import, not after it
      first.child.kill('SIGKILL');
      await pending;
    } finally {
      first.child.kill('SIGKILL');
    }

    // Started again at once: it waits for the dead one to vanish instead of refusing.
    const second = await startServer(db.env, port);
    try {
      expect(second.output()).not.toMatch(/Två servrar/);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
    expect(await indicatorNames(db, ' (ny)')).toEqual({ all: INDICATORS, withSuffix: 0 });
  });
});

describe('a command-line import paused mid-transaction (Ctrl-Z)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ transactionTimeoutMs: 5000 });
    await t.importDocument(bigPlan('', 400)).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('does not stop the server answering, and is rolled back on the embedded database', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vu-paus-')), 'plan.json');
    fs.writeFileSync(file, JSON.stringify(bigPlan(' (ny)', 400)));
    const inTransaction =
      t.db.kind === 'embedded'
        ? async () => t.app.get<DatabaseEndpoint>(DATABASE_ENDPOINT).embeddedState?.().inTransaction ?? false
        : writingProbe(t.db);

    let cli: ChildProcess | null = null;
    const result = new Promise<CliResult>((resolve) => {
      const clean = { ...process.env };
      delete clean.DATABASE_URL;
      delete clean.DATA_DIR;
      cli = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'import', file], { cwd: ROOT, env: { ...clean, ...t.db.env } });
      let stdout = '';
      let stderr = '';
      cli.stdout!.on('data', (c) => (stdout += c));
      cli.stderr!.on('data', (c) => (stderr += c));
      cli.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
    await until(inTransaction, 120_000, 'kommandoradens transaktion börjar', 5);
    cli!.kill('SIGSTOP');
    try {
      const health = await t.http().get('/health').timeout(30_000);
      expect(health.status).toBe(200);
      const boards = await t.http().get('/api/boards').timeout(30_000);
      expect(boards.status).toBe(200);
    } finally {
      cli!.kill('SIGCONT');
    }
    const { code, stdout, stderr } = await result;
    expect(stderr).not.toMatch(/Deprecation|Error:|at .*\.js/);
    if (t.db.kind === 'embedded') {
      expect(code).toBe(1);
      expect(stderr).toMatch(/^(Transaktionen var öppen längre än 5 s och har avbrutits|Databasen kunde inte utföra kommandot: förbindelsen med databasen bröts)/);
      expect(stderr).not.toMatch(/oväntat/);
      const rows = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM indicator WHERE name LIKE '%(ny)'`);
      expect(rows).toEqual([{ n: 0 }]);
    } else {
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(/^Verksamhetsplanen 2031 för Äldrenämnden i Årsta \(ÄLN\) är importerad\./);
    }
  });
});

describe('the command line when something is wrong', () => {
  it('says in Swedish that the database cannot be reached, with no English and no deprecation notice', async () => {
    const result = await runCli(['lock', '--board', 'SON', '--year', '2017', '--period', 'T1'], {
      DATABASE_URL: 'postgresql://root@127.0.0.1:1/uppfoljning',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Databasen på 127.0.0.1:1/uppfoljning (DATABASE_URL) kunde inte öppnas: databasservern svarar inte (anslutningen nekades)',
    );
  });

  it('keeps to the same size limit and error count as HTTP', async () => {
    const db = await createTestDatabase();
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-cli-'));
      const big = path.join(dir, 'stor.json');
      fs.writeFileSync(big, JSON.stringify(bigPlan('')));
      const tooBig = await runCli(['import', big], { ...db.env, MAX_DOCUMENT_SIZE: '0,1' });
      expect(tooBig.code).toBe(1);
      expect(tooBig.stderr.trim()).toBe(`Filen ${big} är för stor: högst 102 kB importeras (inställningen MAX_DOCUMENT_SIZE).`);

      const bad = path.join(dir, 'fel.json');
      const doc = bigPlan('');
      doc.indicators = doc.indicators.slice(0, 300).map((i: Json) => ({ ...i, goal: 'finns-inte' }));
      fs.writeFileSync(bad, JSON.stringify(doc));
      const refused = await runCli(['import', bad], { ...db.env, MAX_ERRORS: '10' });
      expect(refused.code).toBe(1);
      const lines = refused.stderr.trim().split('\n');
      expect(lines).toHaveLength(12);
      expect(lines[11]).toBe('  - och 290 fel till som inte visas.');
    } finally {
      await db.dispose();
    }
  });
});
