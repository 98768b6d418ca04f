import * as ExcelJS from 'exceljs';
import { parseSwedishNumber } from '../common/swedish-number';
import { ASSESSMENT_LABELS } from '../goals/goal-assessment.calc';
import {
  ACCOUNT_SHEET, ACTIVITY_SHEET, AREA_SHEET, BUDGET_COMMENT_HEADING, columnLetter, GOAL_SHEET, INDICATOR_SHEET, INFO_CELLS, INFO_SHEET_NAME,
  InputColumn, InputSheet, MAX_CELL_TEXT, NO, SUMMARY_HEADING, TEXT_SHEET, TOO_LONG_PATTERN, YES,
} from './input-workbook.layout';
import { InputRow, InputValues } from './input-values';

/** A mistake in the filled workbook, where Excel shows it. */
export interface InputError {
  sheet: string;
  /** 1-based row; null for a whole sheet. */
  row: number | null;
  /** Column letter; null for a whole row or sheet. */
  column: string | null;
  message: string;
}

/** Where each row of the import document came from: its sheet and row, and the column of each field. */
export interface RowOrigin {
  sheet: string;
  row: number;
  columns: Record<string, string>;
}

/** One field the upload changes: what is saved now and what the workbook says. */
export interface InputChange {
  sheet: string;
  row: number;
  /** The row's code or name. */
  code: string;
  field: string;
  before: string;
  after: string;
}

export interface ReadInput {
  /** Every field that differs from what is saved, in sheet and row order. */
  changes: InputChange[];
  /** The follow-up import document (SPEC 2.2) the workbook fills, amounts in mnkr. */
  document: Record<string, any>;
  errors: InputError[];
  /** Document path prefix (e.g. "indicators[3]") → where it came from, to place the import's own errors. */
  origins: Map<string, RowOrigin>;
}

/** Which board and period the workbook says it is for. */
export interface InputAddress {
  board: string;
  year: number;
  period: string;
}

const ASSESSMENT_BY_LABEL = new Map(
  (['full', 'partial', 'none'] as const).map((a) => [ASSESSMENT_LABELS[a].toLowerCase(), a]),
);

/**
 * Reads a filled input workbook back into a follow-up import document for the board and
 * period it must be for. Nothing is trusted: every input cell is read by its column's kind,
 * a formula is refused (the value itself belongs in the cell), and each mistake is named by
 * sheet, row and column. Only rows that differ from what is saved (`current`) go into the
 * document, and each differing field is listed as a change for the preview.
 */
