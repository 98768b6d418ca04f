import { comparedValue, INDICATOR_STATUS_LABELS, IndicatorRule, indicatorStatus, IndicatorStatus, partialThresholdOf } from './indicator-status.calc';

const rule = (overrides: Partial<IndicatorRule>): IndicatorRule => ({
  direction: 'increase',
  annualTarget: 85,
  tolerance: null,
  partialThreshold: null,
  ...overrides,
});

describe('indicatorStatus (SPEC 3.1)', () => {
  describe('higher is better: Uppnås at v ≥ t, delvis at v ≥ 0,9·t', () => {
    it.each<[number, IndicatorStatus]>([
      [100, 'achieved'],
      [85, 'achieved'],
      [84.99, 'partial'],
      [76.5, 'partial'], // exactly 0,9 × 85
      [76.49, 'notAchieved'],
      [0, 'notAchieved'],
    ])('v = %p against t = 85 → %s', (value, expected) => {
      expect(indicatorStatus(rule({}), value)).toBe(expected);
    });

    it('flips exactly at a threshold that binary floating point cannot hold (0,9 × 1,3 = 1,17)', () => {
      // In floating point 1.3 * 9 / 10 is 1.1700000000000002, just above 1,17.
      expect(indicatorStatus(rule({ annualTarget: 1.3 }), 1.17)).toBe('partial');
      expect(indicatorStatus(rule({ annualTarget: 1.3 }), 1.1699)).toBe('notAchieved');
    });

    it.each<[number, IndicatorStatus]>([
      [80, 'partial'],
      [79.99, 'notAchieved'],
    ])('uses the given partialThreshold 80: v = %p → %s', (value, expected) => {
      expect(indicatorStatus(rule({ partialThreshold: 80 }), value)).toBe(expected);
    });
  });

  describe('lower is better: Uppnås at v ≤ t, delvis at v ≤ 1,1·t', () => {
    it.each<[number, IndicatorStatus]>([
      [5, 'achieved'],
      [5.5, 'achieved'],
      [5.51, 'partial'],
      [6.05, 'partial'], // exactly 1,1 × 5,5
      [6.06, 'notAchieved'],
      [6.2, 'notAchieved'], // sjukfrånvaro in T1 2017 against 5,5
    ])('v = %p against t = 5,5 → %s', (value, expected) => {
      expect(indicatorStatus(rule({ direction: 'decrease', annualTarget: 5.5 }), value)).toBe(expected);
    });

    it('flips exactly at 1,1 × 1,7 = 1,87 (1.8699999999999999 in floating point)', () => {
      const r = rule({ direction: 'decrease', annualTarget: 1.7 });
      expect(indicatorStatus(r, 1.87)).toBe('partial');
      expect(indicatorStatus(r, 1.8701)).toBe('notAchieved');
    });

    it('a target of 0 has no room for "delvis"', () => {
      const zero = rule({ direction: 'decrease', annualTarget: 0 });
      expect(indicatorStatus(zero, 0)).toBe('achieved');
      expect(indicatorStatus(zero, 0.01)).toBe('notAchieved');
    });

    it('uses the given partialThreshold 7', () => {
      const r = rule({ direction: 'decrease', annualTarget: 5.5, partialThreshold: 7 });
      expect(indicatorStatus(r, 7)).toBe('partial');
      expect(indicatorStatus(r, 7.01)).toBe('notAchieved');
    });
  });

  describe('range: Uppnås within ±tolerance, delvis within ±2·tolerance', () => {
    const range = rule({ direction: 'range', annualTarget: 0, tolerance: 1 });
    it.each<[number, IndicatorStatus]>([
      [0, 'achieved'],
      [1, 'achieved'],
      [-1, 'achieved'], // prognossäkerhet −1 %
      [1.5, 'partial'],
      [-2, 'partial'],
      [2.01, 'notAchieved'],
      [-3, 'notAchieved'],
    ])('v = %p against 0 ± 1 → %s', (value, expected) => {
      expect(indicatorStatus(range, value)).toBe(expected);
    });

    it('around a target that is not zero (100 ± 1,5)', () => {
      const r = rule({ direction: 'range', annualTarget: 100, tolerance: 1.5 });
      expect(indicatorStatus(r, 101.5)).toBe('achieved');
      expect(indicatorStatus(r, 101.6)).toBe('partial');
      expect(indicatorStatus(r, 97)).toBe('partial');
      expect(indicatorStatus(r, 96.9)).toBe('notAchieved');
    });
  });

  it.each<[string, IndicatorRule, number | null]>([
    ['no value', rule({}), null],
    ['no annual target', rule({ annualTarget: null }), 90],
    ['no annual target, lower is better', rule({ direction: 'decrease', annualTarget: null }), 1],
    ['no annual target, range', rule({ direction: 'range', annualTarget: null, tolerance: 1 }), 0],
  ])('%s → Ej bedömd', (_label, r, value) => {
    expect(indicatorStatus(r, value)).toBe('notAssessed');
  });
});

describe('comparedValue: forecast in the tertial reports, outcome in the annual report', () => {
  it.each([
    ['T1', { outcome: 90, forecast: 85 }, 85],
    ['T2', { outcome: 90, forecast: 80 }, 80],
    ['VB', { outcome: 90, forecast: 80 }, 90],
    ['T1', { outcome: 90, forecast: null }, null], // four months of outcome are not a year's result
    ['VB', { outcome: null, forecast: 80 }, null],
  ] as const)('%s with %j → %p', (period, values, expected) => {
    expect(comparedValue(period, values)).toBe(expected);
  });
});

describe('partialThresholdOf', () => {
  it.each<[Partial<IndicatorRule>, number | null]>([
    [{ annualTarget: 85 }, 76.5],
    [{ direction: 'decrease', annualTarget: 5.5 }, 6.05],
    [{ annualTarget: 85, partialThreshold: 70 }, 70],
    [{ direction: 'range', annualTarget: 0, tolerance: 1 }, null],
    [{ annualTarget: null }, null],
  ])('%j → %p', (overrides, expected) => {
    const p = partialThresholdOf(rule(overrides));
    if (expected === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(expected, 10);
  });
});

describe('status texts of SPEC 4', () => {
  it('Uppnås, Uppnås delvis, Uppnås inte, Ej bedömd', () => {
    expect(INDICATOR_STATUS_LABELS).toEqual({ achieved: 'Uppnås', partial: 'Uppnås delvis', notAchieved: 'Uppnås inte', notAssessed: 'Ej bedömd' });
  });
});
