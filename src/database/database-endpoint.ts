import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { AppConfig, DEFAULT_TRANSACTION_TIMEOUT_MS } from '../config/app-config';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { EmbeddedServer, EmbeddedServerState } from './embedded-server';

/**
 * Where the PostgreSQL driver connects. Either a real server (DATABASE_URL), or the
 * embedded database: PGlite (PostgreSQL compiled to WebAssembly) served by EmbeddedServer
 * on a Unix socket inside DATA_DIR that only the product's user may open, so that the
 * normal `pg` driver, TypeORM and the same migrations work unchanged.
 */
export interface DatabaseEndpoint {
  kind: 'server' | 'embedded';
  /** Connection string for the `pg` driver. */
  url: string;
  /** True when this process opened the embedded data folder (and must close it). */
  ownsEmbedded: boolean;
  /** The embedded server's state, in the process that holds the folder. */
  embeddedState?: () => EmbeddedServerState;
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
  /** Folder of the Unix socket `.s.PGSQL.5432` through which the holder serves the database. */
  socketDir: string | null;
  /** True when the holder is a server that other processes may connect through. */
  shared: boolean;
}

const LOCK_FILE = 'uppfoljning.lock';
const PGLITE_DIR = 'pglite';
const SOCKET_DIR = 'run';
const SOCKET_FILE = '.s.PGSQL.5432';
/** Unix socket paths longer than this do not fit in sockaddr_un on every system. */
const MAX_SOCKET_PATH = 100;
const WAIT_MS = 60_000;

export async function openDatabaseEndpoint(config: AppConfig, role: DatabaseRole): Promise<DatabaseEndpoint> {
  if (config.databaseUrl) {
    return { kind: 'server', url: config.databaseUrl, ownsEmbedded: false, close: async () => undefined };
  }
  return openEmbedded(config.dataDir, role, config.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS);
}

/**
 * Opens the embedded database under `dataDir`, or goes through the process that already
 * has it open. PGlite must never be opened by two processes at once (that corrupts it), so
 * the first process writes a lock file with its pid and socket folder. A command-line run
 * beside `npm start` connects to the server's socket instead of opening the folder; anything else
 * waits until the holder is done, and gives up with a clear message after a minute.
 */
async function openEmbedded(dataDir: string, role: DatabaseRole, transactionTimeoutMs: number): Promise<DatabaseEndpoint> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const deadline = Date.now() + WAIT_MS;
  let holder: LockInfo | null = null;

  while (Date.now() < deadline) {
    if (tryCreateLock(lockPath, role)) {
      return startOwner(dataDir, lockPath, role, transactionTimeoutMs);
    }
    holder = readLock(lockPath);
    if (holder && !processIsAlive(holder.pid)) {
      removeStaleLock(lockPath, holder);
      continue;
    }
    // A holder that is still vanishing (killed, its memory being freed) no longer answers:
    // wait for it to go instead of refusing. One that answers is a running server.
    const answers = holder?.shared && holder.socketDir ? await socketAnswers(holder.socketDir) : false;
    if (role === 'server' && holder?.shared && answers) break;
    if (role === 'oneshot' && answers) {
      return {
        kind: 'embedded',
        url: embeddedUrl(holder!.socketDir!),
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

/** A `pg` connection string for the Unix socket in `socketDir` (libpq's `?host=/folder` form). */
function embeddedUrl(socketDir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
}

function tryCreateLock(lockPath: string, role: DatabaseRole): boolean {
  const info: LockInfo = { pid: process.pid, socketDir: null, shared: role === 'server' };
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
      socketDir: typeof parsed.socketDir === 'string' ? parsed.socketDir : null,
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
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent has not collected it yet (a zombie) holds nothing.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

function socketAnswers(socketDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ path: path.join(socketDir, SOCKET_FILE) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The folder of the socket: `run/` inside DATA_DIR, readable by the owner only; when that
 * path is too long for a Unix socket, a private temporary folder (its name is in the lock).
 */
function makeSocketDir(dataDir: string): string {
  const inside = path.join(dataDir, SOCKET_DIR);
  if (path.join(inside, SOCKET_FILE).length <= MAX_SOCKET_PATH) {
    fs.mkdirSync(inside, { recursive: true, mode: 0o700 });
    fs.chmodSync(inside, 0o700);
    return inside;
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), 'uppfoljning-')); // created 0700
}

async function startOwner(dataDir: string, lockPath: string, role: DatabaseRole, transactionTimeoutMs: number): Promise<DatabaseEndpoint> {
  let db: PGlite | null = null;
  let server: EmbeddedServer | null = null;
  let socketDir: string | null = null;
  const releaseLock = () => {
    const current = readLock(lockPath);
    if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once('exit', releaseLock);
  try {
    db = await PGlite.create(path.join(dataDir, PGLITE_DIR));
    socketDir = makeSocketDir(dataDir);
    server = new EmbeddedServer(db, { transactionTimeoutMs });
    await server.listen(path.join(socketDir, SOCKET_FILE));
    const info: LockInfo = { pid: process.pid, socketDir, shared: role === 'server' };
    const tmp = `${lockPath}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(info));
    fs.renameSync(tmp, lockPath);

    const openedDb = db;
    const openedServer = server;
    const openedSocketDir = socketDir;
    return {
      kind: 'embedded',
      url: embeddedUrl(socketDir),
      ownsEmbedded: true,
      embeddedState: () => openedServer.state(),
      close: async () => {
        await openedServer.close();
        await openedDb.close();
        removeSocketDir(dataDir, openedSocketDir);
        releaseLock();
        process.removeListener('exit', releaseLock);
      },
    };
  } catch (error) {
    await server?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    if (socketDir) removeSocketDir(dataDir, socketDir);
    releaseLock();
    throw error;
  }
}

function removeSocketDir(dataDir: string, socketDir: string): void {
  fs.rmSync(path.join(socketDir, SOCKET_FILE), { force: true });
  if (!socketDir.startsWith(path.resolve(dataDir))) fs.rmSync(socketDir, { recursive: true, force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