export function readInputWorkbook(workbook: ExcelJS.Workbook, expected: InputAddress, monthly: boolean, current: InputValues): ReadInput {
  const errors: InputError[] = [];
  const changes: InputChange[] = [];
  const origins = new Map<string, RowOrigin>();
  const document: Record<string, any> = { kind: 'followup', version: 1, board: expected.board, year: expected.year, period: expected.period };

  checkAddress(workbook, expected, errors);

  const table = (layout: InputSheet, path: string, required: boolean, saved: InputRow[]) => {
    const key = layout.columns[0].key;
    const savedByKey = new Map(saved.map((row) => [String(row[key]).toUpperCase(), row]));
    const sheet = workbook.getWorksheet(layout.name);
    if (!sheet) {
      if (required) errors.push({ sheet: layout.name, row: null, column: null, message: `Bladet ${layout.name} saknas; hämta en ny arbetsbok.` });
      return [];
    }
    checkHeaders(sheet, layout, errors);
    const rows: Record<string, any>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: Record<string, any> = {};
      let filled = false;
      layout.columns.forEach((column, i) => {
        const read = readCell(row.getCell(i + 1), column, layout.name, r, i + 1, errors);
        values[column.key] = read;
        if (column.kind !== 'readonly' && read !== null) filled = true;
      });
      if (values[key] === null && !filled) continue;
      if (values[key] === null) {
        errors.push({ sheet: layout.name, row: r, column: 'A', message: `${layout.columns[0].header} saknas; skriv inte i rader utan ${layout.columns[0].header.toLowerCase()}.` });
        continue;
      }
      const before = savedByKey.get(String(values[key]).toUpperCase()) ?? null;
      // A text too long for a cell was not in the workbook: it stays as saved.
      for (const c of layout.columns) {
        if (c.kind === 'text' && typeof values[c.key] === 'string' && TOO_LONG_PATTERN.test(values[c.key])) values[c.key] = before?.[c.key] ?? null;
      }
      const differing = layout.columns.filter((c) => c.kind !== 'readonly' && !sameValue(values[c.key], before === null ? null : savedValue(c, before[c.key] ?? null)));
      if (differing.length === 0) continue;
      for (const c of differing) {
        changes.push({ sheet: layout.name, row: r, code: String(values[key]), field: c.header, before: shown(c, before === null ? null : savedValue(c, before[c.key] ?? null)), after: shown(c, values[c.key]) });
      }
      values.__row = r;
      rows.push(values);
    }
    return rows.map((values, i) => {
      const columns = Object.fromEntries(layout.columns.map((c, k) => [c.key, columnLetter(k + 1)]));
      origins.set(`${path}[${i}]`, { sheet: layout.name, row: values.__row, columns });
      return values;
    });
  };

  if (!monthly) {
    document.indicators = table(INDICATOR_SHEET, 'indicators', true, current.indicators ?? []).map((v) => ({
      code: String(v.code), outcome: v.outcome, men: v.men, women: v.women, forecast: v.forecast, analysis: v.analysis,
    }));
    document.goals = table(GOAL_SHEET, 'goals', true, current.goals ?? []).map((v) => ({ code: String(v.code), assessment: v.assessment, analysis: v.analysis }));
    const activityRows = table(ACTIVITY_SHEET, 'activities', true, current.activities ?? []);
    document.activities = activityRows.map((v, i) => {
      if (v.deviation === null) {
        const origin = origins.get(`activities[${i}]`)!;
        errors.push({ sheet: ACTIVITY_SHEET.name, row: origin.row, column: origin.columns.deviation, message: `Avvikelse från planen: välj ${YES} eller ${NO}.` });
      }
      return { code: String(v.code), deviation: v.deviation, comment: v.comment ?? '' };
    });
  }
  const areas = table(AREA_SHEET, 'budget.operatingAreas', true, current.areas).map((v, i) => {
    if (v.forecast === null) {
      const origin = origins.get(`budget.operatingAreas[${i}]`)!;
      errors.push({ sheet: AREA_SHEET.name, row: origin.row, column: origin.columns.forecast, message: 'Prognos helår (mnkr) behövs när något annat på raden är ifyllt.' });
    }
    return { name: String(v.name), forecast: v.forecast, adjustment: v.adjustment ?? 0, volumeChange: v.volumeChange ?? 0, returned: v.returned ?? 0, comment: v.comment };
  });
  const accounts = table(ACCOUNT_SHEET, 'budget.accountGroups', true, current.accounts).map((v) => ({
    name: String(v.name), actual: v.actual, forecast: v.forecast, previousYearBudget: v.previousYearBudget, previousYearActual: v.previousYearActual,
  }));
  document.budget = { unit: 'mnkr', operatingAreas: areas, accountGroups: accounts };
  readTexts(workbook, document, errors, current, changes);
  return { document, errors, origins, changes };
}

function checkAddress(workbook: ExcelJS.Workbook, expected: InputAddress, errors: InputError[]): void {
  const info = workbook.getWorksheet(INFO_SHEET_NAME);
  if (!info) {
    errors.push({ sheet: INFO_SHEET_NAME, row: null, column: null, message: 'Bladet Instruktioner saknas: det här är ingen inmatningsarbetsbok från systemet.' });
    return;
  }
  const board = plainText(info.getCell(INFO_CELLS.board).value);
  const year = Number(plainText(info.getCell(INFO_CELLS.year).value));
  const period = plainText(info.getCell(INFO_CELLS.period).value);
  if (board?.toUpperCase() !== expected.board.toUpperCase() || year !== expected.year || period?.toUpperCase() !== expected.period.toUpperCase()) {
    errors.push({
      sheet: INFO_SHEET_NAME, row: 3, column: 'B',
      message: `Arbetsboken gäller ${board ?? '?'} ${Number.isFinite(year) ? year : '?'} ${period ?? '?'}, inte ${expected.board} ${expected.year} ${expected.period}. Ladda upp den på rätt nämnd och period.`,
    });
  }
}

