import { Injectable } from '@nestjs/common';
import { BoardComparison } from '../comparison/board-comparison.calc';
import { PeriodFollowup } from '../followup/period-followup';
import { chartPages, RenderPool } from '../rendering/render-pool';
import { CHART_KINDS, ChartKind, RenderedChart } from './chart-kinds';
import { chartPageCount } from './chart-configs';

/**
 * Renders the report charts (SPEC 5) as PNG images, server-side with chart.js, for the
 * workbook's Diagram sheet and for serving alone. The drawing is done by the render pool's
 * worker threads, never on the server's event loop.
 */
@Injectable()
export class ChartsService {
  constructor(private readonly pool: RenderPool) {}

  /** The charts of the given kinds (all by default), in the order asked for, every page of each. */
  async render(followup: PeriodFollowup, kinds: readonly ChartKind[] = CHART_KINDS): Promise<RenderedChart[]> {
    return this.pool.charts(followup, chartPages(kinds, (kind) => chartPageCount(followup, kind)));
  }

  /** One page (the first unless `part` says otherwise) of one chart of a board's follow-up for one period. */
  async renderOne(followup: PeriodFollowup, kind: ChartKind, part = 1): Promise<RenderedChart> {
    const [chart] = await this.pool.charts(followup, [{ kind, part }]);
    return chart;
  }

  /** The comparison of one indicator between boards, with its subtitle line (issue 10). */
  async renderComparison(comparison: BoardComparison, subtitleLine: string): Promise<RenderedChart> {
    return this.pool.comparisonChart(comparison, subtitleLine);
  }
}
