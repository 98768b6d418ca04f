import type { Cell, Workbook, Worksheet } from 'exceljs';
import { kronorToMnkr } from '../common/money';
import { BudgetField, DERIVATIONS, ValueKind, valueKindOf } from './report-fields';
import { COLORS, setFont } from './report-styles';
import { fillText } from './report-text';
import { AccountSheetTemplate, ColumnTemplate, FigureTemplate, OperatingAreaSheetTemplate } from './report-template';
import { accountTableRows, BudgetTableRow, operatingAreaTableRows } from './budget-table';
import {
  addReportSheet,
  columnLetters,
  emphasizeRow,
  fillRow,
  fitRowHeight,
  ReportContext,
  setFormula,
  setNumber,
  setText,
  visibleColumns,
  writeHeaderRow,
} from './sheet-layout';

/*
 * The budget sheets, Driftbudget and Verksamhetsområden, as the city prints them. Sum rows,
 * förbrukning, avvikelse, justerad avvikelse and prognossäkerhet are Excel formulas with the
 * figures computed in src/budget stored as their results, so that the workbook opens with
 * the right numbers and an auditor can follow each one to its lines.
 */

type BudgetSheetKind = 'accounts' | 'operatingAreas';

/** Where the driftbudget's Netto row is, for the budgetföljsamhet formula on the next sheet. */
export interface NetRowRef {
  sheetName: string;
  row: number;
  letters: Map<string, string>;
}

/** Driftbudget: the Riktvärde above the table, then every kontogrupp and the sum rows. */
export function writeAccountSheet(workbook: Workbook, template: AccountSheetTemplate, ctx: ReportContext): NetRowRef {
  const { sheet, nextRow } = addReportSheet(workbook, template.name, ctx);
  writeFigure(sheet, nextRow, template.guideRate, ctx.followup.budget.guideRate, null, ctx);
  const headerRow = nextRow + 2;
  const columns = visibleColumns(template.columns, ctx);
  const rows = accountTableRows(ctx.followup.budget.accountTable);
  writeBudgetTable(sheet, 'accounts', headerRow, columns, rows, ctx);
  return { sheetName: template.name, row: headerRow + rows.length, letters: columnLetters(sheet, columns) };
}

/** Verksamhetsområden: nämndens prognos (bokslut in VB) per område, Nämnden totalt, then Budgetföljsamhet. */
export function writeOperatingAreaSheet(
  workbook: Workbook,
  template: OperatingAreaSheetTemplate,
  ctx: ReportContext,
  net: NetRowRef,
): void {
  const { sheet, nextRow: headerRow } = addReportSheet(workbook, template.name, ctx);
  const columns = visibleColumns(template.columns, ctx);
  const table = ctx.followup.budget.operatingAreaTable;
  const rows = operatingAreaTableRows(table, ctx.followup.budget.forecastAccuracy, ctx.followup.budget.areaComments);
  writeBudgetTable(sheet, 'operatingAreas', headerRow, columns, rows, ctx);
  const totalRow = headerRow + rows.length;
  const extra = writeReconciliationRow(sheet, totalRow + 1, columns, net, ctx) ? 1 : 0;
  const compliance = template.budgetCompliance;
  const formula = complianceFormula(net, compliance.of);
  writeFigure(sheet, totalRow + extra + 2, compliance, ctx.followup.budget.budgetCompliance, formula, ctx);
}

/**
 * SPEC 3.4: when the driftbudget's Netto and Nämnden totalt differ, an "Avstämningsdifferens"
 * row under Nämnden totalt: Netto − Nämnden totalt per column, as a formula over both sheets.
 * Returns whether it was written.
 */
function writeReconciliationRow(sheet: Worksheet, rowNumber: number, columns: ColumnTemplate[], net: NetRowRef, ctx: ReportContext): boolean {
  const difference = ctx.followup.budget.reconciliation;
  if (!difference) return false;
  const row = sheet.getRow(rowNumber);
  fillRow(row, columns.length, COLORS.flaggedRow);
  const netSheet = `'${net.sheetName.replace(/'/g, "''")}'`;
  // The areas' year column holds the prognos (bokslut in VB), which the driftbudget keeps in Prognos (Utfall in VB).
  const netField = { budget: 'budget', forecast: ctx.followup.period === 'VB' ? 'actual' : 'forecast' } as const;
  columns.forEach((column, c) => {
    const cell = row.getCell(c + 1);
    if (column.field === 'name') {
      setText(cell, 'Avstämningsdifferens');
      setFont(cell, { italic: true, bold: true });
      return;
    }
    if (column.field !== 'budget' && column.field !== 'forecast') return;
    const value = difference[column.field];
    const netLetter = net.letters.get(netField[column.field]);
    if (value === null || !netLetter) return;
    const own = `${sheet.getColumn(c + 1).letter}${rowNumber - 1}`;
    setFormula(cell, `${netSheet}!${netLetter}${net.row}-${own}`, kronorToMnkr(value), column.numFmt!);
  });
  return true;
}

