import { FieldError } from '../common/domain-error';
import { validatePlain } from '../common/validation';
import { activity, indicator, Json, planDocument, seedDocument } from '../../test/support/documents';
import { PlanDocumentDto } from './dto/plan-document.dto';
import { checkPlan, isCalendarDate } from './plan-rules';

/** Shape check and plan rules together, as the importer runs them. */
function problems(doc: Json): FieldError[] {
  const { value, errors } = validatePlain(PlanDocumentDto, doc);
  return errors.length > 0 ? errors : checkPlan(value);
}

describe('plan documents', () => {
  it('the Socialnämnden 2017 plan and the test plan have no problems', () => {
    expect(problems(seedDocument('plan'))).toEqual([]);
    expect(problems(planDocument())).toEqual([]);
  });

  describe('shape of each field', () => {
    it.each<[string, Json, string, RegExp]>([
      ['a target as text', planDocument({ indicators: [indicator({ annualTarget: '90' })] }), 'indicators[0].annualTarget', /tal/],
      ['an unknown unit', planDocument({ indicators: [indicator({ unit: 'procent' })] }), 'indicators[0].unit', /"percent"/],
      ['genderSplit as text', planDocument({ indicators: [indicator({ genderSplit: 'ja' })] }), 'indicators[0].genderSplit', /true eller false/],
      ['a misspelt field', planDocument({ indicators: [indicator({ anualTarget: 90 })] }), 'indicators[0].anualTarget', /Okänt fält/],
      ['a missing name', planDocument({ indicators: [indicator({ name: undefined })] }), 'indicators[0].name', /saknas/],
      ['an empty code', planDocument({ activities: [activity({ code: '  ' })] }), 'activities[0].code', /tomt/],
      ['a year as text', planDocument({ year: '2031' }), 'year', /heltal/],
      ['a list that is an object', planDocument({ activities: {} }), 'activities', /lista/],
      ['a missing list', planDocument({ boardGoals: undefined }), 'boardGoals', /saknas/],
      ['a board that is text', planDocument({ board: 'ÄLN' }), 'board', /objekt/],
      ['a date in Swedish order', planDocument({ activities: [activity({ start: '01/01/2031' })] }), 'activities[0].start', /ÅÅÅÅ-MM-DD/],
      ['an unknown budget unit', planDocument({ budget: { ...planDocument().budget, unit: 'kr' } }), 'budget.unit', /"mnkr", "tkr"/],
    ])('%s', (_label, doc, path, message) => {
      expect(problems(doc)).toContainEqual({ path, message: expect.stringMatching(message) });
    });
  });

  describe('codes and references', () => {
    it('a goal code used twice, across levels', () => {
      const doc = planDocument();
      doc.boardGoals.push({ code: '1.7', councilGoal: '1.7', name: 'Dubblett' });
      expect(problems(doc)).toContainEqual({ path: 'boardGoals[1].code', message: expect.stringMatching(/"1\.7" används redan \(councilGoals\[0\]\.code\)/) });
    });

    it.each<[string, Json, string, RegExp]>([
      ['a KF goal under an unknown aim', { councilGoals: [{ code: '1.7', aim: '9', name: 'x' }] }, 'councilGoals[0].aim', /inriktningsmål med koden "9"/],
      ['a nämndmål under an unknown KF goal', { boardGoals: [{ code: '1.7.a', councilGoal: '1.8', name: 'x' }] }, 'boardGoals[0].councilGoal', /"1\.8"/],
      ['an indicator on an unknown goal', { indicators: [indicator({ goal: '4.4' })] }, 'indicators[0].goal', /koden "4\.4"/],
      ['an indicator on an inriktningsmål', { indicators: [indicator({ goal: '1' })] }, 'indicators[0].goal', /inte till inriktningsmålet "1"/],
      ['an activity on an unknown goal', { activities: [activity({ goal: 'x' })] }, 'activities[0].goal', /koden "x"/],
      ['an indicator code used twice', { indicators: [indicator(), indicator()] }, 'indicators[1].code', /används redan/],
      ['an activity code used twice', { activities: [activity(), activity()] }, 'activities[1].code', /används redan/],
      ['an inriktningsmål code used twice', { councilAims: [{ code: '1', name: 'x' }, { code: '1', name: 'y' }], councilGoals: [], boardGoals: [], indicators: [], activities: [] }, 'councilAims[1].code', /^Målkoden "1" används redan \(councilAims\[0\]\.code\)\. Varje mål behöver en egen kod\.$/],
      ['an activity on an inriktningsmål', { activities: [activity({ goal: '3' })] }, 'activities[0].goal', /^En aktivitet hör till ett KF:s mål för verksamhetsområdet eller ett nämndmål, inte till inriktningsmålet "3"\.$/],
      ['an indicator on an inriktningsmål, the whole message', { indicators: [indicator({ goal: '3' })] }, 'indicators[0].goal', /^En indikator hör till ett KF:s mål för verksamhetsområdet eller ett nämndmål, inte till inriktningsmålet "3"\.$/],
    ])('%s', (_label, overrides, path, message) => {
      expect(problems(planDocument(overrides))).toContainEqual({ path, message: expect.stringMatching(message) });
    });
  });

  describe('indicator targets', () => {
    it.each<[string, Json, string, RegExp]>([
      ['a share above 100', { annualTarget: 101 }, 'annualTarget', /mellan 0 och 100, inte 101/],
      ['a negative share', { councilTarget: -1 }, 'councilTarget', /mellan 0 och 100/],
      ['last year above 100', { previousYearOutcome: 100.5 }, 'previousYearOutcome', /inte 100,5/],
      ['a range without tolerance', { direction: 'range', tolerance: null }, 'tolerance', /behöver en tolerans/],
      ['a negative tolerance', { direction: 'range', tolerance: -1 }, 'tolerance', /negativ/],
      ['a tolerance where higher is better', { tolerance: 1 }, 'tolerance', /bara för intervallindikatorer/],
      ['a threshold on a range', { direction: 'range', tolerance: 1, partialThreshold: 2 }, 'partialThreshold', /två gånger toleransen/],
      ['a threshold above the target, higher better', { annualTarget: 80, partialThreshold: 85 }, 'partialThreshold', /inte ligga över årsmålet/],
      ['a threshold below the target, lower better', { direction: 'decrease', annualTarget: 5, partialThreshold: 4 }, 'partialThreshold', /inte ligga under årsmålet/],
    ])('%s', (_label, overrides, field, message) => {
      expect(problems(planDocument({ indicators: [indicator(overrides)] }))).toContainEqual({
        path: `indicators[0].${field}`,
        message: expect.stringMatching(message),
      });
    });

    it.each<[string, Json]>([
      ['a range indicator below zero', { direction: 'range', annualTarget: 0, tolerance: 1, previousYearOutcome: -1 }],
      ['a range indicator above 100 (budgetföljsamhet 101,6 %)', { direction: 'range', annualTarget: 100, tolerance: 1, previousYearOutcome: 101.6 }],
      ['a count above 100', { unit: 'count', annualTarget: 2850 }],
      ['no targets at all', { annualTarget: null, councilTarget: null }],
      ['the boundaries 0 and 100', { annualTarget: 100, councilTarget: 0 }],
      ['a threshold equal to the target, higher better', { annualTarget: 80, partialThreshold: 80 }],
      ['a threshold equal to the target, lower better', { direction: 'decrease', annualTarget: 5, partialThreshold: 5 }],
      ['a threshold below the target, higher better', { annualTarget: 80, partialThreshold: 75 }],
      ['a threshold above the target, lower better', { direction: 'decrease', annualTarget: 5, partialThreshold: 6 }],
      ['a threshold with no target', { annualTarget: null, partialThreshold: 75 }],
      ['a range with tolerance 0 (exactly on target)', { direction: 'range', annualTarget: 0, tolerance: 0 }],
    ])('accepts %s', (_label, overrides) => {
      expect(problems(planDocument({ indicators: [indicator(overrides)] }))).toEqual([]);
    });
  });

  describe('activities', () => {
    it.each<[string, Json, string, RegExp]>([
      ['an end before the start', { start: '2031-06-01', end: '2031-05-31' }, 'end', /före startdatumet 2031-06-01/],
      ['a day that does not exist', { start: '2031-02-29' }, 'start', /inget giltigt datum/],
      ['month 13', { end: '2031-13-01' }, 'end', /inget giltigt datum/],
    ])('%s', (_label, overrides, field, message) => {
      expect(problems(planDocument({ activities: [activity(overrides)] }))).toContainEqual({
        path: `activities[0].${field}`,
        message: expect.stringMatching(message),
      });
    });

    it('an invalid start is reported alone, not also as an end before it', () => {
      expect(problems(planDocument({ activities: [activity({ start: '2031-02-30', end: '2031-01-15' })] }))).toEqual([
        { path: 'activities[0].start', message: '"2031-02-30" är inget giltigt datum.' },
      ]);
      expect(problems(planDocument({ activities: [activity({ start: '2031-01-15', end: '2030-13-01' })] }))).toEqual([
        { path: 'activities[0].end', message: '"2030-13-01" är inget giltigt datum.' },
      ]);
    });

    it('accepts one day, and a leap day', () => {
      expect(problems(planDocument({ activities: [activity({ start: '2032-02-29', end: '2032-02-29' })] }))).toEqual([]);
    });

    it.each([
      ['2031-01-31', true],
      ['2032-02-29', true],
      ['2031-02-29', false],
      ['2031-04-31', false],
      ['2031-00-10', false],
      ['31-01-2031', false],
      ['x2031-01-31', false], // nothing before the date
      ['2031-01-311', false], // nothing after it
      ['2031-1-31', false],
      ['0050-01-01', false], // years below 100 would be read as 1950 by Date.UTC: refused rather than moved
    ])('isCalendarDate(%s) → %p', (text, expected) => {
      expect(isCalendarDate(text)).toBe(expected);
    });
  });

  describe('budget', () => {
    const withBudget = (budget: Json) => planDocument({ budget: { ...planDocument().budget, ...budget } });

    it.each<[string, Json, string, RegExp]>([
      ['revenue budgeted as positive', { accountGroups: [{ name: 'Taxor', type: 'revenue', budget: 25.4 }] }, 'budget.accountGroups[0].budget', /minustecken \(-25,4 i stället för 25,4\)/],
      ['cost budgeted as negative', { accountGroups: [{ name: 'Lokaler', type: 'cost', budget: -3 }] }, 'budget.accountGroups[0].budget', /plustecken/],
      ['an amount finer than a krona', { operatingAreas: [{ name: 'Äldreomsorg', budget: 421.0000001 }] }, 'budget.operatingAreas[0].budget', /hela kronor/],
      ['tkr with four decimals', { unit: 'tkr', operatingAreas: [{ name: 'Äldreomsorg', budget: 1.0001 }] }, 'budget.operatingAreas[0].budget', /högst 3 decimaler i tkr/],
      ['an area named twice', { operatingAreas: [{ name: 'Äldreomsorg', budget: 1 }, { name: 'Äldreomsorg', budget: 2 }] }, 'budget.operatingAreas[1].name', /finns redan/],
      ['a group named twice', { accountGroups: [{ name: 'Taxor', type: 'revenue', budget: -1 }, { name: 'Taxor', type: 'revenue', budget: -2 }] }, 'budget.accountGroups[1].name', /finns redan/],
      ['a budget that is missing', { operatingAreas: [{ name: 'Äldreomsorg' }] }, 'budget.operatingAreas[0].budget', /saknas/],
      ['last year\'s bokslut finer than a krona', { operatingAreas: [{ name: 'Äldreomsorg', budget: 421, previousYearActual: 410.0000001 }] }, 'budget.operatingAreas[0].previousYearActual', /hela kronor/],
      ['revenue, the whole message', { accountGroups: [{ name: 'Taxor', type: 'revenue', budget: 25.4 }] }, 'budget.accountGroups[0].budget', /^Intäkter budgeteras med minustecken \(-25,4 i stället för 25,4\)\.$/],
      ['cost, the whole message', { accountGroups: [{ name: 'Lokaler', type: 'cost', budget: -3.5 }] }, 'budget.accountGroups[0].budget', /^Kostnader budgeteras med plustecken \(3,5 i stället för -3,5\)\.$/],
    ])('%s', (_label, budget, path, message) => {
      expect(problems(withBudget(budget))).toContainEqual({ path, message: expect.stringMatching(message) });
    });

    it('accepts last year\'s bokslut left out or null', () => {
      expect(problems(withBudget({ operatingAreas: [{ name: 'Äldreomsorg', budget: 421 }, { name: 'Öppen verksamhet', budget: 11, previousYearActual: null }] }))).toEqual([]);
    });

    it('accepts a zero budget for revenue and for cost', () => {
      expect(problems(withBudget({ accountGroups: [{ name: 'A', type: 'revenue', budget: 0 }, { name: 'B', type: 'cost', budget: 0 }] }))).toEqual([]);
    });
  });

  it('lists every problem of a document, not just the first', () => {
    const doc = planDocument({
      indicators: [indicator({ goal: 'nope' }), indicator({ code: 'ÄLN-I9', annualTarget: 150 })],
      activities: [activity({ start: '2031-12-31', end: '2031-01-01' })],
    });
    expect(problems(doc).map((p) => p.path)).toEqual(['indicators[0].goal', 'indicators[1].annualTarget', 'activities[0].end']);
  });
});
