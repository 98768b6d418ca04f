/**
 * The charts of a report (SPEC 5). Each is rendered server-side with chart.js as a PNG,
 * embedded in the workbook's Diagram sheet and served alone over HTTP.
 */
export const CHART_KINDS = ['goal-fulfilment', 'indicators', 'budget-per-area', 'consumption'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** One rendered chart. */
export interface RenderedChart {
  kind: ChartKind;
  /** Swedish title, also used as the caption in the Diagram sheet, e.g. "Måluppfyllelse". */
  title: string;
  /** The PNG file's bytes. */
  png: Buffer;
  /** Size of the image in pixels. */
  width: number;
  height: number;
}