function checkHeaders(sheet: ExcelJS.Worksheet, layout: InputSheet, errors: InputError[]): void {
  layout.columns.forEach((column, i) => {
    const found = plainText(sheet.getRow(1).getCell(i + 1).value);
    if (found !== column.header) {
      errors.push({ sheet: layout.name, row: 1, column: columnLetter(i + 1), message: `Kolumnen ska heta "${column.header}"${found ? `, inte "${found}"` : ''}: flytta eller ta inte bort kolumner.` });
    }
  });
}

function readTexts(workbook: ExcelJS.Workbook, document: Record<string, any>, errors: InputError[], current: InputValues, changes: InputChange[]): void {
  const sheet = workbook.getWorksheet(TEXT_SHEET.name);
  if (!sheet) {
    errors.push({ sheet: TEXT_SHEET.name, row: null, column: null, message: `Bladet ${TEXT_SHEET.name} saknas; hämta en ny arbetsbok.` });
    return;
  }
  checkHeaders(sheet, TEXT_SHEET, errors);
  const [headingColumn, textColumn] = TEXT_SHEET.columns;
  let summary: string | null = null;
  let budgetComment: string | null = null;
  const sections: { heading: string; text: string; row: number }[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const heading = readCell(sheet.getCell(r, 1), headingColumn, TEXT_SHEET.name, r, 1, errors);
    let text = readCell(sheet.getCell(r, 2), textColumn, TEXT_SHEET.name, r, 2, errors);
    if (typeof text === 'string' && TOO_LONG_PATTERN.test(text)) {
      text = r === 2 ? current.texts.summary : r === 3 ? current.texts.budgetComment : (current.texts.sections.find((x) => x.heading === heading)?.text ?? null);
    }
    if (r === 2) {
      summary = text;
      if (heading !== SUMMARY_HEADING) errors.push({ sheet: TEXT_SHEET.name, row: r, column: 'A', message: `Rad 2 ska vara "${SUMMARY_HEADING}".` });
    } else if (r === 3) {
      budgetComment = text;
      if (heading !== BUDGET_COMMENT_HEADING) errors.push({ sheet: TEXT_SHEET.name, row: r, column: 'A', message: `Rad 3 ska vara "${BUDGET_COMMENT_HEADING}".` });
    } else if (heading !== null || text !== null) {
      if (heading === null) errors.push({ sheet: TEXT_SHEET.name, row: r, column: 'A', message: 'Rubrik: saknas för avsnittets text.' });
      else if (text === null) errors.push({ sheet: TEXT_SHEET.name, row: r, column: 'B', message: `Text: avsnittet "${heading}" har ingen text.` });
      else sections.push({ heading, text, row: r });
    }
  }
  // The import adds and changes texts but never removes one (a document without a text keeps it):
  // emptying a saved text is done on the texts page, where it is seen.
  const kept = 'en sparad text tas inte bort från arbetsboken; töm den på sidan Texter.';
  if (current.texts.summary && summary === null) errors.push({ sheet: TEXT_SHEET.name, row: 2, column: 'B', message: `Text: ${kept}` });
  if (current.texts.budgetComment && budgetComment === null) errors.push({ sheet: TEXT_SHEET.name, row: 3, column: 'B', message: `Text: ${kept}` });
  for (const saved of current.texts.sections) {
    if (!sections.some((x) => x.heading === saved.heading)) errors.push({ sheet: TEXT_SHEET.name, row: null, column: null, message: `Avsnittet "${saved.heading}" saknas: ${kept}` });
  }

  const textChange = (row: number, code: string, before: string | null, after: string | null) => {
    if ((before ?? null) === (after ?? null)) return false;
    changes.push({ sheet: TEXT_SHEET.name, row, code, field: 'Text', before: before ?? '–', after: after ?? '–' });
    return true;
  };
  if (textChange(2, SUMMARY_HEADING, current.texts.summary, summary)) document.summary = summary;
  if (textChange(3, BUDGET_COMMENT_HEADING, current.texts.budgetComment, budgetComment)) document.budget.comment = budgetComment;
  const before = new Map(current.texts.sections.map((x) => [x.heading, x.text]));
  let sectionsChanged = JSON.stringify(current.texts.sections.map((x) => x.heading)) !== JSON.stringify(sections.map((x) => x.heading));
  for (const section of sections) sectionsChanged = textChange(section.row, section.heading, before.get(section.heading) ?? null, section.text) || sectionsChanged;
  if (sectionsChanged) document.sections = sections.map(({ heading, text }) => ({ heading, text }));
}

