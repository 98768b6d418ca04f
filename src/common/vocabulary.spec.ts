import {
  decimalsOf,
  formatDeviationMnkr,
  formatIndicatorTarget,
  formatIndicatorValue,
  formatMnkr,
  indicatorDecimals,
  roundTo,
} from './vocabulary';

const NB = '\u00a0';

describe('roundTo: the one rounding rule of every renderer', () => {
  it.each([
    [1.005, 2, 1.01],
    [1.25, 1, 1.3],
    [-1.25, 1, -1.3],
    [0.04, 1, 0],
    [-0.04, 1, 0],
    [1215.35, 1, 1215.4],
    [2.5, 0, 3],
  ])('%p to %p decimals is %p', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });
});

describe('decimals per indicator', () => {
  it.each([
    [85, 0],
    [6.2, 1],
    [0.04, 2],
    [28.31, 2],
  ])('%p has %p decimals', (value, expected) => expect(decimalsOf(value)).toBe(expected));

  it('takes the most of any value, ignoring missing ones', () => {
    expect(indicatorDecimals([6, 6.2, null, undefined, 5.15])).toBe(2);
    expect(indicatorDecimals([null])).toBe(0);
  });
});

describe('values as the report prints them', () => {
  it.each([
    [85, 'percent', 0, `85${NB}%`],
    [6, 'percent', 1, `6,0${NB}%`],
    [0.04, 'percent', 2, `0,04${NB}%`],
    [80, 'index', 0, `80${NB}index`],
    [1200, 'count', 0, `1${NB}200${NB}st`],
    [14, 'days', 0, `14${NB}dagar`],
    [-1, 'percent', 0, `\u22121${NB}%`],
  ] as const)('%p %s with %p decimals → %s', (value, unit, decimals, text) => {
    expect(formatIndicatorValue(value, unit, decimals)).toBe(text);
  });

  it('prints a range target with its tolerance', () => {
    expect(formatIndicatorTarget(0, 'percent', 0, 1)).toBe(`±1${NB}%`);
    expect(formatIndicatorTarget(100, 'percent', 0, 1)).toBe(`100${NB}% ±1${NB}%`);
    expect(formatIndicatorTarget(null, 'percent', 0, 1)).toBe('');
    expect(formatIndicatorTarget(85, 'percent', 0, null)).toBe(`85${NB}%`);
  });

  it('prints mnkr and avvikelser as the budget part does', () => {
    expect(formatMnkr(1_215_400_000)).toBe(`1${NB}215,4`);
    expect(formatDeviationMnkr(-1_800_000)).toBe('\u22121,8 mnkr');
    expect(formatDeviationMnkr(100_000)).toBe('+0,1 mnkr');
    expect(formatDeviationMnkr(0)).toBe('±0 mnkr');
    expect(formatDeviationMnkr(-40_000)).toBe('±0 mnkr');
  });
});
