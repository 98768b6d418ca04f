import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Principal } from '../auth/principal';
import { BoardsService } from '../boards/boards.service';
import { forEachBounded } from '../common/bounded';
import { DomainError } from '../common/domain-error';
import { Period, periodName, PERIODS, reportTitle } from '../common/period';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RenderPool } from '../rendering/render-pool';
import { ReportFile, ReportsService } from '../reports/reports.service';
import { CreateReportJobDto } from './dto/create-report-job.dto';
import { ReportJobFile } from './report-job-file.entity';
import { REPORT_JOB_STATE_LABELS, ReportFormat, ReportJob, ReportJobBoard, ReportJobState } from './report-job.entity';
import { InProcessReportQueue, RedisReportQueue, ReportQueue } from './report-queue';

/** A run as the API and the pages show it. */
export interface ReportJobView {
  id: string;
  year: number;
  period: string;
  /** "Tertialrapport 1 2017". */
  title: string;
  formats: ReportFormat[];
  state: ReportJobState;
  stateLabel: string;
  done: number;
  total: number;
  /** Whole percent of the boards finished. */
  percent: number;
  requestedBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  boards: (ReportJobBoard & { files: { id: string; format: string; fileName: string; size: number; url: string }[] })[];
  statusUrl: string;
}

/** Runs a person may start: the year and period, and how many of their boards have it. */
export interface RunnablePeriod {
  year: number;
  period: Period;
  label: string;
  boards: number;
}

const INTERRUPTED = 'Körningen avbröts när servern startades om. Starta en ny körning.';
const FAILED_BOARD = 'Rapporten kunde inte skapas på grund av ett internt fel; försök igen eller kontakta förvaltningen av systemet.';

/**
 * Reports for many boards at once, off the request path: a run is recorded in PostgreSQL,
 * queued (in the app's own process, or on Redis for `npm run worker`), and made board by
 * board through the same ReportsService as a single download; each board's files are kept
 * in PostgreSQL and its progress written after it, so anyone may follow the run on any app
 * instance while it goes on.
 */
@Injectable()
export class ReportJobsService implements OnModuleDestroy {
  private readonly logger = new Logger(ReportJobsService.name);
  private queueInstance: ReportQueue | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly boards: BoardsService,
    private readonly reports: ReportsService,
    private readonly pool: RenderPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The queue, made at first use so that commands that never start a run never connect to Redis. */
  get queue(): ReportQueue {
    this.queueInstance ??= this.config.redisUrl
      ? new RedisReportQueue(this.config.redisUrl, this.config.queuePrefix ?? 'vu')
      : new InProcessReportQueue((id) => this.process(id));
    return this.queueInstance;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queueInstance?.close();
  }