/** A saved value (as the workbook shows it: labels, mnkr) in the form the reader gives. */
function savedValue(column: InputColumn, value: string | number | null): any {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  switch (column.kind) {
    case 'assessment':
      return ASSESSMENT_BY_LABEL.get(String(value).toLowerCase()) ?? null;
    case 'yesNo':
      return value === YES;
    default:
      return value;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** A value as the preview shows it. */
function shown(column: InputColumn, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (column.kind === 'assessment') return ASSESSMENT_LABELS[value as 'full' | 'partial' | 'none'];
  if (column.kind === 'yesNo') return value ? YES : NO;
  if (typeof value === 'number') return value.toLocaleString('sv-SE', { maximumFractionDigits: 6 }).replace(/\u2212/g, '−');
  return String(value);
}

/** A cell's value by its column's kind, or null after recording why it cannot be read. */
function readCell(cell: ExcelJS.Cell, column: InputColumn, sheet: string, row: number, col: number, errors: InputError[]): any {
  const value = cell.value;
  const fail = (message: string) => {
    if (column.kind !== 'readonly') errors.push({ sheet, row, column: columnLetter(col), message: `${column.header}: ${message}` });
    return null;
  };
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    return fail('cellen innehåller en formel; skriv själva värdet i stället.');
  }
  if (value instanceof Date) return column.kind === 'readonly' ? value.toISOString().slice(0, 10) : fail('ett datum hör inte hemma här.');
  const text = plainText(value);
  switch (column.kind) {
    case 'readonly':
      return typeof value === 'number' ? value : text;
    case 'number':
    case 'mnkr': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : fail('talet går inte att läsa.');
      if (text === null) return null;
      const parsed = parseSwedishNumber(text, column.kind === 'number');
      return parsed.ok ? parsed.value : fail(`"${text}" är inget tal.`);
    }
    case 'assessment': {
      if (text === null) return null;
      const assessment = ASSESSMENT_BY_LABEL.get(text.toLowerCase());
      return assessment ?? fail(`"${text}" är ingen bedömning; välj ${[...ASSESSMENT_BY_LABEL.keys()].map((k) => k[0].toUpperCase() + k.slice(1)).join(', ')} eller lämna tomt.`);
    }
    case 'yesNo': {
      if (text === null) return null;
      if (text.toLowerCase() === YES.toLowerCase()) return true;
      if (text.toLowerCase() === NO.toLowerCase()) return false;
      return fail(`"${text}" går inte att läsa; välj ${YES} eller ${NO}.`);
    }
    case 'text': {
      if (text === null) return null;
      if (text.length > MAX_CELL_TEXT) return fail(`högst ${MAX_CELL_TEXT} tecken.`);
      return text.replace(/\r\n?/g, '\n');
    }
  }
}

/** A cell's text, whatever Excel stored (plain, rich text, a hyperlink), trimmed; null when empty. */
function plainText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (typeof value === 'object' && 'richText' in value) text = value.richText.map((r) => r.text).join('');
  else if (typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') text = (value as { text: string }).text;
  else if (typeof value === 'object' && 'error' in value) return null;
  else text = String(value);
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
