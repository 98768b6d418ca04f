import * as ExcelJS from 'exceljs';
import { ASSESSMENT_LABELS } from '../goals/goal-assessment.calc';
import { DEFAULT_MAX_VALUE } from '../common/value-limits';
import { InputRow, InputValues } from './input-values';
import {
  ACCOUNT_SHEET, ACTIVITY_SHEET, AREA_SHEET, BUDGET_COMMENT_HEADING, GOAL_SHEET, INDICATOR_SHEET, INFO_CELLS, INFO_SHEET_NAME, InputColumn,
  InputSheet, MAX_CELL_TEXT, NO, SPARE_SECTION_ROWS, SUMMARY_HEADING, TEXT_SHEET, tooLongPlaceholder, YES,
} from './input-workbook.layout';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8D6' } };
const NUMBER_FORMAT = '# ##0.####;-# ##0.####';
const MNKR_FORMAT = '# ##0.0#####;-# ##0.0#####';
const ASSESSMENT_CHOICES = [ASSESSMENT_LABELS.full, ASSESSMENT_LABELS.partial, ASSESSMENT_LABELS.none];

/**
 * The input workbook for one board and period: an instruction sheet, then one sheet per kind
 * of input, prefilled with what is saved. Codes, names and the plan's values are locked
 * (sheet protection without a password: it guards against mistakes, not people); the input
 * cells are unlocked, tinted, and checked by Excel's own data validation (decimals within
 * the product's limits, lists for bedömning and avvikelse, text length). Every value is
 * written as a value, never as a formula.
 */
export function buildInputWorkbook(values: InputValues, generatedAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Verksamhetsuppföljning';
  workbook.created = generatedAt;
  writeInfoSheet(workbook, values, generatedAt);
  if (values.indicators) writeTable(workbook, INDICATOR_SHEET, values.indicators);
  if (values.goals) writeTable(workbook, GOAL_SHEET, values.goals);
  if (values.activities) writeTable(workbook, ACTIVITY_SHEET, values.activities);
  writeTable(workbook, AREA_SHEET, values.areas);
  writeTable(workbook, ACCOUNT_SHEET, values.accounts);
  writeTextSheet(workbook, values);
  return workbook;
}

