import { OperatingAreaTable, sumPresent } from './budget.calc';

/*
 * Prognossäkerhet in the verksamhetsberättelse: how well tertialrapport 2's prognos for the
 * year foretold how the year ended. Amounts are whole kronor of net cost (cost positive),
 * as in the verksamhetsområde table.
 */

/**
 * Prognossäkerhet = (T2 prognos − utfall för året) / budget.
 *
 * Sign convention: positive means the year ended better than the T2 prognos said (a lower
 * net cost than forecast), negative that it ended worse. 0 is a prognos that hit the
 * outcome exactly. None when the budget is 0 or any figure is missing (no T2 follow-up,
 * no prognos in T2, no outcome yet).
 */
export function forecastAccuracy(t2Forecast: number | null, outcome: number | null, budget: number | null): number | null {
  if (t2Forecast === null || outcome === null || budget === null || budget === 0) return null;
  return (t2Forecast - outcome) / budget;
}

/** One verksamhetsområde's, or the board total's, T2 prognos and prognossäkerhet. */
export interface ForecastAccuracyRow {
  name: string;
  /** The prognos for the year that tertialrapport 2 gave, in kronor. */
  t2Forecast: number | null;
  accuracy: number | null;
}

export interface ForecastAccuracyTable {
  /** In the order of the year's table. */
  rows: ForecastAccuracyRow[];
  /** "Nämnden totalt": the T2 prognoses summed, held against the year's total. */
  total: ForecastAccuracyRow;
}

/**
 * Prognossäkerhet per verksamhetsområde and for the board in total: the year's table (VB,
 * where the forecast column holds the year's outcome) against tertialrapport 2's table,
 * matched by name. Without a T2 follow-up every figure is none.
 */
export function forecastAccuracyTable(year: OperatingAreaTable, t2: OperatingAreaTable | null): ForecastAccuracyTable {
  // Stryker disable next-line ArrayDeclaration: equivalent; a made-up element has no name, so no area's lookup finds it.
  const t2ForecastOf = new Map((t2?.rows ?? []).map((row) => [row.name, row.forecast]));
  const rows = year.rows.map((row): ForecastAccuracyRow => {
    const t2Forecast = t2ForecastOf.get(row.name) ?? null;
    return { name: row.name, t2Forecast, accuracy: forecastAccuracy(t2Forecast, row.forecast, row.budget) };
  });
  const t2Total = sumPresent(rows.map((row) => row.t2Forecast));
  return {
    rows,
    total: {
      name: year.total.name,
      t2Forecast: t2Total,
      accuracy: forecastAccuracy(t2Total, year.total.forecast, year.total.budget),
    },
  };
}
