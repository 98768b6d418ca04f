import { IndicatorStatus } from '../indicators/indicator-status.calc';
import { ASSESSMENT_LABELS, AssessmentOrNone, isMorePositiveThanIndicators, MORE_POSITIVE_TEXT, suggestAssessment } from './goal-assessment.calc';

describe('suggestAssessment (SPEC 3.3)', () => {
  it.each<[IndicatorStatus[], AssessmentOrNone]>([
    [['achieved'], 'full'],
    [['achieved', 'achieved', 'notAssessed'], 'full'], // Ej bedömd does not count
    [['achieved', 'partial'], 'partial'],
    [['achieved', 'notAchieved'], 'partial'], // one Uppnås keeps it at delvis
    [['partial'], 'partial'],
    [['partial', 'partial'], 'partial'],
    [['partial', 'notAchieved'], 'none'],
    [['notAchieved'], 'none'],
    [['notAssessed', 'notAssessed'], 'notAssessed'],
    [[], 'notAssessed'],
  ])('indicators %j → %s', (statuses, expected) => {
    expect(suggestAssessment(statuses)).toBe(expected);
  });

  it.each<[IndicatorStatus[], AssessmentOrNone[], AssessmentOrNone]>([
    [[], ['full', 'full'], 'full'], // a KF goal with only nämndmål under it
    [['achieved'], ['partial'], 'partial'],
    [['achieved'], ['notAssessed'], 'full'], // a nämndmål that is Ej bedömd does not count
    [[], ['none', 'partial'], 'none'],
    [['notAssessed'], ['notAssessed'], 'notAssessed'],
    [[], ['partial'], 'partial'], // a nämndmål's delvis counts as Uppnås delvis, not as Uppnås inte
    [[], ['partial', 'partial'], 'partial'],
    [['notAssessed'], ['full'], 'full'],
    [[], ['none'], 'none'],
    [['partial'], ['full'], 'partial'],
  ])('indicators %j and nämndmål %j → %s', (statuses, subGoals, expected) => {
    expect(suggestAssessment(statuses, subGoals)).toBe(expected);
  });
});

describe('isMorePositiveThanIndicators', () => {
  it.each<[AssessmentOrNone, AssessmentOrNone, boolean]>([
    ['full', 'partial', true],
    ['full', 'none', true],
    ['partial', 'none', true],
    ['full', 'full', false],
    ['partial', 'full', false], // more cautious than the figures is not flagged
    ['none', 'partial', false],
    ['full', 'notAssessed', false], // nothing to hold it against
    ['notAssessed', 'none', false], // no own bedömning
    ['partial', 'partial', false],
    ['none', 'none', false],
    ['none', 'full', false],
    ['partial', 'notAssessed', false],
    ['notAssessed', 'notAssessed', false],
  ])('own %s against suggestion %s → %p', (own, suggestion, expected) => {
    expect(isMorePositiveThanIndicators(own, suggestion)).toBe(expected);
  });
});

describe('the words of SPEC 3.3 and 4', () => {
  it('bedömning texts', () => {
    expect(ASSESSMENT_LABELS).toEqual({ full: 'Uppfylls helt', partial: 'Uppfylls delvis', none: 'Uppfylls inte', notAssessed: 'Ej bedömd' });
  });

  it('the flag text', () => {
    expect(MORE_POSITIVE_TEXT).toBe('Bedömningen är mer positiv än indikatorerna');
  });
});
