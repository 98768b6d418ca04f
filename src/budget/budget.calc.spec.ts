import { accountTable, AccountGroupFigures, budgetCompliance, consumption, guideRate, operatingAreaTable, sumPresent } from './budget.calc';

const MN = 1_000_000;

const group = (overrides: Partial<AccountGroupFigures> & Pick<AccountGroupFigures, 'name' | 'type' | 'budget'>): AccountGroupFigures => ({
  forecast: null,
  actual: null,
  previousYearBudget: null,
  previousYearActual: null,
  ...overrides,
});

describe('guideRate (riktvärde)', () => {
  it.each([
    ['T1', 4 / 12],
    ['T2', 8 / 12],
    ['VB', 1],
    ['M02', 2 / 12],
    ['M09', 0.75], // "75,0 %" in the September report
    ['M11', 11 / 12],
    ['M12', 1],
  ] as const)('%s → %p', (period, expected) => {
    expect(guideRate(period)).toBeCloseTo(expected, 12);
  });
});

describe('consumption (förbrukning)', () => {
  it.each([
    [-14.7 * MN, -50.6 * MN, 14.7 / 50.6], // revenue: both negative, a positive share
    [221.4 * MN, 695.4 * MN, 221.4 / 695.4],
    [1 * MN, 0, null], // budget 0: no förbrukning
    [0, 0, null],
    [null, 10 * MN, null],
    [5 * MN, null, null],
    [3 * MN, -10 * MN, -0.3], // revenue booked as a cost shows as a negative share
  ])('actual %p of budget %p → %p', (actual, budget, expected) => {
    const value = consumption(actual, budget);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });
});

describe('sumPresent', () => {
  it.each([
    [[1, 2, 3], 6],
    [[1, null, 3], 4],
    [[null, null], null],
    [[], null],
    [[-5, 5], 0],
  ])('%j → %p', (values, expected) => {
    expect(sumPresent(values)).toBe(expected);
  });
});

describe('accountTable (driftbudget)', () => {
  const groups: AccountGroupFigures[] = [
    group({ name: 'Taxor och avgifter', type: 'revenue', budget: -50_600_000, forecast: -46_200_000, actual: -14_700_000, previousYearBudget: -49_300_000, previousYearActual: -15_100_000 }),
    group({ name: 'Hyresintäkter', type: 'revenue', budget: -24_200_000, forecast: -39_400_000, actual: -13_100_000 }),
    group({ name: 'Personalkostnader', type: 'cost', budget: 695_400_000, forecast: 683_600_000, actual: 221_400_000, previousYearBudget: 665_400_000, previousYearActual: 211_800_000 }),
    group({ name: 'Lokalkostnader', type: 'cost', budget: 159_000_000, forecast: 173_700_000, actual: 57_100_000 }),
  ];
  const table = accountTable('T1', groups);

  it('splits revenue and cost lines in document order', () => {
    expect(table.revenues.map((r) => r.name)).toEqual(['Taxor och avgifter', 'Hyresintäkter']);
    expect(table.costs.map((r) => r.name)).toEqual(['Personalkostnader', 'Lokalkostnader']);
  });

  // Summed by hand from the lines above (mnkr): intäkter −50,6 − 24,2; kostnader 695,4 + 159,0; Netto = kostnader + intäkter.
  it.each([
    ['revenueSum', { previousYearBudget: -49_300_000, previousYearActual: -15_100_000, budget: -74_800_000, forecast: -85_600_000, actual: -27_800_000 }],
    ['costSum', { previousYearBudget: 665_400_000, previousYearActual: 211_800_000, budget: 854_400_000, forecast: 857_300_000, actual: 278_500_000 }],
    ['net', { previousYearBudget: 616_100_000, previousYearActual: 196_700_000, budget: 779_600_000, forecast: 771_700_000, actual: 250_700_000 }],
  ] as const)('%s: every amount column summed to the krona', (key, amounts) => {
    expect(table[key]).toMatchObject(amounts);
  });

  it.each([
    ['revenueSum', 'Summa intäkter'],
    ['costSum', 'Summa kostnader'],
    ['net', 'Netto'],
  ] as const)('%s is labelled %s', (key, name) => {
    expect(table[key].name).toBe(name);
  });

  it('förbrukning of a sum row is its own actual / budget, not an average of the lines', () => {
    // −27,8 / −74,8 = 0,3717 (an average of the lines' 0,2905 and 0,5413 would be 0,4159)
    expect(table.revenueSum.consumption).toBeCloseTo(0.3717, 4);
    // 278,5 / 854,4 = 0,3260
    expect(table.costSum.consumption).toBeCloseTo(0.326, 4);
    // 250,7 / 779,6 = 0,3216
    expect(table.net.consumption).toBeCloseTo(0.3216, 4);
    // 221,4 / 695,4 = 0,3184 and 211,8 / 665,4 = 0,3183
    expect(table.costs[0].consumption).toBeCloseTo(0.3184, 4);
    expect(table.costs[0].previousYearConsumption).toBeCloseTo(0.3183, 4);
    // 196,7 / 616,1 = 0,3193
    expect(table.net.previousYearConsumption).toBeCloseTo(0.3193, 4);
  });

  it('previous-year columns sum only what is present and get their own förbrukning', () => {
    expect(table.revenueSum.previousYearBudget).toBe(-49_300_000);
    expect(table.revenueSum.previousYearConsumption).toBeCloseTo(15.1 / 49.3, 12);
    expect(table.revenues[1].previousYearConsumption).toBeNull();
  });

  it('carries the riktvärde of the period', () => {
    expect(table.guideRate).toBeCloseTo(1 / 3, 12);
    expect(accountTable('T2', groups).guideRate).toBeCloseTo(2 / 3, 12);
  });

  it('a group with budget 0 has no förbrukning but still counts in the sums', () => {
    const t = accountTable('T1', [
      group({ name: 'Nytt bidrag', type: 'revenue', budget: 0, actual: -1_000_000 }),
      group({ name: 'Taxor', type: 'revenue', budget: -10_000_000, actual: -2_000_000 }),
    ]);
    expect(t.revenues[0].consumption).toBeNull();
    expect(t.revenueSum.actual).toBe(-3_000_000);
    expect(t.revenueSum.consumption).toBeCloseTo(0.3, 12);
  });

  it('with no lines the sum rows are empty, not zero', () => {
    const t = accountTable('T1', []);
    expect(t.net.budget).toBeNull();
    expect(t.net.consumption).toBeNull();
  });
});

