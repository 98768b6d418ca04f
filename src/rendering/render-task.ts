import { boardComparisonChart, chartSpec } from '../charts/chart-configs';
import { ChartKind, RenderedChart } from '../charts/chart-kinds';
import { ChartRenderer } from '../charts/chart-renderer';
import { BoardComparison } from '../comparison/board-comparison.calc';
import { PeriodFollowup } from '../followup/period-followup';
import { buildReportDocument } from '../reports/report-document';
import { ReportTemplate } from '../reports/report-template';
import { buildReportWorkbook } from '../reports/report-workbook';

/**
 * The heavy work of a report, as plain data that can be sent to a worker thread (structured
 * clone: no functions, so the chart.js configurations, which hold tick formatters, are built
 * where they are drawn). Every task reads only the computed follow-up.
 */
export type RenderTask =
  /** Some pages of a report's charts. */
  | { type: 'chart-pages'; followup: PeriodFollowup; pages: ChartPage[] }
  /** The comparison of one indicator between boards (issue 10). */
  | { type: 'comparison-chart'; comparison: BoardComparison; subtitle: string }
  /** The report workbook with the charts already drawn. */
  | { type: 'workbook'; followup: PeriodFollowup; template: ReportTemplate; charts: RenderedChart[]; generatedAt: Date }
  /** The report as a Word document with the charts already drawn. */
  | { type: 'document'; followup: PeriodFollowup; template: ReportTemplate; charts: RenderedChart[]; generatedAt: Date | null };

/** One page of one chart of a report: the indicator chart runs over several pages. */
export interface ChartPage {
  kind: ChartKind;
  part: number;
}

/** What each task gives back: drawn charts, or a file's bytes. */
export type RenderResult = RenderedChart[] | Uint8Array;

let renderer: ChartRenderer | null = null;

/** Does one task in the calling thread: the body of the render pool's workers. */
export async function runRenderTask(task: RenderTask): Promise<RenderResult> {
  switch (task.type) {
    case 'chart-pages': {
      const charts = chartRenderer();
      const drawn: RenderedChart[] = [];
      for (const page of task.pages) drawn.push(await charts.render(chartSpec(task.followup, page.kind, page.part)));
      return drawn;
    }
    case 'comparison-chart':
      return [await chartRenderer().render(boardComparisonChart(task.comparison, task.subtitle))];
    case 'workbook': {
      const workbook = buildReportWorkbook({ followup: task.followup, template: task.template, charts: withBuffers(task.charts), generatedAt: task.generatedAt });
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    }
    case 'document':
      return buildReportDocument({ followup: task.followup, template: task.template, charts: withBuffers(task.charts), generatedAt: task.generatedAt });
  }
}

/** A PNG that crossed a thread arrives as a plain Uint8Array; the writers want Buffers. */
export function withBuffers(charts: RenderedChart[]): RenderedChart[] {
  return charts.map((chart) => {
    const png: Uint8Array = chart.png;
    return Buffer.isBuffer(png) ? chart : { ...chart, png: Buffer.from(png.buffer, png.byteOffset, png.byteLength) };
  });
}

function chartRenderer(): ChartRenderer {
  renderer ??= new ChartRenderer();
  return renderer;
}
