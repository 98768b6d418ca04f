import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { AppConfig } from '../config/app-config';
import { DomainError, DomainErrorCode } from '../common/domain-error';

/**
 * Where the PostgreSQL driver connects. Either a real server (DATABASE_URL), or the
 * embedded database: PGlite (PostgreSQL compiled to WebAssembly) served on a loopback port
 * by @electric-sql/pglite-socket, so that the normal `pg` driver, TypeORM and the same
 * migrations work unchanged.
 */
export interface DatabaseEndpoint {
  kind: 'server' | 'embedded';
  /** Connection string for the `pg` driver. */
  url: string;
  /** True when this process opened the embedded data folder (and must close it). */
  ownsEmbedded: boolean;
  close(): Promise<void>;
}

/**
 * How a process uses the database: the long-running `server` shares an embedded folder it
 * holds with other processes; a `oneshot` command-line run goes through a running server
 * when there is one, and otherwise holds the folder itself for its short run.
 */
export type DatabaseRole = 'server' | 'oneshot';

/** Contents of the lock file that marks which process holds an embedded data folder. */
interface LockInfo {
  pid: number;
  port: number | null;
  /** True when the holder is a server that other processes may connect through. */
  shared: boolean;
}

const LOCK_FILE = 'uppfoljning.lock';
const PGLITE_DIR = 'pglite';
const WAIT_MS = 60_000;

export async function openDatabaseEndpoint(config: AppConfig, role: DatabaseRole): Promise<DatabaseEndpoint> {
  if (config.databaseUrl) {
    return { kind: 'server', url: config.databaseUrl, ownsEmbedded: false, close: async () => undefined };
  }
  return openEmbedded(config.dataDir, role);
}

/**
 * Opens the embedded database under `dataDir`, or goes through the process that already
 * has it open. PGlite must never be opened by two processes at once (that corrupts it), so
 * the first process writes a lock file with its pid and port. A command-line run beside
 * `npm start` connects to the server's port instead of opening the folder; anything else
 * waits until the holder is done, and gives up with a clear message after a minute.
 */
async function openEmbedded(dataDir: string, role: DatabaseRole): Promise<DatabaseEndpoint> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const deadline = Date.now() + WAIT_MS;
  let holder: LockInfo | null = null;

  while (Date.now() < deadline) {
    if (tryCreateLock(lockPath, role)) {
      return startOwner(dataDir, lockPath, role);
    }
    holder = readLock(lockPath);
    if (holder && !processIsAlive(holder.pid)) {
      removeStaleLock(lockPath, holder);
      continue;
    }
    if (role === 'server' && holder?.shared) break;
    if (role === 'oneshot' && holder?.shared && holder.port && (await portAnswers(holder.port))) {
      return {
        kind: 'embedded',
        url: embeddedUrl(holder.port),
        ownsEmbedded: false,
        close: async () => undefined,
      };
    }
    await sleep(200);
  }

  const who = holder ? `processen med pid ${holder.pid}` : 'en annan process';
  const why =
    role === 'server' && holder?.shared
      ? 'Två servrar kan inte dela samma DATA_DIR; avsluta den andra servern eller välj en annan DATA_DIR.'
      : 'Vänta tills den är klar eller avsluta den.';
  throw new DomainError(
    DomainErrorCode.DatabaseBusy,
    `Den inbäddade databasen i ${dataDir} används av ${who}. ${why} ` +
      `Är du säker på att ingen process använder mappen kan du ta bort filen ${lockPath}.`,
  );
}

function embeddedUrl(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

function tryCreateLock(lockPath: string, role: DatabaseRole): boolean {
  const info: LockInfo = { pid: process.pid, port: null, shared: role === 'server' };
  try {
    fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      port: typeof parsed.port === 'number' ? parsed.port : null,
      shared: parsed.shared === true,
    };
  } catch {
    // Missing, or caught half-written: the caller looks again.
    return null;
  }
}

/** Removes a lock left by a process that died, unless another process replaced it meanwhile. */
function removeStaleLock(lockPath: string, stale: LockInfo): void {
  const current = readLock(lockPath);
  if (current && current.pid === stale.pid) {
    fs.rmSync(lockPath, { force: true });
  }
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function startOwner(dataDir: string, lockPath: string, role: DatabaseRole): Promise<DatabaseEndpoint> {
  let db: PGlite | null = null;
  let server: PGLiteSocketServer | null = null;
  const releaseLock = () => {
    const current = readLock(lockPath);
    if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once('exit', releaseLock);
  try {
    db = await PGlite.create(path.join(dataDir, PGLITE_DIR));
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 100 });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    const info: LockInfo = { pid: process.pid, port, shared: role === 'server' };
    const tmp = `${lockPath}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(info));
    fs.renameSync(tmp, lockPath);

    const openedDb = db;
    const openedServer = server;
    return {
      kind: 'embedded',
      url: embeddedUrl(port),
      ownsEmbedded: true,
      close: async () => {
        await openedServer.stop();
        await openedDb.close();
        releaseLock();
        process.removeListener('exit', releaseLock);
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
