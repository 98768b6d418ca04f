import { AccountRow, AccountTable, OperatingAreaTable } from '../budget/budget.calc';
import { ForecastAccuracyTable } from '../budget/forecast-accuracy.calc';
import { AccountField, BudgetField, OperatingAreaField } from './report-fields';

/*
 * The rows of the two budget tables, shared by the workbook sheets and the CSV export so
 * that both show the same rows: the lines as entered, then the rows that add lines up.
 * Amounts are whole kronor, shares fractions, exactly as computed in src/budget.
 */

export type BudgetRowStyle = 'line' | 'sum' | 'total';

export interface BudgetTableRow {
  label: string;
  style: BudgetRowStyle;
  /** Indexes of the rows this row adds up (a sum row); null for a line of its own. */
  members: number[] | null;
  values: Partial<Record<BudgetField, number | null>>;
  /** The area's comment (Verksamhetsområden's Kommentar column); null on other rows. */
  comment?: string | null;
}

const ACCOUNT_VALUE_FIELDS: AccountField[] = [
  'previousYearBudget',
  'previousYearActual',
  'previousYearConsumption',
  'budget',
  'forecast',
  'actual',
  'consumption',
];

function accountValues(row: AccountRow): BudgetTableRow['values'] {
  return Object.fromEntries(ACCOUNT_VALUE_FIELDS.map((field) => [field, row[field as keyof AccountRow]]));
}

function indexes(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/** Uppföljning av driftbudget: revenue lines, Summa intäkter, cost lines, Summa kostnader, Netto. */
export function accountTableRows(table: AccountTable): BudgetTableRow[] {
  const row = (source: AccountRow, style: BudgetRowStyle, members: number[] | null): BudgetTableRow => ({
    label: source.name,
    style,
    members,
    values: accountValues(source),
  });
  const revenueSumIndex = table.revenues.length;
  const costSumIndex = revenueSumIndex + 1 + table.costs.length;
  return [
    ...table.revenues.map((r) => row(r, 'line', null)),
    row(table.revenueSum, 'sum', indexes(0, table.revenues.length)),
    ...table.costs.map((r) => row(r, 'line', null)),
    row(table.costSum, 'sum', indexes(revenueSumIndex + 1, table.costs.length)),
    // Netto = kostnader + intäkter.
    row(table.net, 'total', [costSumIndex, revenueSumIndex]),
  ];
}

/** Nämndens prognos per verksamhetsområde, then "Nämnden totalt"; with prognossäkerhet when given. */
export function operatingAreaTableRows(
  table: OperatingAreaTable,
  accuracy: ForecastAccuracyTable | null,
  comments: { name: string; comment: string }[] = [],
): BudgetTableRow[] {
  const commentOf = new Map(comments.map((c) => [c.name, c.comment]));
  return [...table.rows, table.total].map((row, i): BudgetTableRow => {
    const isTotal = i === table.rows.length;
    const precision = isTotal ? accuracy?.total : accuracy?.rows[i];
    const values: Partial<Record<OperatingAreaField, number | null>> = {
      previousYearActual: row.previousYearActual,
      budget: row.budget,
      forecast: row.forecast,
      deviation: row.deviation,
      adjustment: row.adjustment,
      volumeChange: row.volumeChange,
      returned: row.returned,
      adjustedDeviation: row.adjustedDeviation,
      t2Forecast: precision?.t2Forecast ?? null,
      forecastAccuracy: precision?.accuracy ?? null,
    };
    return {
      label: row.name,
      style: isTotal ? 'total' : 'line',
      members: isTotal ? indexes(0, table.rows.length) : null,
      values,
      comment: isTotal ? null : (commentOf.get(row.name) ?? null),
    };
  });
}