describe('operatingAreaTable (avvikelse per verksamhetsområde)', () => {
  const table = operatingAreaTable([
    { name: 'Barn och ungdom', previousYearActual: 95_900_000, budget: 81_000_000, forecast: 82_800_000, adjustment: 0 },
    { name: 'Stöd till utomstående organisationer', previousYearActual: 133_100_000, budget: 185_400_000, forecast: 186_100_000, adjustment: 700_000 },
    { name: 'Omstrukturering', previousYearActual: 29_500_000, budget: 9_000_000, forecast: 7_300_000, adjustment: 0 },
    { name: 'Ingen prognos än', previousYearActual: null, budget: 5_000_000, forecast: null, adjustment: null },
  ]);

  it.each([
    ['Barn och ungdom', -1_800_000, 0, -1_800_000], // overspend: negative
    ['Stöd till utomstående organisationer', -700_000, 700_000, 0], // justering covers it
    ['Omstrukturering', 1_700_000, 0, 1_700_000], // surplus: positive
    ['Ingen prognos än', null, null, null],
  ])('%s: avvikelse %p, justering %p, justerad avvikelse %p', (name, deviation, adjustment, adjusted) => {
    const row = table.rows.find((r) => r.name === name)!;
    expect(row.deviation).toBe(deviation);
    expect(row.adjustment).toBe(adjustment);
    expect(row.adjustedDeviation).toBe(adjusted);
  });

  it('"Nämnden totalt" sums every column', () => {
    expect(table.total).toEqual({
      name: 'Nämnden totalt',
      previousYearActual: 258_500_000,
      budget: 280_400_000,
      forecast: 276_200_000,
      deviation: -800_000,
      adjustment: 700_000,
      volumeChange: null,
      returned: null,
      adjustedDeviation: -100_000,
    });
  });

  it('total avvikelse counts only the areas that have a prognos: 271,4 − 276,2 = −0,8 mnkr, not 280,4 − 276,2', () => {
    expect(table.total.deviation).toBe(-800_000);
  });

  it('an area with a prognos and no justering: justerad avvikelse is its avvikelse', () => {
    const t = operatingAreaTable([{ name: 'Äldreomsorg', previousYearActual: null, budget: 421_500_000, forecast: 423_000_000, adjustment: null }]);
    expect(t.rows[0]).toEqual({
      name: 'Äldreomsorg',
      previousYearActual: null,
      budget: 421_500_000,
      forecast: 423_000_000,
      deviation: -1_500_000,
      adjustment: null,
      volumeChange: null,
      returned: null,
      adjustedDeviation: -1_500_000,
    });
    expect(t.total.adjustment).toBeNull();
    expect(t.total.adjustedDeviation).toBe(-1_500_000);
  });
});

