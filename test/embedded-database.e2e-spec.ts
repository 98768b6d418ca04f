import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../src/config/app-config';
import { DatabaseEndpoint, openDatabaseEndpoint } from '../src/database/database-endpoint';

/*
 * The embedded database (PGlite) is one PostgreSQL session served to many clients. These
 * tests connect several ordinary `pg` clients at once, as the server's pool and a
 * command-line run do, and check that no client ever sees another's session.
 */

const embedded = !process.env.DATABASE_URL;
const describeEmbedded = embedded ? describe : describe.skip;

/** Fails a test that would otherwise hang (the defect these tests guard against). */
function withinBound<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: inget svar inom ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

async function connect(endpoint: DatabaseEndpoint): Promise<Client> {
  const client = new Client({ connectionString: endpoint.url });
  client.on('error', () => undefined); // a client the server closes reports it on its next query
  await client.connect();
  return client;
}

describeEmbedded('the embedded database under concurrent clients', () => {
  let dataDir: string;
  let endpoint: DatabaseEndpoint;
  const clients: Client[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-embedded-'));
    const config: AppConfig = { databaseUrl: null, dataDir, port: 0, seedDemoData: false, transactionTimeoutMs: 1500 };
    endpoint = await openDatabaseEndpoint(config, 'server');
    const setup = await connect(endpoint);
    await setup.query('CREATE TABLE note (writer int NOT NULL, n int NOT NULL)');
    await setup.end();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end().catch(() => undefined);
  });

  afterAll(async () => {
    await endpoint?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function client(): Promise<Client> {
    const c = await connect(endpoint);
    clients.push(c);
    return c;
  }

  it('is served on a Unix socket inside DATA_DIR that only its owner may open, not on a TCP port', () => {
    const socketDir = new URL(endpoint.url).searchParams.get('host');
    expect(socketDir).toBe(path.join(dataDir, 'run'));
    expect(fs.statSync(socketDir!).mode & 0o777).toBe(0o700);
    const socket = fs.statSync(path.join(socketDir!, '.s.PGSQL.5432'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'uppfoljning.lock'), 'utf8'));
    expect(lock).not.toHaveProperty('port');
  });

  it("keeps one client's SET search_path away from every other client", async () => {
    const careless = await client();
    const other = await client();
    await careless.query('SET search_path TO nowhere');
    const rows = await withinBound(other.query('SELECT count(*)::int AS n FROM note'), 20_000, 'SELECT');
    expect(rows.rows).toEqual([{ n: expect.any(Number) }]);
  });

  it('never interleaves two transactions: each sees only its own uncommitted rows', async () => {
    const writers = await Promise.all(Array.from({ length: 12 }, () => client()));
    const results = await withinBound(
      Promise.all(
        writers.map(async (c, writer) => {
          await c.query('BEGIN');
          for (let n = 0; n < 5; n++) await c.query('INSERT INTO note (writer, n) VALUES ($1, $2)', [1000 + writer, n]);
          // Inside its own transaction a writer sees its five rows and no other writer's uncommitted ones.
          const seen = await c.query('SELECT count(*)::int AS n FROM note WHERE writer >= 1000');
          await c.query('COMMIT');
          return seen.rows[0].n as number;
        }),
      ),
      60_000,
      'tolv samtidiga transaktioner',
    );
    // The i-th writer to commit sees the rows of those before it plus its own five: never a partial batch.
    for (const seen of results) expect(seen % 5).toBe(0);
    const total = await (await client()).query('SELECT count(*)::int AS n FROM note WHERE writer >= 1000');
    expect(total.rows[0].n).toBe(60);
  });

  it('rolls back a transaction held past the time limit, tells its client why, and serves the others', async () => {
    const paused = await client();
    const other = await client();
    await paused.query('BEGIN');
    await paused.query('INSERT INTO note (writer, n) VALUES (1, 1)');
    // The paused client sends nothing more; the other must still get its answer.
    const answer = await withinBound(other.query('SELECT count(*)::int AS n FROM note WHERE writer = 1'), 20_000, 'SELECT');
    expect(answer.rows).toEqual([{ n: 0 }]);
    const late = await paused.query('COMMIT').catch((error: Error) => error);
    expect(late).toBeInstanceOf(Error);
    const after = await (await client()).query('SELECT count(*)::int AS n FROM note WHERE writer = 1');
    expect(after.rows).toEqual([{ n: 0 }]);
  });

  it('says in Swedish why it closed a connection that held a transaction too long', async () => {
    const paused = await client();
    const told = new Promise<Error>((resolve) => paused.once('error', resolve));
    await paused.query('BEGIN');
    const error = await withinBound(told, 20_000, 'besked om avbruten transaktion');
    expect(error.message).toMatch(/^Transaktionen var öppen längre än 1,5 s och har avbrutits; ingenting av den sparades\./);
  });
});

describeEmbedded('a restart right after kill -9', () => {
  it('waits for the old server to vanish instead of refusing it as a second server', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-restart-'));
    // A process that still exists for a moment but no longer serves, as a killed server
    // does while its memory is freed; it left the lock of a server behind.
    const vanishing = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1500)']);
    const gone = new Promise((resolve) => vanishing.once('exit', resolve));
    fs.writeFileSync(
      path.join(dataDir, 'uppfoljning.lock'),
      JSON.stringify({ pid: vanishing.pid, socketDir: path.join(dataDir, 'run'), port: 1, shared: true }),
    );
    const config: AppConfig = { databaseUrl: null, dataDir, port: 0, seedDemoData: false };
    const endpoint = await openDatabaseEndpoint(config, 'server');
    try {
      expect(endpoint.ownsEmbedded).toBe(true);
      await gone;
    } finally {
      await endpoint.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
