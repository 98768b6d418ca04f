import * as fs from 'node:fs';
import * as net from 'node:net';
import { PGlite } from '@electric-sql/pglite';

/** Start-up codes of the PostgreSQL wire protocol that come before any typed message. */
const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Typed frontend messages the exchange logic looks at. */
const QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'

/** "ReadyForQuery, length 5" followed by the transaction status byte. */
const READY_FOR_QUERY = [0x5a, 0, 0, 0, 5];
const STATUS_IDLE = 0x49; // 'I'

export interface EmbeddedServerOptions {
  /**
   * How long one connection may keep the database to itself (a transaction, or an extended
   * query up to its Sync). Past it the transaction is rolled back and the connection closed
   * with a Swedish message, so that a paused or stuck client cannot hold every other one.
   */
  transactionTimeoutMs: number;
}

/** What the server is doing, for tests and diagnostics. */
export interface EmbeddedServerState {
  connections: number;
  /** True while a client holds the database inside an open transaction. */
  inTransaction: boolean;
  waiting: number;
}

/**
 * Serves one PGlite database to many PostgreSQL clients (the `pg` pool, a command-line
 * run) over a Unix socket, so that the ordinary driver, TypeORM and the migrations work
 * unchanged.
 *
 * PGlite is a single PostgreSQL session. Sharing it statement by statement (as
 * @electric-sql/pglite-socket does) lets one client's unnamed prepared statement, portal,
 * `SET` or transaction leak into another's. Here a client gets the session to itself from
 * its first message until PostgreSQL says it is idle again (ReadyForQuery with status 'I',
 * i.e. after its transaction or its extended-protocol Sync); other clients' messages wait
 * in arrival order. When the session passes to another client its settings, prepared
 * statements and cursors are reset, so every client starts from the same clean session.
 * A client that keeps the session longer than `transactionTimeoutMs` has its transaction
 * rolled back and its connection closed with an error saying why.
 */
export class EmbeddedServer {
  private server: net.Server | null = null;
  private readonly connections = new Set<Connection>();
  /** The connection that has the session to itself, if any. */
  private owner: Connection | null = null;
  /** The connection whose session state is current (reset before another one starts). */
  private lastOwner: Connection | null = null;
  private ownerTimer: NodeJS.Timeout | null = null;
  /** True while a message (or a reset) runs in PGlite. */
  private busy = false;
  private inTransaction = false;
  private closed = false;

  constructor(
    private readonly db: PGlite,
    private readonly options: EmbeddedServerOptions,
  ) {}

  /** Listens on a Unix socket that only this user may open (the folder is made 0700 by the caller). */
  async listen(socketPath: string): Promise<void> {
    fs.rmSync(socketPath, { force: true });
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    fs.chmodSync(socketPath, 0o600);
    this.server = server;
  }

  state(): EmbeddedServerState {
    return {
      connections: this.connections.size,
      inTransaction: this.owner !== null && this.inTransaction,
      waiting: [...this.connections].filter((c) => c !== this.owner && c.pending.length > 0).length,
    };
  }

