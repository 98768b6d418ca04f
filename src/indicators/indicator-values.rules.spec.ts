import { checkIndicatorValues, checkShare, IndicatorShape, isShare } from './indicator-values.rules';

const shape = (overrides: Partial<IndicatorShape> = {}): IndicatorShape => ({
  code: 'ÄLN-I1',
  unit: 'percent',
  direction: 'increase',
  genderSplit: true,
  ...overrides,
});

describe('isShare: a percent on an increase or decrease indicator', () => {
  it.each([
    ['percent', 'increase', true],
    ['percent', 'decrease', true],
    ['percent', 'range', false],
    ['count', 'increase', false],
    ['index', 'decrease', false],
  ] as const)('%s, %s → %p', (unit, direction, expected) => {
    expect(isShare({ unit, direction })).toBe(expected);
  });
});

describe('checkShare', () => {
  it.each([
    [0, []],
    [100, []],
    [55.5, []],
    [-0.1, ['En andel i procent måste ligga mellan 0 och 100, inte -0,1.']],
    [100.01, ['En andel i procent måste ligga mellan 0 och 100, inte 100,01.']],
  ])('%p', (value, messages) => {
    expect(checkShare(shape(), value, 'x.outcome')).toEqual(messages.map((message) => ({ path: 'x.outcome', message })));
  });

  it('leaves what is not a number to the shape check (null, missing, text)', () => {
    expect(checkShare(shape(), null, 'x')).toEqual([]);
    expect(checkShare(shape(), undefined, 'x')).toEqual([]);
    expect(checkShare(shape(), '120', 'x')).toEqual([]);
  });

  it('does not bound a range indicator or a count', () => {
    expect(checkShare(shape({ direction: 'range' }), 101.6, 'x')).toEqual([]);
    expect(checkShare(shape({ unit: 'count' }), 2850, 'x')).toEqual([]);
  });
});

describe('checkIndicatorValues', () => {
  it('män and kvinnor on an indicator without gender split, each named', () => {
    expect(checkIndicatorValues(shape({ code: 'SON-I03', genderSplit: false }), { men: 41, women: 0 }, 'indicators[2]')).toEqual([
      { path: 'indicators[2].men', message: 'Indikatorn SON-I03 är inte könsuppdelad och kan inte ha utfall för män/pojkar.' },
      { path: 'indicators[2].women', message: 'Indikatorn SON-I03 är inte könsuppdelad och kan inte ha utfall för kvinnor/flickor.' },
    ]);
  });

  it('every value field is held within 0–100', () => {
    expect(checkIndicatorValues(shape(), { outcome: 101, men: 102, women: 103, forecast: 104 }, 'r').map((e) => e.path)).toEqual([
      'r.outcome',
      'r.men',
      'r.women',
      'r.forecast',
    ]);
  });

  it('a share beyond the largest number gets only the range message, not the 0–100 one too', () => {
    expect(checkIndicatorValues(shape(), { outcome: 2e12 }, 'r')).toEqual([{ path: 'r.outcome', message: 'Får inte vara större än 1 000 000 000 000.' }]);
  });

  it('null and missing values pass', () => {
    expect(checkIndicatorValues(shape({ genderSplit: false }), { outcome: null, men: null, women: undefined }, 'r')).toEqual([]);
  });
});
