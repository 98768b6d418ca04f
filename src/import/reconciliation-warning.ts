import { accountTable, operatingAreaTable } from '../budget/budget.calc';
import { Period } from '../common/period';
import { formatMnkr, formatNumber } from '../common/vocabulary';
import {
  AccountGroupResultRow,
  AccountGroupRow,
  OperatingAreaResultRow,
  OperatingAreaRowInput,
  reconcile,
} from '../followup/assemble-followup.calc';

export interface BudgetRows {
  areas: OperatingAreaRowInput[];
  groups: AccountGroupRow[];
  areaResults: OperatingAreaResultRow[];
  groupResults: AccountGroupResultRow[];
}

/**
 * SPEC 3.4 at import: when the driftbudget's Netto and the verksamhetsområden's "Nämnden
 * totalt" differ, a Swedish warning naming both figures per column (the import still
 * succeeds: printed tables are often rounded). Null when they agree.
 */
export function reconciliationWarning(period: Period, rows: BudgetRows): string | null {
  const groupResultOf = new Map(rows.groupResults.map((r) => [r.accountGroupId, r]));
  const areaResultOf = new Map(rows.areaResults.map((r) => [r.operatingAreaId, r]));
  const net = accountTable(
    period,
    rows.groups.map((g) => {
      const r = groupResultOf.get(g.id);
      return {
        name: g.name,
        type: g.type,
        budget: g.budget,
        forecast: r?.forecast ?? null,
        actual: r?.actual ?? null,
        previousYearBudget: null,
        previousYearActual: null,
      };
    }),
  ).net;
  const total = operatingAreaTable(
    rows.areas.map((a) => {
      const r = areaResultOf.get(a.id);
      return { name: a.name, previousYearActual: a.previousYearActual, budget: a.budget, forecast: r?.forecast ?? null, adjustment: null };
    }),
  ).total;
  const difference = reconcile(net, total, period);
  if (!difference) return null;
  const yearColumn = period === 'VB' ? 'bokslut' : 'prognos';
  const parts: string[] = [];
  const describe = (label: string, a: number | null, b: number | null, diff: number | null) => {
    if (!diff || a === null || b === null) return;
    parts.push(`${label} ${formatMnkr(a)} mnkr mot ${formatMnkr(b)} mnkr (skillnad ${formatNumber(diff / 1_000_000, 1)} mnkr)`);
  };
  describe('budget', net.budget, total.budget, difference.budget);
  describe(yearColumn, period === 'VB' ? net.actual : net.forecast, total.forecast, difference.forecast);
  return (
    `Driftbudgetens netto och verksamhetsområdenas Nämnden totalt stämmer inte överens: ${parts.join('; ')}. ` +
    `Rapporten visar skillnaden som en avstämningsdifferens.`
  );
}