  /** Stops accepting, closes every client and waits for the running message to finish. */
  async close(): Promise<void> {
    this.closed = true;
    const server = this.server;
    this.server = null;
    for (const connection of this.connections) connection.socket.destroy();
    this.connections.clear();
    this.clearOwnerTimer();
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 5));
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    const connection = new Connection(socket);
    this.connections.add(connection);
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => {
      try {
        connection.receive(data);
      } catch {
        socket.destroy();
        return;
      }
      this.schedule();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.dropConnection(connection));
  }

  /** Runs the next message: the owner's if it has the session, else the longest-waiting client's. */
  private schedule(): void {
    if (this.busy || this.closed) return;
    let next: Connection | null = null;
    if (this.owner) {
      if (this.owner.pending.length === 0) return; // the owner keeps the session; others wait
      next = this.owner;
    } else {
      for (const c of this.connections) {
        if (c.pending.length > 0 && (next === null || c.waitingSince < next.waitingSince)) next = c;
      }
      if (!next) return;
    }
    void this.run(next);
  }

  private async run(connection: Connection): Promise<void> {
    if (this.owner !== connection && connection.pending[0]?.[0] === TERMINATE) {
      // An idle client says goodbye (the pool closing it): nothing of it to roll back.
      connection.pending = [];
      connection.socket.end();
      this.schedule();
      return;
    }
    this.busy = true;
    try {
      if (this.owner !== connection) {
        if (this.lastOwner !== null && this.lastOwner !== connection) await this.resetSession();
        this.owner = connection;
        this.lastOwner = connection;
        this.startOwnerTimer(connection);
      }
      const message = connection.pending.shift()!;
      if (connection.pending.length === 0) connection.waitingSince = Number.POSITIVE_INFINITY;
      await this.execute(connection, message);
    } catch {
      // PGlite refused the message outright: this client cannot go on, the others can.
      connection.socket.destroy();
      await this.releaseBroken(connection);
    } finally {
      this.busy = false;
    }
    if (connection.timedOut && this.owner === connection) await this.expel(connection);
    this.schedule();
  }

  private async execute(connection: Connection, message: Buffer): Promise<void> {
    const type = message[0];
    if (type === TERMINATE) {
      // The client says goodbye: end whatever it left open, and let the others in.
      connection.socket.end();
      await this.releaseBroken(connection);
      return;
    }
    const startup = type === 0;
    const tail: number[] = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(message), {
        onRawData: (data) => {
          if (data.length === 0) return;
          if (!connection.socket.destroyed) connection.socket.write(Buffer.from(data));
          for (const byte of data.subarray(Math.max(0, data.length - 6))) {
            tail.push(byte);
            if (tail.length > 6) tail.shift();
          }
        },
      }),
    );
    // Only a Sync, a simple Query or the start-up ends an exchange with ReadyForQuery.
    if (!(startup || type === SYNC || type === QUERY)) return;
    if (tail.length === 6 && READY_FOR_QUERY.every((b, i) => tail[i] === b)) {
      this.inTransaction = tail[5] !== STATUS_IDLE;
      if (!this.inTransaction) this.releaseOwner();
    }
  }

  /** Rolls back what a client left (gone, refused, or timed out) and frees the session. */
  private async releaseBroken(connection: Connection): Promise<void> {
    if (this.owner !== connection) return;
    await this.rawQuiet(syncMessage());
    await this.rawQuiet(queryMessage('ROLLBACK'));
    this.inTransaction = false;
    this.releaseOwner();
  }

  /** The owner held the session too long: tell it why, close it and roll its transaction back. */
  private async expel(connection: Connection): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const seconds = Math.round(this.options.transactionTimeoutMs / 100) / 10;
      connection.socket.end(
        fatalError(
          '25P03',
          `Transaktionen var öppen längre än ${String(seconds).replace('.', ',')} s och har avbrutits; ingenting av den sparades. ` +
            'Den inbäddade databasen betjänar en klient i taget, och ingen får hålla den längre än så.',
        ),
      );
      setTimeout(() => connection.socket.destroy(), 1000).unref();
      await this.releaseBroken(connection);
    } finally {
      this.busy = false;
    }
    this.schedule();
  }

  private async dropConnection(connection: Connection): Promise<void> {
    this.connections.delete(connection);
    connection.pending = [];
    if (this.owner !== connection) return;
    if (this.busy) {
      // The running message finishes first; then the owner is expelled (its socket is gone).
      connection.timedOut = true;
      return;
    }
    this.busy = true;
    try {
      await this.releaseBroken(connection);
    } finally {
      this.busy = false;
    }
    this.schedule();
  }

  /** Clears the last client's settings, prepared statements and cursors. */
  private async resetSession(): Promise<void> {
    await this.rawQuiet(queryMessage('RESET ALL; DEALLOCATE ALL; CLOSE ALL'));
  }

  private async rawQuiet(message: Uint8Array): Promise<void> {
    await this.db.runExclusive(() => this.db.execProtocolRawStream(message, { onRawData: () => undefined }));
  }

  private releaseOwner(): void {
    this.owner = null;
    this.clearOwnerTimer();
  }

  private startOwnerTimer(connection: Connection): void {
    this.clearOwnerTimer();
    this.ownerTimer = setTimeout(() => {
      if (this.owner !== connection) return;
      connection.timedOut = true;
      if (!this.busy) void this.expel(connection);
    }, this.options.transactionTimeoutMs);
    this.ownerTimer.unref();
  }

  private clearOwnerTimer(): void {
    if (this.ownerTimer) clearTimeout(this.ownerTimer);
    this.ownerTimer = null;
  }
}

/** One client: its unparsed bytes and its complete messages waiting for the session. */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  pending: Buffer[] = [];
  waitingSince = Number.POSITIVE_INFINITY;
  timedOut = false;

  constructor(readonly socket: net.Socket) {}

  /** Splits incoming bytes into whole protocol messages; answers SSL/GSS requests at once. */
  receive(data: Buffer): void {
    this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data]);
    while (true) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        const code = this.buffer.readInt32BE(4);
        if (length < 8 || length > 10_000) throw new Error('bad start-up packet');
        if (this.buffer.length < length) return;
        const packet = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          this.socket.write('N');
        } else if (code === CANCEL_REQUEST) {
          // PGlite has no backend to signal; the protocol expects no answer.
          this.socket.end();
          return;
        } else if (code === PROTOCOL_3) {
          this.started = true;
          this.push(Buffer.from(packet));
        } else {
          throw new Error('unsupported protocol');
        }
        continue;
      }
      if (this.buffer.length < 5) return;
      const total = 1 + this.buffer.readInt32BE(1);
      if (total < 5) throw new Error('bad message length');
      if (this.buffer.length < total) return;
      this.push(Buffer.from(this.buffer.subarray(0, total)));
      this.buffer = this.buffer.subarray(total);
    }
  }

  private push(message: Buffer): void {
    if (this.pending.length === 0) this.waitingSince = performance.now();
    this.pending.push(message);
  }
}

function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

function syncMessage(): Uint8Array {
  return Uint8Array.from([SYNC, 0, 0, 0, 4]);
}

/** A FATAL ErrorResponse: the driver reports `message` (with `code`) and the connection ends. */
function fatalError(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, 'utf8'),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header[0] = 0x45; // 'E'
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
