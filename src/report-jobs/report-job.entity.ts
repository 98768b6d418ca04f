import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a run of reports stands: waiting in the queue, being made, finished (some boards may have failed), or stopped. */
export const REPORT_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportJobState = (typeof REPORT_JOB_STATES)[number];

export const REPORT_JOB_STATE_LABELS: Record<ReportJobState, string> = {
  queued: 'i kö',
  running: 'pågår',
  done: 'klar',
  failed: 'avbruten',
};

export const REPORT_FORMATS = ['xlsx', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One board of a run: waiting, its files made, or refused with the Swedish reason. */
export interface ReportJobBoard {
  code: string;
  name: string;
  state: 'waiting' | 'done' | 'failed';
  error: string | null;
}

/**
 * A run of reports for many boards at once (the city's deadline): every board's report of
 * one year and period, made off the request path by the app's own queue or by `npm run
 * worker` on any machine. Kept in PostgreSQL with its files, so any app instance can show
 * its progress and serve them.
 */
@Entity('report_job')
@Index(['requestedBy', 'createdAt'])
export class ReportJob {
  /** A random UUID made by the service (crypto.randomUUID), so that no database extension is needed. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Who started the run; only they (and administrators) see it. */
  @Column({ type: 'varchar', length: 100 })
  requestedBy: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 3 })
  period: string;

  @Column({ type: 'simple-array' })
  formats: ReportFormat[];

  @Column({ type: 'jsonb' })
  boards: ReportJobBoard[];

  @Column({ type: 'varchar', length: 10 })
  state: ReportJobState;

  /** Boards finished (made or failed) of `total`. */
  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ type: 'int' })
  total: number;

  /** Why the whole run stopped, in Swedish; a single board's failure is on the board. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
