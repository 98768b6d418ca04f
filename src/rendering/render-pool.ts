import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { Piscina } from 'piscina';
import { ChartKind, RenderedChart } from '../charts/chart-kinds';
import { BoardComparison } from '../comparison/board-comparison.calc';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PeriodFollowup } from '../followup/period-followup';
import { ReportTemplate } from '../reports/report-template';
import { ChartPage, RenderResult, RenderTask, runRenderTask, withBuffers } from './render-task';

/** A worker thread that has nothing to do for this long is stopped; the next report starts one again. */
const IDLE_MS = 60_000;

/**
 * The worker threads that draw the charts and write the workbooks and Word documents
 * (piscina), so that a report never holds up the server's event loop: while one manager
 * generates the board's report, every controller's save is still answered at once.
 * REPORT_THREADS threads (default: one per CPU); 0 does the work in the calling thread,
 * for a machine where threads are not wanted (the same code, only not off the event loop).
 */
@Injectable()
export class RenderPool implements OnModuleDestroy {
  private readonly logger = new Logger(RenderPool.name);
  private readonly pool: Piscina | null;
  /** How many tasks may run at once: the threads, or one in the calling thread. */
  readonly threads: number;

  constructor(@Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    const wanted = config?.reportThreads ?? defaultReportThreads();
    const script = wanted > 0 ? workerScript() : null;
    if (wanted > 0 && !script) this.logger.warn('render-worker.js saknas (kör nest build); rapporterna ritas i serverns egen tråd.');
    this.pool = script ? new Piscina({ filename: script, name: 'render', minThreads: 0, maxThreads: wanted, idleTimeout: IDLE_MS }) : null;
    this.threads = this.pool ? wanted : 1;
  }

  /** Whether the work runs in worker threads (false: in the calling thread). */
  get offThread(): boolean {
    return this.pool !== null;
  }

  /**
   * The given pages of a follow-up's charts, in the order asked for. The pages are dealt
   * across the threads (a board with many indicators has many indicator pages), so one
   * report uses every core.
   */
  async charts(followup: PeriodFollowup, pages: ChartPage[]): Promise<RenderedChart[]> {
    if (pages.length === 0) return [];
    const lanes = Math.min(this.threads, pages.length);
    const dealt = Array.from({ length: lanes }, (_, lane) => pages.map((page, i) => ({ page, i })).filter(({ i }) => i % lanes === lane));
    const drawn = await Promise.all(
      dealt.map(async (lane) => ({ lane, charts: (await this.run({ type: 'chart-pages', followup, pages: lane.map(({ page }) => page) })) as RenderedChart[] })),
    );
    const ordered: RenderedChart[] = new Array(pages.length);
    for (const { lane, charts } of drawn) lane.forEach(({ i }, k) => (ordered[i] = charts[k]));
    return withBuffers(ordered);
  }

  /** The comparison chart of one indicator across boards. */
  async comparisonChart(comparison: BoardComparison, subtitle: string): Promise<RenderedChart> {
    const [chart] = (await this.run({ type: 'comparison-chart', comparison, subtitle })) as RenderedChart[];
    return withBuffers([chart])[0];
  }

  /** The report workbook's bytes, written in a worker thread from the computed follow-up and its drawn charts. */
  async workbook(followup: PeriodFollowup, template: ReportTemplate, charts: RenderedChart[], generatedAt: Date): Promise<Buffer> {
    return asBuffer((await this.run({ type: 'workbook', followup, template, charts, generatedAt })) as Uint8Array);
  }

  /** The Word document's bytes, written in a worker thread. */
  async document(followup: PeriodFollowup, template: ReportTemplate, charts: RenderedChart[], generatedAt: Date | null): Promise<Buffer> {
    return asBuffer((await this.run({ type: 'document', followup, template, charts, generatedAt })) as Uint8Array);
  }

  /** Tasks the worker threads have finished since the start (0 when the work runs in the calling thread). */
  get completedTasks(): number {
    return this.pool?.completed ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }

  private run(task: RenderTask): Promise<RenderResult> {
    return this.pool ? this.pool.run(task) : runRenderTask(task);
  }
}

/** The pages of the given chart kinds, each kind's pages in order. */
export function chartPages(kinds: readonly ChartKind[], pageCount: (kind: ChartKind) => number): ChartPage[] {
  return kinds.flatMap((kind) => Array.from({ length: pageCount(kind) }, (_, i) => ({ kind, part: i + 1 })));
}

/** One thread per CPU the process may use. */
export function defaultReportThreads(): number {
  return Math.max(1, os.availableParallelism());
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The compiled worker: beside this file in dist/, or, when the sources run under ts-jest
 * (the end-to-end tests, whose jest global setup builds dist/ first), dist/'s copy.
 */
function workerScript(): string | null {
  const candidates = __filename.endsWith('.js')
    ? [path.join(__dirname, 'render-worker.js')]
    : [path.resolve(__dirname, '..', '..', 'dist', 'rendering', 'render-worker.js')];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}
