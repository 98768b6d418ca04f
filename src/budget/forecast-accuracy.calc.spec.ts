import { operatingAreaTable, OperatingAreaFigures } from './budget.calc';
import { forecastAccuracy, forecastAccuracyTable } from './forecast-accuracy.calc';

const MN = 1_000_000;

describe('forecastAccuracy (prognossäkerhet)', () => {
  it.each([
    // [T2 prognos, utfall, budget, expected]
    [100 * MN, 95 * MN, 100 * MN, 0.05], // ended 5 mnkr below the T2 prognos: better, positive
    [100 * MN, 104 * MN, 80 * MN, -0.05], // ended 4 mnkr above: worse, negative
    [82.8 * MN, 82.8 * MN, 81 * MN, 0], // the prognos hit the outcome
    [-10 * MN, -12 * MN, -10 * MN, -0.2], // a net revenue area: the share follows the budget's sign
    [5 * MN, 4 * MN, 0, null], // budget 0: no share
    [null, 4 * MN, 10 * MN, null], // no T2 follow-up
    [5 * MN, null, 10 * MN, null], // no outcome yet
    [5 * MN, 4 * MN, null, null], // no budget
  ])('T2 %p, utfall %p, budget %p → %p', (t2, outcome, budget, expected) => {
    const value = forecastAccuracy(t2, outcome, budget);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });
});

describe('forecastAccuracyTable', () => {
  const area = (name: string, budget: number, forecast: number | null): OperatingAreaFigures => ({
    name,
    previousYearActual: null,
    budget,
    forecast,
    adjustment: 0,
  });
  const year = operatingAreaTable([area('Barn och ungdom', 81 * MN, 80 * MN), area('Omstrukturering', 0, 1 * MN), area('Övrigt', 10 * MN, 11 * MN)]);

  it('matches the T2 rows by name and sums the T2 prognoses for the total', () => {
    const t2 = operatingAreaTable([area('Övrigt', 10 * MN, 10.5 * MN), area('Barn och ungdom', 81 * MN, 82.8 * MN)]);
    const table = forecastAccuracyTable(year, t2);
    expect(table.rows.map((r) => [r.name, r.t2Forecast])).toEqual([
      ['Barn och ungdom', 82.8 * MN],
      ['Omstrukturering', null],
      ['Övrigt', 10.5 * MN],
    ]);
    expect(table.rows[0].accuracy).toBeCloseTo(2.8 / 81, 12);
    expect(table.rows[1].accuracy).toBeNull(); // no T2 row, and budget 0
    expect(table.rows[2].accuracy).toBeCloseTo(-0.05, 12);
    expect(table.total).toEqual({ name: 'Nämnden totalt', t2Forecast: 93.3 * MN, accuracy: expect.any(Number) });
    expect(table.total.accuracy).toBeCloseTo((93.3 - 92) / 91, 12);
  });

  it('gives no figures without a T2 follow-up', () => {
    const table = forecastAccuracyTable(year, null);
    expect(table.rows.every((r) => r.t2Forecast === null && r.accuracy === null)).toBe(true);
    expect(table.total).toEqual({ name: 'Nämnden totalt', t2Forecast: null, accuracy: null });
  });
});
