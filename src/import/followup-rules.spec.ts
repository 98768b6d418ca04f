import { FieldError } from '../common/domain-error';
import { validatePlain } from '../common/validation';
import { followupDocument, Json, planDocument, planFactsOf, seedDocument } from '../../test/support/documents';
import { FollowupDocumentDto } from './dto/followup-document.dto';
import { checkFollowup, PlanFacts } from './followup-rules';

/** What the importer knows of a plan, built from a plan document. */
function factsOf(plan: Json): PlanFacts {
  return planFactsOf(plan) as PlanFacts;
}

function problems(doc: Json, plan: Json = planDocument()): FieldError[] {
  const { value, errors } = validatePlain(FollowupDocumentDto, doc);
  return errors.length > 0 ? errors : checkFollowup(value, factsOf(plan));
}

describe('follow-up documents', () => {
  it('T1 2017 against its plan, and the test follow-up against the test plan, have no problems', () => {
    expect(problems(seedDocument('t1'), seedDocument('plan'))).toEqual([]);
    expect(problems(followupDocument())).toEqual([]);
  });

  it('every list may be left out', () => {
    expect(problems({ kind: 'followup', version: 1, board: 'ÄLN', year: 2031, period: 'T2' })).toEqual([]);
  });

  it.each<[string, Json, string, RegExp]>([
    ['an unknown period', { period: 'T3' }, 'period', /T1, T2, VB eller M01–M12/],
    ['a month that does not exist', { period: 'M13' }, 'period', /T1, T2, VB eller M01–M12/],
    ['a board given as an object', { board: { code: 'ÄLN' } }, 'board', /text/],
    ['an outcome as text', { indicators: [{ code: 'ÄLN-I1', outcome: '89 %' }] }, 'indicators[0].outcome', /tal/],
    ['an unknown assessment', { goals: [{ code: '1.7', assessment: 'helt' }] }, 'goals[0].assessment', /"full", "partial", "none"/],
    ['deviation as text', { activities: [{ code: 'ÄLN-A1', deviation: 'nej' }] }, 'activities[0].deviation', /true eller false/],
    ['a forecast missing for an area', { budget: { unit: 'mnkr', operatingAreas: [{ name: 'Äldreomsorg' }] } }, 'budget.operatingAreas[0].forecast', /saknas/],
    ['a misspelt field', { indicators: [{ code: 'ÄLN-I1', prognos: 90 }] }, 'indicators[0].prognos', /Okänt fält/],
  ])('shape: %s', (_label, overrides, path, message) => {
    expect(problems(followupDocument(overrides))).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each<[string, Json, string, RegExp]>([
    ['an unknown indicator', { indicators: [{ code: 'ÄLN-I99', outcome: 1 }] }, 'indicators[0].code', /Indikatorn "ÄLN-I99" finns inte i planen för Äldrenämnden i Årsta 2031/],
    ['an unknown goal', { goals: [{ code: '2.1', assessment: 'full' }] }, 'goals[0].code', /Målet "2\.1" finns inte/],
    ['an unknown activity', { activities: [{ code: 'ÄLN-A9', deviation: false }] }, 'activities[0].code', /Aktiviteten "ÄLN-A9"/],
    ['an unknown area', { budget: { unit: 'mnkr', operatingAreas: [{ name: 'Förskola', forecast: 1 }] } }, 'budget.operatingAreas[0].name', /Verksamhetsområdet "Förskola"/],
    ['an unknown account group', { budget: { unit: 'mnkr', accountGroups: [{ name: 'Hyror', actual: 1 }] } }, 'budget.accountGroups[0].name', /Kontogruppen "Hyror"/],
    ['an indicator twice', { indicators: [{ code: 'ÄLN-I1' }, { code: 'ÄLN-I1' }] }, 'indicators[1].code', /förekommer redan/],
    ['a goal twice', { goals: [{ code: '1.7' }, { code: '1.7' }] }, 'goals[1].code', /Målet "1\.7" förekommer redan \(goals\[0\]\.code\)/],
    ['an activity twice', { activities: [{ code: 'ÄLN-A1', deviation: false }, { code: 'ÄLN-A1', deviation: true }] }, 'activities[1].code', /Aktiviteten "ÄLN-A1" förekommer redan \(activities\[0\]\.code\)/],
    ['an area twice', { budget: { unit: 'mnkr', operatingAreas: [{ name: 'Äldreomsorg', forecast: 1 }, { name: 'Äldreomsorg', forecast: 2 }] } }, 'budget.operatingAreas[1].name', /Verksamhetsområdet "Äldreomsorg" förekommer redan \(budget\.operatingAreas\[0\]\.name\)/],
    ['an account group twice', { budget: { unit: 'mnkr', accountGroups: [{ name: 'Taxor och avgifter', actual: -1 }, { name: 'Taxor och avgifter', actual: -2 }] } }, 'budget.accountGroups[1].name', /Kontogruppen "Taxor och avgifter" förekommer redan \(budget\.accountGroups\[0\]\.name\)/],
  ])('references: %s', (_label, overrides, path, message) => {
    expect(problems(followupDocument(overrides))).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  describe('indicator values against the plan', () => {
    it.each<[string, Json, string, RegExp]>([
      ['men on an indicator without gender split', { code: 'ÄLN-I2', men: 20 }, 'men', /inte könsuppdelad.*män\/pojkar/],
      ['women on an indicator without gender split', { code: 'ÄLN-I2', women: 20 }, 'women', /kvinnor\/flickor/],
      ['a share above 100', { code: 'ÄLN-I1', outcome: 100.1 }, 'outcome', /mellan 0 och 100, inte 100,1/],
      ['a negative share for women', { code: 'ÄLN-I1', women: -3 }, 'women', /mellan 0 och 100/],
      ['a forecast above 100', { code: 'ÄLN-I1', forecast: 120 }, 'forecast', /mellan 0 och 100/],
    ])('%s', (_label, row, field, message) => {
      expect(problems(followupDocument({ indicators: [row] }))).toContainEqual({
        path: `indicators[0].${field}`,
        message: expect.stringMatching(message),
      });
    });

    it.each<[string, Json]>([
      ['a range indicator at −1 %', { code: 'ÄLN-I3', outcome: -1, forecast: -1 }],
      ['a range indicator at 101,6 %', { code: 'ÄLN-I3', outcome: 101.6 }],
      ['a count in the thousands', { code: 'ÄLN-I2', outcome: 2850 }],
      ['only nulls', { code: 'ÄLN-I1', outcome: null, men: null, women: null, forecast: null, analysis: null }],
      ['men and women null on an indicator without gender split', { code: 'ÄLN-I2', men: null, women: null }],
    ])('accepts %s', (_label, row) => {
      expect(problems(followupDocument({ indicators: [row] }))).toEqual([]);
    });
  });

  it.each<[string, Json, string]>([
    ['an area\'s forecast finer than a krona', { operatingAreas: [{ name: 'Äldreomsorg', forecast: 423.0000001 }] }, 'budget.operatingAreas[0].forecast'],
    ['an area\'s adjustment finer than a krona', { operatingAreas: [{ name: 'Äldreomsorg', forecast: 423, adjustment: 1.0000005 }] }, 'budget.operatingAreas[0].adjustment'],
    ['a group\'s forecast', { accountGroups: [{ name: 'Personalkostnader', forecast: 302.0000001 }] }, 'budget.accountGroups[0].forecast'],
    ['a group\'s previous year budget', { accountGroups: [{ name: 'Personalkostnader', previousYearBudget: 290.0000001 }] }, 'budget.accountGroups[0].previousYearBudget'],
    ['a group\'s previous year actual', { accountGroups: [{ name: 'Personalkostnader', previousYearActual: 95.0000001 }] }, 'budget.accountGroups[0].previousYearActual'],
  ])('amounts in whole kronor: %s', (_label, budget, path) => {
    expect(problems(followupDocument({ budget: { unit: 'mnkr', ...budget } }))).toEqual([
      { path, message: expect.stringMatching(/går inte att räkna om till hela kronor \(högst 6 decimaler i mnkr\)/) },
    ]);
  });

  it('an operating area with a forecast and no adjustment is accepted', () => {
    expect(problems(followupDocument({ budget: { unit: 'mnkr', operatingAreas: [{ name: 'Äldreomsorg', forecast: 423 }] } }))).toEqual([]);
  });

  it('amounts must be whole kronor in the unit of the document', () => {
    const doc = followupDocument({
      budget: { unit: 'tkr', accountGroups: [{ name: 'Personalkostnader', actual: 99.8001 }] },
    });
    expect(problems(doc)).toContainEqual({ path: 'budget.accountGroups[0].actual', message: expect.stringMatching(/högst 3 decimaler i tkr/) });
  });
});

describe('a monthly follow-up (M01–M12)', () => {
  const budgetOnly = () => {
    const doc = followupDocument({ period: 'M09' });
    delete doc.indicators;
    delete doc.goals;
    delete doc.activities;
    return doc;
  };

  it('carries the budget and the texts', () => {
    expect(problems({ ...budgetOnly(), summary: 'Nämnden prognostiserar ett överskott.' })).toEqual([]);
  });

  it('is refused with indicators, goals or activities, each named', () => {
    const doc = followupDocument({ period: 'M09' });
    const errors = problems(doc);
    expect(errors.map((e) => e.path).sort()).toEqual(['activities', 'goals', 'indicators']);
    const indicators = errors.find((e) => e.path === 'indicators')!;
    expect(indicators.message).toMatch(/månadsrapport \(M09, september 2031\)/);
    expect(indicators.message).toMatch(/kan inte ha indikatorer/);
  });

  it('is refused for one list alone, and empty lists are no content', () => {
    const doc = { ...budgetOnly(), goals: [{ code: '1.7', assessment: 'full' }], activities: [] };
    expect(problems(doc)).toEqual([expect.objectContaining({ path: 'goals', message: expect.stringMatching(/mål och bedömningar/) })]);
  });
});
