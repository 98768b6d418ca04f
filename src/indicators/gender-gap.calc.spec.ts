import { genderAnalysis } from './gender-gap.calc';

const base = { direction: 'increase' as const, annualTarget: 85, tolerance: null, partialThreshold: null, genderSplit: true };

describe('genderAnalysis (SPEC 3.2)', () => {
  it.each([
    // men, women, gap, flagged
    [92, 88, -4, false], // both meet 85 (SON-I09 in T1 2017)
    [90, 80, -10, true], // boys meet, girls do not: the report's own example
    [80, 90, 10, true],
    [80, 84, 4, false], // neither meets: a gap, but not one across the target
    [85, 85, 0, false],
  ])('men %p, women %p → gap %p, flagged %p', (men, women, gap, flagged) => {
    expect(genderAnalysis(base, { men, women })).toEqual({ gap, flagged });
  });

  it('rounds away binary noise in the gap (88 − 92,1)', () => {
    expect(genderAnalysis(base, { men: 92.1, women: 88 }).gap).toBe(-4.1);
  });

  it('lower is better: sjukfrånvaro 5,1 (män) and 6,7 (kvinnor) against 5,5 is flagged', () => {
    const rule = { ...base, direction: 'decrease' as const, annualTarget: 5.5 };
    expect(genderAnalysis(rule, { men: 5.1, women: 6.7 })).toEqual({ gap: 1.6, flagged: true });
  });

  it.each([
    ['not gender split', { ...base, genderSplit: false }, { men: 90, women: 80 }],
    ['men missing', base, { men: null, women: 80 }],
    ['women missing', base, { men: 90, women: null }],
  ])('%s → no gap, not flagged', (_label, rule, values) => {
    expect(genderAnalysis(rule, values)).toEqual({ gap: null, flagged: false });
  });

  it('without an annual target the gap is shown but never flagged', () => {
    expect(genderAnalysis({ ...base, annualTarget: null }, { men: 90, women: 70 })).toEqual({ gap: -20, flagged: false });
  });
});