/** IF(netto budget = 0, "", netto prognos or utfall / netto budget), on the Driftbudget sheet. */
function complianceFormula(net: NetRowRef, of: 'forecast' | 'actual'): string {
  const sheet = `'${net.sheetName.replace(/'/g, "''")}'`;
  const ref = (field: string) => `${sheet}!${net.letters.get(field)}${net.row}`;
  return `IF(${ref('budget')}=0,"",${ref(of)}/${ref('budget')})`;
}

/** A labelled single figure, such as Riktvärde or Budgetföljsamhet: label in A, value in B. */
function writeFigure(
  sheet: Worksheet,
  rowNumber: number,
  figure: FigureTemplate,
  value: number | null,
  formula: string | null,
  ctx: ReportContext,
): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = fillText(figure.label, ctx.texts);
  setFont(row.getCell(1), { bold: true });
  const cell = row.getCell(2);
  if (value !== null && formula !== null) setFormula(cell, formula, value, figure.numFmt);
  else setNumber(cell, value, figure.numFmt);
  setFont(cell, { bold: true });
}

function writeBudgetTable(
  sheet: Worksheet,
  kind: BudgetSheetKind,
  headerRow: number,
  columns: ColumnTemplate[],
  rows: BudgetTableRow[],
  ctx: ReportContext,
): void {
  writeHeaderRow(sheet, kind, headerRow, columns, ctx);
  const letters = columnLetters(sheet, columns);
  const rowNumberOf = (index: number) => headerRow + 1 + index;
  rows.forEach((tableRow, i) => {
    const row = sheet.getRow(rowNumberOf(i));
    if (tableRow.style !== 'line') {
      fillRow(row, columns.length, COLORS.sumRow);
      emphasizeRow(row, columns.length, { bold: true, line: tableRow.style === 'total' ? 'medium' : 'thin' });
    }
    columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const valueKind = valueKindOf(kind, column.field);
      if (valueKind === 'text') return setText(cell, column.field === 'comment' ? (tableRow.comment ?? null) : tableRow.label);
      writeBudgetCell(cell, column, valueKind, tableRow, {
        own: (field) => `${letters.get(field)}${rowNumberOf(i)}`,
        shown: (field) => letters.has(field),
        members: tableRow.members?.map(rowNumberOf) ?? null,
        letter: letters.get(column.field)!,
      });
    });
    fitRowHeight(row, columns);
  });
}

interface CellRefs {
  /** Address of a field's cell on this row. */
  own: (field: BudgetField) => string;
  /** Whether a field has a column on this sheet. */
  shown: (field: BudgetField) => boolean;
  /** Row numbers this row adds up, for a sum row. */
  members: number[] | null;
  /** This column's letter. */
  letter: string;
}

/**
 * One figure of a budget table: a typed amount, a sum of the member rows, or a formula
 * over the row's other columns; empty when the figure is missing.
 */
function writeBudgetCell(cell: Cell, column: ColumnTemplate, valueKind: ValueKind, tableRow: BudgetTableRow, refs: CellRefs): void {
  const field = column.field as BudgetField;
  const value = tableRow.values[field] ?? null;
  const numFmt = column.numFmt!;
  const shown = value === null ? null : valueKind === 'amount' ? kronorToMnkr(value) : value;
  const derivation = DERIVATIONS[field];
  if (shown === null) return setNumber(cell, null, numFmt);
  if (refs.members && (!derivation || derivation.additive)) return setFormula(cell, sumFormula(refs.letter, refs.members), shown, numFmt);
  if (derivation) return setFormula(cell, derivation.formula(refs.own, refs.shown), shown, numFmt);
  setNumber(cell, shown, numFmt);
}

/** SUM(B8:B12) over consecutive rows, B20+B13 over separate ones (Netto = kostnader + intäkter). */
function sumFormula(letter: string, rows: number[]): string {
  const consecutive = rows.every((row, i) => i === 0 || row === rows[i - 1] + 1);
  return consecutive ? `SUM(${letter}${rows[0]}:${letter}${rows[rows.length - 1]})` : rows.map((row) => `${letter}${row}`).join('+');
}
