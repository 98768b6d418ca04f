import { formatMnkr, kronorToMnkrTenths, toKronor } from './money';

describe('toKronor', () => {
  it.each([
    [145.8, 'mnkr', 145_800_000],
    [-50.6, 'mnkr', -50_600_000],
    [1215.4, 'mnkr', 1_215_400_000],
    [0.1, 'mnkr', 100_000],
    [0.000001, 'mnkr', 1], // one krona
    [1e-6, 'mnkr', 1],
    [2064.5, 'mnkr', 2_064_500_000],
    [1234.5, 'tkr', 1_234_500],
    [-0.001, 'tkr', -1],
    [0, 'mnkr', 0],
    [-0, 'mnkr', 0],
    [1e21, 'mnkr', null], // beyond safe integers
    [0.0000001, 'mnkr', null], // a tenth of a krona
    [1.0001, 'tkr', null],
    [Number.NaN, 'mnkr', null],
    [Number.POSITIVE_INFINITY, 'mnkr', null],
  ] as const)('%p %s → %p kr', (amount, unit, expected) => {
    expect(toKronor(amount, unit)).toBe(expected);
  });

  it('sums of converted amounts are exact where floats are not (0,1 + 0,2)', () => {
    expect(toKronor(0.1, 'mnkr')! + toKronor(0.2, 'mnkr')!).toBe(toKronor(0.3, 'mnkr'));
  });
});

describe('mnkr with one decimal', () => {
  it.each([
    [316_500_000, 3165, '316,5'],
    [-1_800_000, -18, '-1,8'],
    [1_750_000, 18, '1,8'], // half away from zero
    [-1_750_000, -18, '-1,8'],
    [-40_000, 0, '0,0'], // no "-0,0"
    [1_215_449_999, 12154, '1215,4'],
    [0, 0, '0,0'],
  ])('%p kr → %p tenths, "%s"', (kronor, tenths, text) => {
    expect(kronorToMnkrTenths(kronor)).toBe(tenths);
    expect(formatMnkr(kronor)).toBe(text);
  });
});
