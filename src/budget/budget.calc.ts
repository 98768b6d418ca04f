import { monthsElapsed, Period } from '../common/period';
import { AccountType } from './account-group.entity';

/*
 * The budget figures of SPEC 3.4. Amounts are whole kronor (integers), so every sum and
 * difference here is exact; only the ratios (förbrukning, budgetföljsamhet) are fractions.
 */

/**
 * Riktvärde: the share of the annual budget that an even pace would have used by the end
 * of the period (4/12 after T1, 8/12 after T2, 12/12 for the year). Förbrukning far above
 * it is the first sign of an overspend.
 */
export function guideRate(period: Period): number {
  return monthsElapsed(period) / 12;
}

/** Förbrukning: utfall as a share of budget; none when the budget is 0 or either is missing. */
export function consumption(actual: number | null, budget: number | null): number | null {
  if (actual === null || budget === null || budget === 0) return null;
  return actual / budget;
}

/** Sum of the amounts that are present; null when none is (a missing line is not a zero). */
export function sumPresent(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

/** One kontogrupp's figures as entered: budget from the plan, the rest from the period. */
export interface AccountGroupFigures {
  name: string;
  type: AccountType;
  budget: number;
  forecast: number | null;
  actual: number | null;
  previousYearBudget: number | null;
  previousYearActual: number | null;
}

/** The amount columns of the driftbudget table. */
export interface AccountAmounts {
  previousYearBudget: number | null;
  previousYearActual: number | null;
  budget: number | null;
  forecast: number | null;
  actual: number | null;
}

/** A line or sum row of the driftbudget table, with förbrukning for both years. */
export interface AccountRow extends AccountAmounts {
  name: string;
  previousYearConsumption: number | null;
  consumption: number | null;
}

export interface AccountTable {
  guideRate: number;
  revenues: AccountRow[];
  revenueSum: AccountRow;
  costs: AccountRow[];
  costSum: AccountRow;
  /** Netto = kostnader + intäkter (revenue is negative). */
  net: AccountRow;
}

const AMOUNT_KEYS: (keyof AccountAmounts)[] = ['previousYearBudget', 'previousYearActual', 'budget', 'forecast', 'actual'];

function withConsumption(name: string, amounts: AccountAmounts): AccountRow {
  return {
    name,
    ...amounts,
    previousYearConsumption: consumption(amounts.previousYearActual, amounts.previousYearBudget),
    consumption: consumption(amounts.actual, amounts.budget),
  };
}

function sumRow(name: string, rows: AccountAmounts[]): AccountRow {
  const amounts = {} as AccountAmounts;
  for (const key of AMOUNT_KEYS) amounts[key] = sumPresent(rows.map((r) => r[key]));
  return withConsumption(name, amounts);
}

/** The driftbudget table: revenue lines, Summa intäkter, cost lines, Summa kostnader, Netto. */
export function accountTable(period: Period, groups: AccountGroupFigures[]): AccountTable {
  const rowOf = (g: AccountGroupFigures) =>
    withConsumption(g.name, {
      previousYearBudget: g.previousYearBudget,
      previousYearActual: g.previousYearActual,
      budget: g.budget,
      forecast: g.forecast,
      actual: g.actual,
    });
  const revenues = groups.filter((g) => g.type === 'revenue').map(rowOf);
  const costs = groups.filter((g) => g.type === 'cost').map(rowOf);
  const revenueSum = sumRow('Summa intäkter', revenues);
  const costSum = sumRow('Summa kostnader', costs);
  return {
    guideRate: guideRate(period),
    revenues,
    revenueSum,
    costs,
    costSum,
    net: sumRow('Netto', [costSum, revenueSum]),
  };
}

/** One verksamhetsområde's figures as entered. */
export interface OperatingAreaFigures {
  name: string;
  previousYearActual: number | null;
  budget: number;
  forecast: number | null;
  adjustment: number | null;
  /** Prestationsförändring: + when volumes give the board more budget; null/missing = 0. */
  volumeChange?: number | null;
  /** Återredovisning: money given back to kommunstyrelsen, + when returned; null/missing = 0. */
  returned?: number | null;
}

/** A row of "Nämndens prognos" per verksamhetsområde, or its total. */
export interface OperatingAreaRow {
  name: string;
  previousYearActual: number | null;
  budget: number | null;
  forecast: number | null;
  /** Avvikelse = budget − prognos: positive is a surplus, negative an overspend. */
  deviation: number | null;
  /** Justering: budget adjustments the board asks for (e.g. from central funds). */
  adjustment: number | null;
  /** Prestationsförändring (SPEC 3.4). */
  volumeChange: number | null;
  /** Återredovisning (SPEC 3.4). */
  returned: number | null;
  /**
   * Justerad avvikelse = avvikelse + justering + prestationsförändring − återredovisning:
   * what remains once the adjustments are granted and the money returned.
   */
  adjustedDeviation: number | null;
}

export interface OperatingAreaTable {
  rows: OperatingAreaRow[];
  /** "Nämnden totalt": every column summed. */
  total: OperatingAreaRow;
}

/** Justerad avvikelse = avvikelse + justering + prestationsförändring − återredovisning; none without an avvikelse. */
export function adjustedDeviation(
  deviation: number | null,
  terms: { adjustment?: number | null; volumeChange?: number | null; returned?: number | null },
): number | null {
  if (deviation === null) return null;
  return deviation + (terms.adjustment ?? 0) + (terms.volumeChange ?? 0) - (terms.returned ?? 0);
}

export function operatingAreaTable(areas: OperatingAreaFigures[]): OperatingAreaTable {
  const rows = areas.map((a): OperatingAreaRow => {
    const deviation = a.forecast === null ? null : a.budget - a.forecast;
    return {
      name: a.name,
      previousYearActual: a.previousYearActual,
      budget: a.budget,
      forecast: a.forecast,
      deviation,
      adjustment: a.adjustment,
      volumeChange: a.volumeChange ?? null,
      returned: a.returned ?? null,
      adjustedDeviation: adjustedDeviation(deviation, a),
    };
  });
  const sum = (key: keyof Omit<OperatingAreaRow, 'name'>) => sumPresent(rows.map((r) => r[key]));
  return {
    rows,
    total: {
      name: 'Nämnden totalt',
      previousYearActual: sum('previousYearActual'),
      budget: sum('budget'),
      forecast: sum('forecast'),
      deviation: sum('deviation'),
      adjustment: sum('adjustment'),
      volumeChange: sum('volumeChange'),
      returned: sum('returned'),
      adjustedDeviation: sum('adjustedDeviation'),
    },
  };
}

/**
 * Budgetföljsamhet: the net prognos (T1, T2) or the net utfall (VB) as a share of the net
 * budget, from the driftbudget's Netto row. 1.0 is a budget in balance; above 1 an overspend.
 */
export function budgetCompliance(period: Period, table: AccountTable): number | null {
  const value = period === 'VB' ? table.net.actual : table.net.forecast;
  return consumption(value, table.net.budget);
}
