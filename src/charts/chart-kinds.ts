/**
 * The charts of a report (SPEC 5). Each is rendered server-side with chart.js as a PNG,
 * embedded in the workbook's Diagram sheet and served alone over HTTP.
 */
export const CHART_KINDS = ['goal-fulfilment', 'indicators', 'budget-per-area', 'consumption', 'forecast-series', 'forecast-accuracy', 'indicator-trend'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** Every chart the product draws: the report's, and the comparison between boards (issue 10). */
export type AnyChartKind = ChartKind | 'board-comparison';

/** One rendered chart. */
export interface RenderedChart {
  kind: AnyChartKind;
  /** Swedish title, also used as the caption in the Diagram sheet, e.g. "Måluppfyllelse" or "Indikatorer (2 av 3)". */
  title: string;
  /** Which page of the chart this is (1-based); a long indicator chart runs over several. */
  part: number;
  /** How many pages the chart has. */
  parts: number;
  /** The PNG file's bytes. */
  png: Buffer;
  /** Size of the image in pixels. */
  width: number;
  height: number;
}