  /** Starts a run of every board's report (or the boards asked for) that the person may read. */
  async create(principal: Principal, year: number, period: Period, request: CreateReportJobDto): Promise<ReportJobView> {
    const visible = principal.visibleBoards();
    const withPeriod = (await this.boards.list()).filter((b) => b.years.some((y) => y.year === year && y.periods.some((p) => p.period === period)));
    const readable = withPeriod.filter((b) => visible === null || visible.has(b.code.toUpperCase()));
    let chosen = readable;
    if (request.boards !== undefined) {
      const byCode = new Map(readable.map((b) => [b.code.toUpperCase(), b]));
      const errors = request.boards
        .map((code, i) => ({ code, i }))
        .filter(({ code }) => !byCode.has(code.trim().toUpperCase()))
        .map(({ code, i }) => ({ path: `boards[${i}]`, message: `Nämnden "${code}" finns inte med ${periodName(period, year)}, eller du får inte läsa den.` }));
      if (errors.length > 0) throw DomainError.invalid('Några av nämnderna kan inte tas med i körningen.', errors);
      chosen = request.boards.map((code) => byCode.get(code.trim().toUpperCase())!);
    }
    if (chosen.length === 0) {
      throw DomainError.notFound(`Ingen nämnd som du kan läsa har ${periodName(period, year)}.`);
    }
    const job = this.dataSource.getRepository(ReportJob).create({
      id: randomUUID(),
      requestedBy: principal.username,
      year,
      period,
      formats: [...request.formats],
      boards: chosen.map((b): ReportJobBoard => ({ code: b.code, name: b.name, state: 'waiting', error: null })),
      state: 'queued',
      done: 0,
      total: chosen.length,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    await this.dataSource.getRepository(ReportJob).save(job);
    await this.queue.enqueue(job.id);
    return this.view(principal, job.id);
  }

  /** A run with its progress and finished files; only the person who started it and administrators see it. */
  async view(principal: Principal, id: string): Promise<ReportJobView> {
    const job = await this.visibleJob(principal, id);
    const files = await this.dataSource.getRepository(ReportJobFile).find({ where: { jobId: job.id }, order: { id: 'ASC' } });
    return toView(job, files);
  }

  /** The person's latest runs (an administrator's: everyone's), newest first. */
  async recent(principal: Principal, limit = 20): Promise<ReportJobView[]> {
    const jobs = await this.dataSource.getRepository(ReportJob).find({
      where: principal.isAdmin ? {} : { requestedBy: principal.username },
      order: { createdAt: 'DESC' },
      take: limit,
    });
    const files = jobs.length === 0 ? [] : await this.dataSource.getRepository(ReportJobFile).find({ where: { jobId: In(jobs.map((j) => j.id)) }, order: { id: 'ASC' } });
    return jobs.map((job) => toView(job, files.filter((f) => f.jobId === job.id)));
  }

  /** One finished file of a run. */
  async file(principal: Principal, id: string, fileId: string): Promise<ReportFile> {
    const job = await this.visibleJob(principal, id);
    const file = /^\d{1,18}$/.test(fileId)
      ? await this.dataSource.getRepository(ReportJobFile).findOne({ where: { id: fileId, jobId: job.id }, select: { id: true, fileName: true, contentType: true, content: true } })
      : null;
    if (!file) throw DomainError.notFound(`Körningen har ingen fil ${fileId}.`);
    return { fileName: file.fileName, contentType: file.contentType, content: file.content };
  }

  /** The years and periods that the person's boards have, newest first: what a run can be started for. */
  async runnablePeriods(principal: Principal): Promise<RunnablePeriod[]> {
    const visible = principal.visibleBoards();
    const counts = new Map<string, RunnablePeriod>();
    for (const board of await this.boards.list()) {
      if (visible !== null && !visible.has(board.code.toUpperCase())) continue;
      for (const y of board.years) {
        for (const p of y.periods) {
          const key = `${y.year}-${p.period}`;
          const entry = counts.get(key) ?? { year: y.year, period: p.period, label: reportTitle(p.period, y.year), boards: 0 };
          entry.boards += 1;
          counts.set(key, entry);
        }
      }
    }
    return [...counts.values()].sort((a, b) => b.year - a.year || PERIODS.indexOf(b.period) - PERIODS.indexOf(a.period));
  }

  /**
   * Makes a run: every board's files, as many boards at a time as the render pool has threads.
   * A board that cannot be reported (say its period is missing now) is marked failed with the
   * reason and the run goes on. Files of an earlier attempt of the same run are replaced.
   */
  async process(id: string): Promise<void> {
    const jobs = this.dataSource.getRepository(ReportJob);
    const job = await jobs.findOneBy({ id });
    if (!job || job.state === 'done') return;
    await this.dataSource.getRepository(ReportJobFile).delete({ jobId: id });
    await jobs.update({ id }, { state: 'running', startedAt: new Date(), done: 0, error: null });
    const boards: ReportJobBoard[] = job.boards.map((b) => ({ ...b, state: 'waiting', error: null }));
    try {
      await forEachBounded(boards, this.pool.threads, async (board) => {
        const files: ReportJobFile[] = [];
        try {
          for (const format of job.formats) {
            const made = format === 'docx'
              ? await this.reports.reportDocument(board.code, job.year, job.period as Period)
              : await this.reports.reportWorkbook(board.code, job.year, job.period as Period);
            files.push(this.dataSource.getRepository(ReportJobFile).create({
              jobId: id, boardCode: board.code, format, fileName: made.fileName, contentType: made.contentType, content: made.content, size: made.content.length,
            }));
          }
          board.state = 'done';
        } catch (error) {
          board.state = 'failed';
          board.error = error instanceof DomainError ? error.message : FAILED_BOARD;
          if (!(error instanceof DomainError)) this.logger.error(`Rapporten för ${board.code} i körning ${id}: ${error instanceof Error ? error.stack : error}`);
          files.length = 0;
        }
        // The board's files and the run's progress in one transaction: a file is never shown half written.
        await this.dataSource.transaction(async (em) => {
          if (files.length > 0) await em.getRepository(ReportJobFile).save(files);
          await em.getRepository(ReportJob).update({ id }, { boards: boards.map((b) => ({ ...b })), done: boards.filter((b) => b.state !== 'waiting').length });
        });
      });
      await jobs.update({ id }, { state: 'done', finishedAt: new Date(), boards, done: boards.length });
    } catch (error) {
      this.logger.error(`Körning ${id} avbröts: ${error instanceof Error ? error.stack : error}`);
      await jobs.update({ id }, { state: 'failed', finishedAt: new Date(), error: 'Körningen avbröts av ett internt fel; de rapporter som hann bli klara finns kvar.' });
    }
  }

  /**
   * Runs that the app's own queue was making when the server stopped can never finish: they
   * are marked as stopped at the next start. (With Redis, BullMQ hands them to a worker again.)
   */
  async failInterrupted(): Promise<number> {
    if (this.config.redisUrl) return 0;
    const result = await this.dataSource.getRepository(ReportJob).update({ state: In(['queued', 'running']) }, { state: 'failed', error: INTERRUPTED, finishedAt: new Date() });
    return result.affected ?? 0;
  }

  private async visibleJob(principal: Principal, id: string): Promise<ReportJob> {
    const job = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await this.dataSource.getRepository(ReportJob).findOneBy({ id }) : null;
    // Someone else's run is "not found", not "forbidden": its existence is not theirs to know.
    if (!job || (!principal.isAdmin && job.requestedBy !== principal.username)) throw DomainError.notFound(`Det finns ingen rapportkörning ${id}.`);
    return job;
  }
}

function toView(job: ReportJob, files: ReportJobFile[]): ReportJobView {
  const statusUrl = `/api/report-jobs/${job.id}`;
  return {
    id: job.id,
    year: job.year,
    period: job.period,
    title: reportTitle(job.period as Period, job.year),
    formats: job.formats,
    state: job.state,
    stateLabel: REPORT_JOB_STATE_LABELS[job.state],
    done: job.done,
    total: job.total,
    percent: job.total === 0 ? 100 : Math.floor((100 * job.done) / job.total),
    requestedBy: job.requestedBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    boards: job.boards.map((b) => ({
      ...b,
      files: files
        .filter((f) => f.boardCode === b.code)
        .map((f) => ({ id: f.id, format: f.format, fileName: f.fileName, size: f.size, url: `${statusUrl}/files/${f.id}` })),
    })),
    statusUrl,
  };
}
