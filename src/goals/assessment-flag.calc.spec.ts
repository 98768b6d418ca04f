import { assessmentFlag, lacksIndicatorSupport } from './goal-assessment.calc';

describe('the flags on a bedömning (SPEC 3.3)', () => {
  // own bedömning, what the indicators carry, expected flag — written by hand from the SPEC's words
  it.each([
    ['full', 'full', null],
    ['full', 'partial', 'morePositive'],
    ['full', 'none', 'morePositive'],
    ['partial', 'none', 'morePositive'],
    ['partial', 'partial', null],
    ['none', 'full', null],
    ['full', 'notAssessed', 'unsupported'],
    ['partial', 'notAssessed', 'unsupported'],
    ['none', 'notAssessed', null],
    ['notAssessed', 'notAssessed', null],
    ['notAssessed', 'none', null],
  ] as const)('bedömning %s with indicators saying %s → %s', (own, suggestion, flag) => {
    expect(assessmentFlag(own, suggestion)).toBe(flag);
  });

  it('lacks support only for a positive bedömning with nothing assessed behind it', () => {
    expect(lacksIndicatorSupport('full', 'notAssessed')).toBe(true);
    expect(lacksIndicatorSupport('full', 'full')).toBe(false);
    expect(lacksIndicatorSupport('none', 'notAssessed')).toBe(false);
  });
});
