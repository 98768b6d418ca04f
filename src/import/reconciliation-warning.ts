import { Period } from '../common/period';
import { formatMnkr, formatNumber } from '../common/vocabulary';
import {
  AccountGroupResultRow,
  AccountGroupRow,
  OperatingAreaResultRow,
  accountTableOf,
  areaTableOf,
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
  const net = accountTableOf({ accountGroups: rows.groups }, { period, accountGroupResults: rows.groupResults }).net;
  const total = areaTableOf({ operatingAreas: rows.areas }, { operatingAreaResults: rows.areaResults }).total;
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
