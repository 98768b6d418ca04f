import type { Alignment, Cell, Row, Workbook, Worksheet } from 'exceljs';
import { PeriodFollowup } from '../followup/period-followup';
import { Placeholder, T2_FIELDS, TableSheetKind, ValueKind, valueKindOf, VOLUME_FIELDS } from './report-fields';
import { COLORS, setFont, solidFill, TITLE_FONTS } from './report-styles';
import { fillText } from './report-text';
import { ColumnTemplate, ReportTemplate } from './report-template';

/*
 * What every sheet of the report shares: the title block, the header row (bold, filled,
 * frozen, repeated on every printed page), column widths and A4 landscape print setup.
 */

/** Everything a sheet is written from. */
export interface ReportContext {
  followup: PeriodFollowup;
  template: ReportTemplate;
  texts: Record<Placeholder, string>;
}

/** A4 in Excel's paper size numbering. */
const PAPER_A4 = 9;

/** Adds a sheet with the title block, print setup and footer; returns it and its first free row. */
export function addReportSheet(workbook: Workbook, name: string, ctx: ReportContext): { sheet: Worksheet; nextRow: number } {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${escapeHeaderFooter(fillText(ctx.template.footer, ctx.texts))}&RSida &P av &N` },
  });
  ctx.template.titleBlock.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = fillText(line, ctx.texts);
    setFont(cell, TITLE_FONTS[i] ?? {});
  });
  return { sheet, nextRow: ctx.template.titleBlock.length + 2 };
}

/** "&" starts a code in Excel's header and footer texts; a literal one is written "&&". */
function escapeHeaderFooter(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The columns a workbook shows: prognossäkerhet only when the follow-up carries the T2
 * comparison, prestationsförändring and återredovisning only when some area has one.
 */
export function visibleColumns(columns: ColumnTemplate[], ctx: Pick<ReportContext, 'followup'>): ColumnTemplate[] {
  const { forecastAccuracy, operatingAreaTable } = ctx.followup.budget;
  const volumeTerms = hasVolumeTerms(operatingAreaTable.rows);
  return columns.filter((c) => (forecastAccuracy || !T2_FIELDS.includes(c.field)) && (volumeTerms || !VOLUME_FIELDS.includes(c.field)));
}

/** Whether any verksamhetsområde has a prestationsförändring or an återredovisning. */
export function hasVolumeTerms(rows: { volumeChange: number | null; returned: number | null }[]): boolean {
  return rows.some((r) => (r.volumeChange ?? 0) !== 0 || (r.returned ?? 0) !== 0);
}

/** Value kinds shown as figures: right-aligned, and so are their headers. */
const FIGURE_KINDS: readonly ValueKind[] = ['indicatorValue', 'genderGap', 'amount', 'rate', 'date'];

/**
 * Writes the header row of a sheet of `kind`, sizes the columns, freezes the panes below it
 * and repeats it on each printed page. Headers align with their column's content.
 */
export function writeHeaderRow(
  sheet: Worksheet,
  kind: TableSheetKind,
  rowNumber: number,
  columns: ColumnTemplate[],
  ctx: ReportContext,
): void {
  const row = sheet.getRow(rowNumber);
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
    const cell = row.getCell(i + 1);
    cell.value = fillText(column.header, ctx.texts);
    setFont(cell, { bold: true });
    cell.fill = solidFill(COLORS.headerFill);
    const figure = FIGURE_KINDS.includes(valueKindOf(kind, column.field));
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: figure ? 'right' : 'left', indent: figure ? 1 : 0 };
    cell.border = { bottom: { style: 'thin', color: { argb: COLORS.border } } };
  });
  fitRowHeight(row, columns);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: rowNumber, topLeftCell: `A${rowNumber + 1}`, activeCell: `A${rowNumber + 1}` }];
  sheet.pageSetup.printTitlesRow = `${rowNumber}:${rowNumber}`;
}

/** Column letter of each shown field, for formulas. */
export function columnLetters(sheet: Worksheet, columns: ColumnTemplate[]): Map<string, string> {
  return new Map(columns.map((column, i) => [column.field, sheet.getColumn(i + 1).letter]));
}

/** A text cell that wraps, top-aligned and indented `indent` steps; nothing is written for an empty text. */
export function setText(cell: Cell, text: string | null, indent = 0): void {
  if (text !== null && text !== '') cell.value = text;
  cell.alignment = { wrapText: true, vertical: 'top', indent };
}

/** Figures keep a small gap to the column on their right, where a text may begin. */
const FIGURE_ALIGNMENT: Partial<Alignment> = { vertical: 'top', horizontal: 'right', indent: 1 };

/** A numeric cell with its display format; an empty cell (not 0) when there is no value. */
export function setNumber(cell: Cell, value: number | null, numFmt: string): void {
  if (value !== null) cell.value = value;
  cell.numFmt = numFmt;
  cell.alignment = FIGURE_ALIGNMENT;
}

/** A date cell (a real Excel date, not text) with its display format. */
export function setDate(cell: Cell, date: Date, numFmt: string): void {
  cell.value = date;
  cell.numFmt = numFmt;
  cell.alignment = FIGURE_ALIGNMENT;
}

/** A formula cell with its computed result stored, so that the figure shows before any recalculation. */
export function setFormula(cell: Cell, formula: string, result: number, numFmt: string): void {
  cell.value = { formula, result };
  cell.numFmt = numFmt;
  cell.alignment = FIGURE_ALIGNMENT;
}

/** Gives every cell of a row's shown columns a fill (cells painted later keep their own). */
export function fillRow(row: Row, columnCount: number, argb: string): void {
  for (let i = 1; i <= columnCount; i++) row.getCell(i).fill = solidFill(argb);
}

/** Makes every shown cell of a row bold, with a line above (a group's first row, a sum row). */
export function emphasizeRow(row: Row, columnCount: number, options: { bold: boolean; line: 'thin' | 'medium' | null }): void {
  for (let i = 1; i <= columnCount; i++) {
    const cell = row.getCell(i);
    if (options.bold) setFont(cell, { bold: true });
    if (options.line) cell.border = { top: { style: options.line, color: { argb: COLORS.border } } };
  }
}

/** Lets Excel filter and sort a list sheet by its header row. */
export function addAutoFilter(sheet: Worksheet, headerRow: number, lastRow: number, columnCount: number): void {
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastRow), column: columnCount } };
}

/** Excel's line height for its default font (Calibri 11), in points. */
const LINE_POINTS = 15;

/**
 * Makes a row tall enough for its wrapped texts. Neither Excel nor LibreOffice grows a row
 * for wrapped text in a file it did not lay out itself, so the number of lines is estimated
 * here from each text and its column's width, wrapping word by word.
 */
export function fitRowHeight(row: Row, columns: { width: number }[]): void {
  let lines = 1;
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    if (typeof cell.value !== 'string' || !cell.alignment?.wrapText) return;
    lines = Math.max(lines, wrappedLines(cell.value, lineCapacity(column.width, cell)));
  });
  row.height = Math.min(MAX_ROW_POINTS, lines * LINE_POINTS);
}

/** The tallest row Excel allows (409 pt); a longer text stays whole in its cell and scrolls there. */
const MAX_ROW_POINTS = 409;

/** Characters of running text that fit on one line of a cell (widths count the digit "0"; letters are narrower on average). */
function lineCapacity(width: number, cell: Cell): number {
  const indent = cell.alignment?.indent ?? 0;
  const perUnit = cell.font?.bold ? 1.05 : 1.2;
  return Math.max(4, Math.floor((width - 1 - indent * 1.2) * perUnit));
}

function wrappedLines(text: string, capacity: number): number {
  return text.split('\n').reduce((sum, paragraph) => sum + paragraphLines(paragraph, capacity), 0);
}

function paragraphLines(paragraph: string, capacity: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length <= capacity) {
      used += 1 + word.length;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than a line is broken over as many lines as it needs.
    lines += Math.ceil(word.length / capacity) - 1;
    used = word.length - (Math.ceil(word.length / capacity) - 1) * capacity;
  }
  return lines;
}