describe('justerad avvikelse with prestationsförändring and återredovisning (SPEC 3.4)', () => {
  // avvikelse + justering + prestationsförändring − återredovisning, worked out by hand.
  it.each([
    // name, budget, prognos, justering, prestationsförändring, återredovisning, avvikelse, justerad avvikelse
    ['nothing but the avvikelse', 100 * MN, 98 * MN, 0, undefined, undefined, 2 * MN, 2 * MN],
    ['more volume covers an overspend', 50 * MN, 53 * MN, 0, 3.2 * MN, 0, -3 * MN, 0.2 * MN],
    ['money returned takes from a surplus', 40 * MN, 30 * MN, 0, 0, 6.5 * MN, 10 * MN, 3.5 * MN],
    ['all three terms', 200 * MN, 205 * MN, 1.5 * MN, 2 * MN, 0.4 * MN, -5 * MN, -1.9 * MN],
    ['fewer volumes: a negative prestationsförändring', 10 * MN, 9 * MN, 0, -1.3 * MN, null, 1 * MN, -0.3 * MN],
    ['no prognos: nothing to adjust', 10 * MN, null, 1 * MN, 1 * MN, 1 * MN, null, null],
  ])('%s', (_name, budget, forecast, adjustment, volumeChange, returned, deviation, adjusted) => {
    const { rows } = operatingAreaTable([{ name: 'Område', previousYearActual: null, budget, forecast, adjustment, volumeChange, returned }]);
    expect(rows[0].deviation).toBe(deviation);
    expect(rows[0].adjustedDeviation).toBe(adjusted);
  });

  it('the 2020 totals: a surplus of 12,4 mnkr after prestationsförändringar and an återredovisning of 56 mnkr', () => {
    // Månadsrapport september 2020: "ett överskott mot budget med 12,4 mnkr efter beräknade
    // prestationsförändringar och återredovisning av medel för nyanlända till kommunstyrelsen".
    const { rows, total } = operatingAreaTable([
      { name: 'Barn och ungdom', previousYearActual: null, budget: 300_000_000, forecast: 296_000_000, adjustment: 0, volumeChange: 5_400_000, returned: 0 },
      { name: 'Flyktingmottagande', previousYearActual: null, budget: 120_000_000, forecast: 62_000_000, adjustment: 0, volumeChange: 0, returned: 56_000_000 },
      { name: 'Hemlöshet och missbruk', previousYearActual: null, budget: 400_000_000, forecast: 403_000_000, adjustment: 1_000_000, volumeChange: 3_000_000, returned: 0 },
    ]);
    expect(rows.map((r) => r.adjustedDeviation)).toEqual([9_400_000, 2_000_000, 1_000_000]);
    expect(total).toMatchObject({
      budget: 820_000_000,
      forecast: 761_000_000,
      deviation: 59_000_000,
      adjustment: 1_000_000,
      volumeChange: 8_400_000,
      returned: 56_000_000,
      adjustedDeviation: 12_400_000,
    });
  });
});

describe('budgetCompliance (budgetföljsamhet)', () => {
  const groups = [
    group({ name: 'Intäkter', type: 'revenue', budget: -100 * MN, forecast: -110 * MN, actual: -120 * MN }),
    group({ name: 'Kostnader', type: 'cost', budget: 1100 * MN, forecast: 1120 * MN, actual: 1101.6 * MN }),
  ];

  it('T1 and T2: net prognos / net budget = 1 010 / 1 000 mnkr', () => {
    expect(budgetCompliance('T1', accountTable('T1', groups))).toBeCloseTo(1.01, 12);
    expect(budgetCompliance('T2', accountTable('T2', groups))).toBeCloseTo(1.01, 12);
  });

  it('VB: net utfall / net budget = 981,6 / 1 000 mnkr = 98,16 % (not the prognos)', () => {
    expect(budgetCompliance('VB', accountTable('VB', groups))).toBeCloseTo(0.9816, 12);
  });

  it('VB: 101,6 % is an overspend of 1,6 % of the net budget', () => {
    const overspent = [
      group({ name: 'Intäkter', type: 'revenue', budget: -100 * MN, actual: -84 * MN }),
      group({ name: 'Kostnader', type: 'cost', budget: 1100 * MN, actual: 1100 * MN }),
    ];
    expect(budgetCompliance('VB', accountTable('VB', overspent))).toBeCloseTo(1.016, 12);
  });

  it('none when the net budget is 0 or the prognos is missing', () => {
    expect(budgetCompliance('T1', accountTable('T1', [group({ name: 'X', type: 'cost', budget: 0, forecast: 5 })]))).toBeNull();
    expect(budgetCompliance('T1', accountTable('T1', [group({ name: 'X', type: 'cost', budget: 5 * MN })]))).toBeNull();
  });
});
