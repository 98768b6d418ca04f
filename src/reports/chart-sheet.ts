import type { Workbook } from 'exceljs';
import { RenderedChart } from '../charts/chart-kinds';
import { setFont } from './report-styles';
import { ChartSheetTemplate } from './report-template';
import { addReportSheet, ReportContext } from './sheet-layout';

/*
 * The Diagram sheet: each chart under its Swedish title, each on a printed page of its
 * own, scaled (keeping its proportions) to fit an A4 landscape page. Charts are drawn
 * page-sized (the indicator chart runs over several pages of a few indicators each), so
 * the scale stays near 0,6 and the text readable.
 */

/** Largest size of a chart in the sheet, in pixels: an A4 landscape page below the caption row. */
const MAX_WIDTH = 1000;
const MAX_HEIGHT = 640;
/** Excel's default row height, 15 points, in pixels. */
const ROW_PIXELS = 20;
/** The grid the charts are laid on: COLUMNS columns of COLUMN_WIDTH characters, wider than MAX_WIDTH. */
const COLUMNS = 12;
const COLUMN_WIDTH = 12;

/** Diagram: the charts the template lists, in its order, each with its title; charts not rendered are left out. */
export function writeChartSheet(workbook: Workbook, template: ChartSheetTemplate, ctx: ReportContext, charts: RenderedChart[]): void {
  const { sheet, nextRow } = addReportSheet(workbook, template.name, ctx);
  for (let c = 1; c <= COLUMNS; c++) sheet.getColumn(c).width = COLUMN_WIDTH;
  const shown = template.charts.flatMap((kind) => charts.filter((chart) => chart.kind === kind));
  let rowNumber = nextRow;
  shown.forEach((chart, i) => {
    if (i > 0) sheet.getRow(rowNumber - 1).addPageBreak();
    const caption = sheet.getCell(rowNumber, 1);
    caption.value = chart.title;
    setFont(caption, { bold: true, size: 12 });
    const size = fittedSize(chart);
    const imageId = workbook.addImage({ base64: chart.png.toString('base64'), extension: 'png' });
    sheet.addImage(imageId, { tl: { col: 0, row: rowNumber }, ext: size });
    rowNumber += 1 + Math.ceil(size.height / ROW_PIXELS) + 1;
  });
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(COLUMNS).letter}${Math.max(rowNumber, nextRow)}`;
}

/** The chart's size in the sheet: its own, or scaled down (keeping its proportions) to fit the page. */
function fittedSize(chart: RenderedChart): { width: number; height: number } {
  const scale = Math.min(1, MAX_WIDTH / chart.width, MAX_HEIGHT / chart.height);
  return { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) };
}
