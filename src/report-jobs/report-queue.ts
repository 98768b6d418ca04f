import { Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';

/** The queue's name in Redis; BullMQ keeps its keys under `<QUEUE_PREFIX>:rapportkorningar:`. */
export const REPORT_QUEUE_NAME = 'rapportkorningar';

/**
 * Where runs of reports wait to be made: the app's own process (one machine), or a BullMQ
 * queue on Redis that `npm run worker` processes on any number of machines sharing the
 * PostgreSQL server. The run and its files live in PostgreSQL either way; the queue
 * carries only the run's id.
 */
export interface ReportQueue {
  readonly kind: 'in-process' | 'redis';
  enqueue(jobId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app's own queue: runs are made one after another after the request that started them
 * has been answered; the drawing and writing happen in the render pool's threads, so the
 * server keeps answering meanwhile.
 */
export class InProcessReportQueue implements ReportQueue {
  readonly kind = 'in-process' as const;
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly processJob: (jobId: string) => Promise<void>) {}

  async enqueue(jobId: string): Promise<void> {
    if (this.closed) throw new Error('The report queue is closed.');
    // processJob records its own failures on the run; a crash here must not stop the next run.
    this.tail = this.tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => this.processJob(jobId)).catch(() => undefined);
  }

  /** Waits for the runs already queued, so that the database is not closed under them. */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }
}

/** A connection BullMQ can block on: it wants no per-request retry limit. */
export function redisConnection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** Runs of reports on Redis (BullMQ): the app adds them, `npm run worker` processes them. */
export class RedisReportQueue implements ReportQueue {
  readonly kind = 'redis' as const;
  private readonly connection: IORedis;
  private readonly queue: Queue;

  constructor(url: string, prefix: string) {
    this.connection = redisConnection(url);
    this.queue = new Queue(REPORT_QUEUE_NAME, { connection: this.connection, prefix });
  }

  async enqueue(jobId: string): Promise<void> {
    // The run's id is the queue job's id: adding the same run twice is a no-op.
    await this.queue.add('rapport', { jobId }, { jobId, attempts: 1, removeOnComplete: 1000, removeOnFail: 1000 });
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}

/** A BullMQ worker making the queued runs, one at a time per worker process (each run already uses every thread). */
export function startReportWorker(url: string, prefix: string, processJob: (jobId: string) => Promise<void>): { worker: Worker; close(): Promise<void> } {
  const connection = redisConnection(url);
  const worker = new Worker(REPORT_QUEUE_NAME, (job: Job<{ jobId: string }>) => processJob(job.data.jobId), { connection, prefix, concurrency: 1 });
  return {
    worker,
    async close() {
      await worker.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