function writeInfoSheet(workbook: ExcelJS.Workbook, values: InputValues, generatedAt: Date): void {
  const sheet = workbook.addWorksheet(INFO_SHEET_NAME, { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 22 }, { width: 90 }];
  sheet.getCell('A1').value = `Inmatning – ${values.title} – ${values.board.name}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A3').value = 'Nämnd';
  sheet.getCell(INFO_CELLS.board).value = values.board.code;
  sheet.getCell('A4').value = 'År';
  sheet.getCell(INFO_CELLS.year).value = values.year;
  sheet.getCell(INFO_CELLS.year).alignment = { horizontal: 'left' };
  sheet.getCell('A5').value = 'Period';
  sheet.getCell(INFO_CELLS.period).value = values.period;
  sheet.getCell('A6').value = 'Hämtad';
  sheet.getCell('B6').value = generatedAt.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const lines = [
    'Så här fyller du i arbetsboken:',
    '• Skriv bara i de gula cellerna. Koder, namn och planens värden är låsta.',
    '• Tal skrivs som vanligt i Excel (decimalkomma). Belopp i miljoner kronor (mnkr), med högst sex decimaler.',
    '• Bedömning och avvikelse väljs i listan i cellen. En tom cell tömmer värdet.',
    '• Skriv inga formler: varje cell ska innehålla själva värdet.',
    '• Ladda upp arbetsboken på sidan Excel-inmatning. Du ser först vad som ändras; ingenting sparas förrän du bekräftar.',
    '• Allt eller inget: har arbetsboken ett fel sparas ingenting, och varje fel visas med blad, rad och kolumn.',
  ];
  lines.forEach((line, i) => {
    const cell = sheet.getCell(`A${8 + i}`);
    cell.value = line;
    if (i === 0) cell.font = { bold: true };
    sheet.mergeCells(`A${8 + i}:B${8 + i}`);
  });
  for (const row of [3, 4, 5, 6]) sheet.getCell(`A${row}`).font = { bold: true };
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

function writeTable(workbook: ExcelJS.Workbook, layout: InputSheet, rows: InputRow[]): void {
  const sheet = workbook.addWorksheet(layout.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = layout.columns.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  layout.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  header.height = 32;
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 2);
    layout.columns.forEach((column, i) => fillCell(row.getCell(i + 1), column, values[column.key] ?? null));
    row.height = rowHeight(layout.columns, values);
  });
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function writeTextSheet(workbook: ExcelJS.Workbook, values: InputValues): void {
  const rows: InputRow[] = [
    { heading: SUMMARY_HEADING, text: values.texts.summary },
    { heading: BUDGET_COMMENT_HEADING, text: values.texts.budgetComment },
    ...values.texts.sections.map((s) => ({ heading: s.heading, text: s.text })),
    ...Array.from({ length: SPARE_SECTION_ROWS }, () => ({ heading: null, text: null })),
  ];
  writeTable(workbook, TEXT_SHEET, rows);
  const sheet = workbook.getWorksheet(TEXT_SHEET.name)!;
  // The two fixed texts' headings are labels, not input.
  for (const r of [2, 3]) {
    const cell = sheet.getCell(r, 1);
    cell.protection = { locked: true };
    cell.fill = HEADER_FILL;
    cell.font = { bold: true };
  }
  for (let r = 2; r <= rows.length + 1; r++) sheet.getRow(r).alignment = { wrapText: true, vertical: 'top' };
}

/** Points per line of text, and the most lines a row is given (longer texts scroll in the cell). */
const LINE_HEIGHT = 15;
const MAX_LINES = 8;

/**
 * A row tall enough for its wrapped texts: Excel and LibreOffice do not grow rows of a
 * generated file by themselves, so wrapped names and analyses would overlap the next row.
 * Estimated from each text's length against its column's width (about one character a unit).
 */
export function rowHeight(columns: InputColumn[], values: InputRow): number {
  const lines = columns.map((column) => {
    const value = values[column.key];
    if (typeof value !== 'string' || value.length === 0) return 1;
    const perLine = Math.max(1, Math.floor(column.width * 1.1));
    return value.split('\n').reduce((n, paragraph) => n + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
  });
  return LINE_HEIGHT * Math.min(MAX_LINES, Math.max(1, ...lines));
}

function fillCell(cell: ExcelJS.Cell, column: InputColumn, value: string | number | null): void {
  if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
    // Excel would cut the text off: it stays on the web pages, and the cell says so, locked.
    cell.value = tooLongPlaceholder(value.length);
    cell.font = { italic: true };
    cell.alignment = { vertical: 'top', wrapText: true };
    return;
  }
  cell.value = value;
  cell.alignment = { vertical: 'top', wrapText: column.kind === 'text' || column.kind === 'readonly' };
  if (column.kind === 'readonly') {
    if (typeof value === 'number') cell.numFmt = column.key === 'budget' ? MNKR_FORMAT : NUMBER_FORMAT;
    return;
  }
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: column.header };
  switch (column.kind) {
    case 'number':
      cell.numFmt = NUMBER_FORMAT;
      cell.dataValidation = { ...common, type: 'decimal', operator: 'between', formulae: [-DEFAULT_MAX_VALUE, DEFAULT_MAX_VALUE], error: `${column.header}: skriv ett tal.` };
      break;
    case 'mnkr':
      cell.numFmt = MNKR_FORMAT;
      cell.dataValidation = { ...common, type: 'decimal', operator: 'between', formulae: [-1_000_000, 1_000_000], error: `${column.header}: skriv ett belopp i mnkr.` };
      break;
    case 'assessment':
      cell.dataValidation = { ...common, type: 'list', formulae: [`"${ASSESSMENT_CHOICES.join(',')}"`], error: `Välj ${ASSESSMENT_CHOICES.join(', ')} eller lämna tomt (Ej bedömd).` };
      break;
    case 'yesNo':
      cell.dataValidation = { ...common, type: 'list', formulae: [`"${YES},${NO}"`], error: `Välj ${YES} eller ${NO}.` };
      break;
    case 'text':
      cell.dataValidation = { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [MAX_CELL_TEXT], error: `Högst ${MAX_CELL_TEXT} tecken.` };
      break;
  }
}
