import { son2017T2, son2017Vb } from '../../test/support/report-fixtures';
import { accountTable, AccountGroupFigures, AccountTable, budgetCompliance, operatingAreaTable } from './budget.calc';
import { forecastAccuracyTable } from './forecast-accuracy.calc';

/*
 * The budget rules against the T2 and VB figures of Socialnämnden 2017 that the report tests
 * use, which are written out by hand in test/support/report-fixtures.ts: the rules must give
 * every sum, avvikelse and förbrukning printed there.
 */
describe.each([
  ['T2', son2017T2()],
  ['VB', son2017Vb()],
] as const)('the budget rules give the hand-written %s 2017 figures', (period, followup) => {
  const hand = followup.budget;

  it('driftbudget: every line, sum row and förbrukning', () => {
    const groups: AccountGroupFigures[] = [
      ...hand.accountTable.revenues.map((r) => ({ ...r, type: 'revenue' as const, budget: r.budget! })),
      ...hand.accountTable.costs.map((r) => ({ ...r, type: 'cost' as const, budget: r.budget! })),
    ].map(({ name, type, budget, forecast, actual, previousYearBudget, previousYearActual }) => ({
      name,
      type,
      budget,
      forecast,
      actual,
      previousYearBudget,
      previousYearActual,
    }));
    const computed = accountTable(period, groups);
    const rows = (t: AccountTable) => [...t.revenues, t.revenueSum, ...t.costs, t.costSum, t.net];
    const handRows = rows(hand.accountTable);
    expect(computed.guideRate).toBe(hand.accountTable.guideRate);
    rows(computed).forEach((row, i) => {
      const { consumption, previousYearConsumption, ...amounts } = handRows[i];
      expect(row).toMatchObject(amounts);
      for (const [value, expected] of [[row.consumption, consumption], [row.previousYearConsumption, previousYearConsumption]]) {
        if (expected === null) expect(value).toBeNull();
        else expect(value).toBeCloseTo(expected, 12);
      }
    });
    expect(budgetCompliance(period, computed)).toBeCloseTo(hand.budgetCompliance!, 12);
  });

  it('verksamhetsområden: avvikelse, justerad avvikelse and Nämnden totalt', () => {
    const computed = operatingAreaTable(
      hand.operatingAreaTable.rows.map((r) => ({
        name: r.name,
        previousYearActual: r.previousYearActual,
        budget: r.budget!,
        forecast: r.forecast,
        adjustment: r.adjustment,
        volumeChange: r.volumeChange,
        returned: r.returned,
      })),
    );
    expect(computed).toEqual(hand.operatingAreaTable);
  });
});

describe('prognossäkerhet VB 2017 against T2 (hand-written figures)', () => {
  const table = forecastAccuracyTable(son2017Vb().budget.operatingAreaTable, son2017T2().budget.operatingAreaTable);

  it.each([
    // (T2 prognos − bokslut) / budget, mnkr
    ['Barn och ungdom', 83.0, 0.7 / 81.0], // 0,86 %
    ['Omstrukturering', 7.5, 0.7 / 9.0], // 7,8 %
    ['Stöd till utomstående organisationer', 186.3, 0.7 / 185.4],
  ])('%s: T2 prognos %p, prognossäkerhet %p', (name, t2, accuracy) => {
    const row = table.rows.find((r) => r.name === name)!;
    expect(row.t2Forecast).toBe(Math.round(t2 * 1_000_000));
    expect(row.accuracy).toBeCloseTo(accuracy, 12);
  });

  it('Nämnden totalt: (1 218,1 − 1 211,1) / 1 215,4 = 0,576 %', () => {
    expect(table.total.t2Forecast).toBe(1_218_100_000);
    expect(table.total.accuracy).toBeCloseTo(0.0057594, 7);
  });
});
