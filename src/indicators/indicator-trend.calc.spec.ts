import { IndicatorStatus } from './indicator-status.calc';
import { deteriorationThresholdOf, isDeteriorated, isRecurring, trendFlags, TREND_FLAG_TEXTS, worsening } from './indicator-trend.calc';
import { Direction } from './indicator.entity';

/* Expected values by hand, from the board minutes' figures and boundaries around them. */

describe('Försämring mot föregående år', () => {
  const input = (direction: Direction, target: number | null, previous: number | null, compared: number | null, status: IndicatorStatus, threshold: number | null = null) => ({
    direction, annualTarget: target, previousYearOutcome: previous, comparedValue: compared, status, deteriorationThreshold: threshold,
  });

  it.each<[string, ReturnType<typeof input>, boolean]>([
    // The verksamhetsberättelse 2025: 84,62 → 71,79 with an årsmål of 85 (threshold 4,25).
    ['the 2025 example', input('increase', 85, 84.62, 71.79, 'notAchieved'), true],
    ['a small dip above the target', input('increase', 85, 90, 88, 'achieved'), false],
    ['a dip of exactly the threshold', input('increase', 80, 84, 80, 'achieved'), false], // 84 → 80: 4 = 5 % of 80, and met
    ['a dip of exactly the threshold below the target', input('increase', 90, 85, 80.5, 'partial'), false], // 85 → 80,5: 4,5 = 5 % of 90
    ['a dip just over the threshold', input('increase', 80, 84, 79.9, 'partial'), true], // 4,1 > 4
    ['a large dip that still meets the target', input('increase', 50, 90, 60, 'achieved'), false],
    ['an improvement below the target', input('increase', 85, 70, 75, 'notAchieved'), false],
    ['lower is better: more than last year', input('decrease', 120, 131, 140, 'notAchieved'), true], // +9 > 6
    ['lower is better: exactly the threshold', input('decrease', 120, 131, 137, 'notAchieved'), false], // +6 = 6
    ['lower is better: fewer than last year', input('decrease', 120, 140, 131, 'notAchieved'), false],
    ['a range: further from the target', input('range', 0, -0.5, 1.5, 'partial'), true], // |1,5| − |−0,5| = 1 > 0 (5 % of 0)
    ['a range: as far on the other side', input('range', 100, 98, 102, 'notAchieved'), false], // 2 − 2 = 0
    ['the plan\'s own threshold', input('increase', 85, 84.62, 71.79, 'notAchieved', 15), false], // 12,83 ≤ 15
    ['the plan\'s own threshold, passed', input('increase', 85, 84.62, 71.79, 'notAchieved', 12), true],
    ['no outcome last year', input('increase', 85, null, 71.79, 'notAchieved'), false],
    ['no value this period', input('increase', 85, 84.62, null, 'notAssessed'), false],
    ['no årsmål', input('increase', null, 84.62, 71.79, 'notAssessed'), false],
    // Each missing figure alone stops the flag, whatever the status says.
    ['lower is better, no outcome last year', input('decrease', 120, null, 140, 'notAchieved'), false],
    ['no value this period, status partial', input('increase', 85, 84.62, null, 'partial'), false],
    ['no årsmål but a threshold of its own', input('increase', null, 84.62, 71.79, 'notAchieved', 3), false],
    ['a fall that is not assessed', input('increase', 85, 84.62, 71.79, 'notAssessed'), false],
  ])('%s', (_label, i, expected) => {
    expect(isDeteriorated(i)).toBe(expected);
  });

  it.each<[Direction, number, number, number, number]>([
    ['increase', 85, 84.62, 71.79, 12.83],
    ['decrease', 120, 131, 140, 9],
    ['decrease', 120, 100, 110, 10], // not the range rule's 10 − 20
    ['range', 0, -0.5, 1.5, 1],
    ['range', 100, 103, 99, -2],
  ])('worsening %s, target %p: %p → %p is %p', (direction, target, previous, current, expected) => {
    expect(worsening(direction, target, previous, current)).toBe(expected);
  });

  it.each<[number | null, number | null, number | null]>([
    [85, null, 4.25],
    [-4, null, 0.2],
    [85, 2, 2],
    [null, null, null],
    [null, 3, 3],
  ])('threshold for årsmål %p and plan threshold %p is %p', (target, own, expected) => {
    expect(deteriorationThresholdOf({ annualTarget: target, deteriorationThreshold: own })).toBe(expected);
  });
});

describe('Återkommande', () => {
  it.each<[string, (IndicatorStatus | null)[], IndicatorStatus, boolean]>([
    ['missed two years running, missed now', ['notAchieved', 'notAchieved'], 'notAchieved', true],
    ['missed two years running, partly now', ['notAchieved', 'notAchieved'], 'partial', true],
    ['missed two years running, not assessed now', ['notAchieved', 'notAchieved'], 'notAssessed', true],
    ['missed two years running, met now', ['notAchieved', 'notAchieved'], 'achieved', false],
    ['met three years ago, missed the last two', ['achieved', 'notAchieved', 'notAchieved'], 'partial', true],
    ['missed two years ago, partly last year', ['notAchieved', 'partial'], 'notAchieved', false],
    ['partly two years ago, missed last year', ['partial', 'notAchieved'], 'notAchieved', false],
    ['missed three and two years ago, partly last year', ['notAchieved', 'notAchieved', 'partial'], 'notAchieved', false],
    ['only last year known', ['notAchieved'], 'notAchieved', false],
    ['a year without a VB between', ['notAchieved', null], 'notAchieved', false],
    ['no history', [], 'notAchieved', false],
  ])('%s', (_label, earlier, now, expected) => {
    expect(isRecurring(earlier, now)).toBe(expected);
  });
});

describe('trendFlags', () => {
  it('gives both flags in order, with their Swedish texts', () => {
    const flags = trendFlags(
      { direction: 'increase', annualTarget: 85, previousYearOutcome: 84.62, comparedValue: 71.79, status: 'notAchieved', deteriorationThreshold: null },
      ['notAchieved', 'notAchieved'],
    );
    expect(flags).toEqual(['deteriorated', 'recurring']);
    expect(flags.map((f) => TREND_FLAG_TEXTS[f])).toEqual(['Försämring mot föregående år', 'Återkommande']);
  });

  it('gives none for an indicator that meets its target', () => {
    expect(trendFlags({ direction: 'increase', annualTarget: 85, previousYearOutcome: 95, comparedValue: 86, status: 'achieved', deteriorationThreshold: null }, ['notAchieved', 'notAchieved'])).toEqual([]);
  });
});
