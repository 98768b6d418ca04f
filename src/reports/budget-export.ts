import * as ExcelJS from 'exceljs';
import { roundTo } from '../common/vocabulary';
import { formatMnkr } from '../common/money';
import { PeriodFollowup } from '../followup/period-followup';
import { accountTableRows, BudgetTableRow, operatingAreaTableRows } from './budget-table';
import { BudgetField, valueKindOf } from './report-fields';
import { budgetTitle } from './report-file-names';
import { fillText } from './report-text';
import { AccountSheetTemplate, FigureTemplate, OperatingAreaSheetTemplate, ReportTemplate } from './report-template';
import { buildWorkbook, reportContext } from './report-workbook';
import { ReportContext, visibleColumns } from './sheet-layout';

/*
 * The budget tables alone, for auditors: as xlsx with the report's Driftbudget and
 * Verksamhetsområden sheets, or as CSV the way Swedish Excel opens it.
 */

export interface BudgetExportOptions {
  generatedAt?: Date;
}

type BudgetSheetTemplate = AccountSheetTemplate | OperatingAreaSheetTemplate;

/** The budget sheets of the template with their figures only: the areas' comments belong to the report, not to the auditors' tables. */
function budgetSheets(template: ReportTemplate): BudgetSheetTemplate[] {
  return template.sheets
    .filter((s): s is BudgetSheetTemplate => s.kind === 'accounts' || s.kind === 'operatingAreas')
    .map((s) => ({ ...s, columns: s.columns.filter((c) => c.field !== 'comment') }));
}

/**
 * The budget workbook: the Driftbudget and Verksamhetsområden sheets exactly as in the
 * period's report, with the same formulas, titled e.g. "Driftbudget T1 2017 – Socialnämnden".
 */
export function buildBudgetWorkbook(
  followup: PeriodFollowup,
  template: ReportTemplate,
  options: BudgetExportOptions = {},
): ExcelJS.Workbook {
  const generatedAt = options.generatedAt ?? new Date();
  const ctx = reportContext(followup, template, generatedAt);
  const workbook = buildWorkbook(ctx, budgetSheets(template), [], generatedAt);
  workbook.title = budgetTitle(followup);
  return workbook;
}

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/**
 * The budget tables as CSV for Swedish Excel: UTF-8 with BOM, ";" between fields, decimal
 * comma, CRLF. One section per table (Driftbudget, then Verksamhetsområden) with the same
 * rows as the sheets, the Riktvärde above the first and the Budgetföljsamhet below the
 * second. Amounts in mnkr with one decimal, shares as percent with one decimal ("29,0"
 * under a header ending "(%)"), no thousands separators, so that every figure parses back.
 */
export function buildBudgetCsv(
  followup: PeriodFollowup,
  template: ReportTemplate,
): string {
  const ctx = reportContext(followup, template, null);
  const lines: string[][] = [[csvText(budgetTitle(followup))]];
  for (const sheet of budgetSheets(template)) lines.push([], [csvText(sheet.name)], ...csvSection(sheet, ctx));
  return BOM + lines.map((fields) => fields.join(SEPARATOR) + LINE_END).join('');
}

function csvSection(sheet: BudgetSheetTemplate, ctx: ReportContext): string[][] {
  const budget = ctx.followup.budget;
  const columns = visibleColumns(sheet.columns, ctx);
  const header = columns.map((c) => csvText(fillText(c.header, ctx.texts) + unitSuffix(valueKindOf(sheet.kind, c.field))));
  const rows = sheet.kind === 'accounts' ? accountTableRows(budget.accountTable) : operatingAreaRows(ctx);
  const body = rows.map((row) => columns.map((c) => csvValue(row, c.field as BudgetField | 'name' | 'comment', valueKindOf(sheet.kind, c.field))));
  if (sheet.kind === 'accounts') return [figureLine(sheet.guideRate, budget.guideRate, ctx), header, ...body];
  return [header, ...body, figureLine(sheet.budgetCompliance, budget.budgetCompliance, ctx)];
}

function operatingAreaRows(ctx: ReportContext): BudgetTableRow[] {
  const table = ctx.followup.budget.operatingAreaTable;
  const rows = operatingAreaTableRows(table, ctx.followup.budget.forecastAccuracy, ctx.followup.budget.areaComments);
  const difference = ctx.followup.budget.reconciliation;
  // As in the workbook: Netto − Nämnden totalt under the total when the two differ (SPEC 3.4).
  if (difference) rows.push({ label: 'Avstämningsdifferens', style: 'sum', members: null, values: { budget: difference.budget, forecast: difference.forecast } });
  return rows;
}

function unitSuffix(kind: string): string {
  if (kind === 'amount') return ' (mnkr)';
  if (kind === 'rate') return ' (%)';
  return '';
}

function figureLine(figure: FigureTemplate, value: number | null, ctx: ReportContext): string[] {
  return [csvText(`${fillText(figure.label, ctx.texts)} (%)`), value === null ? '' : percentText(value)];
}

function csvValue(row: BudgetTableRow, field: BudgetField | 'name' | 'comment', kind: string): string {
  if (field === 'name') return csvText(row.label);
  if (field === 'comment') return csvText(row.comment ?? '');
  const value = row.values[field] ?? null;
  if (value === null) return '';
  return kind === 'amount' ? formatMnkr(value) : percentText(value);
}

/** A share as percent with one decimal and a decimal comma: 0.2905 → "29,1", half away from zero. */
function percentText(fraction: number): string {
  const tenths = Math.abs(roundTo(fraction * 1000, 0));
  const sign = fraction < 0 && tenths !== 0 ? '-' : '';
  return `${sign}${Math.floor(tenths / 10)},${tenths % 10}`;
}

/** Starts that make Excel read a text field as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text field: quoted when it holds the separator, a quote or a line break, and prefixed
 * with an apostrophe when it would start a formula, so that a name can never run as one in
 * the auditor's Excel. (Figures are written by this module and need neither.)
 */
function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
