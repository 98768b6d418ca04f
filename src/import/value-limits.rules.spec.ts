import { FieldError } from '../common/domain-error';
import { validatePlain } from '../common/validation';
import { followupDocument, Json, planDocument, planFactsOf } from '../../test/support/documents';
import { FollowupDocumentDto } from './dto/followup-document.dto';
import { PlanIndicatorDto } from './dto/plan-document.dto';
import { checkFollowup, monthlyContentErrors, PlanFacts } from './followup-rules';
import { checkAmount, checkIndicatorTargets } from './plan-rules';

/*
 * The limits of values and amounts, at their exact bounds, and the paths that name the
 * field at fault. Expected messages and bounds are written out by hand (MAX_VALUE's
 * default: 10^12 kr, the same number as an indicator's largest value).
 */

describe('checkAmount: at most 10^12 kr, in the document\'s unit', () => {
  it.each<[number, 'tkr' | 'mnkr']>([
    [1_000_000_000, 'tkr'],
    [-1_000_000_000, 'tkr'],
    [1_000_000, 'mnkr'],
    [-1_000_000, 'mnkr'],
  ])('%p %s is exactly the bound and accepted', (value, unit) => {
    expect(checkAmount(value, unit, 'budget.operatingAreas[0].forecast')).toEqual([]);
  });

  it.each<[number, 'tkr' | 'mnkr', string]>([
    [1_000_000_001, 'tkr', 'Beloppet får vara högst 1 000 000 000 tkr (plus eller minus).'],
    [1_000_000.1, 'mnkr', 'Beloppet får vara högst 1 000 000 mnkr (plus eller minus).'],
    [-1_000_001, 'mnkr', 'Beloppet får vara högst 1 000 000 mnkr (plus eller minus).'],
  ])('%p %s is beyond it', (value, unit, message) => {
    expect(checkAmount(value, unit, 'budget.accountGroups[2].actual')).toEqual([{ path: 'budget.accountGroups[2].actual', message }]);
  });

  it('names a fraction of a krona', () => {
    expect(checkAmount(0.0000001, 'mnkr', 'x')).toEqual([
      { path: 'x', message: 'Beloppet 0,0000001 mnkr går inte att räkna om till hela kronor (högst 6 decimaler i mnkr).' },
    ]);
    expect(checkAmount(-0.0005, 'tkr', 'x')).toEqual([
      { path: 'x', message: 'Beloppet -0,0005 tkr går inte att räkna om till hela kronor (högst 3 decimaler i tkr).' },
    ]);
    expect(checkAmount(null, 'mnkr', 'x')).toEqual([]);
  });
});

describe('checkIndicatorTargets: the bounds before the share', () => {
  const indicator = (fields: Partial<PlanIndicatorDto>): PlanIndicatorDto =>
    ({ code: 'ÅRS-1', goal: '1.1', name: 'Andel', unit: 'percent', direction: 'increase', genderSplit: false, frequency: 'tertial', ...fields }) as PlanIndicatorDto;

  it('reports only the bound when a share is far beyond it, not also that it is no share', () => {
    expect(checkIndicatorTargets(indicator({ annualTarget: 2e12 }), 'indicators[3]')).toEqual([
      { path: 'indicators[3].annualTarget', message: 'Får inte vara större än 1 000 000 000 000.' },
    ]);
  });

  it('reports a share above 100 as a share', () => {
    expect(checkIndicatorTargets(indicator({ councilTarget: 101 }), 'indicators[0]')).toEqual([
      { path: 'indicators[0].councilTarget', message: 'En andel i procent måste ligga mellan 0 och 100, inte 101.' },
    ]);
  });

  it('bounds the tolerance and names it', () => {
    expect(checkIndicatorTargets(indicator({ unit: 'index', direction: 'range', annualTarget: 100, tolerance: 2e12 }), 'indicators[1]')).toContainEqual({
      path: 'indicators[1].tolerance',
      message: 'Får inte vara större än 1 000 000 000 000.',
    });
  });
});

describe('follow-up rules: sections, the new budget terms and the months', () => {
  const facts = (plan: Json = planDocument()): PlanFacts => planFactsOf(plan) as PlanFacts;
  const problems = (doc: Json): FieldError[] => {
    const { value, errors } = validatePlain(FollowupDocumentDto, doc);
    return errors.length > 0 ? errors : checkFollowup(value, facts());
  };

  it('refuses a section heading given twice, naming where it came first', () => {
    const doc = followupDocument({ sections: [{ heading: 'Investeringar', text: 'Ett.' }, { heading: 'Övrigt', text: 'Två.' }, { heading: 'Investeringar', text: 'Tre.' }] });
    expect(problems(doc)).toEqual([{ path: 'sections[2].heading', message: 'Avsnittet "Investeringar" förekommer redan (sections[0].heading).' }]);
  });

  it('names prestationsförändring and återredovisning finer than a krona by their own paths', () => {
    const doc = followupDocument({
      budget: { unit: 'mnkr', operatingAreas: [{ name: 'Äldreomsorg', forecast: 1, volumeChange: 0.0000001, returned: -0.0000005 }] },
    });
    expect(problems(doc).map((e) => e.path)).toEqual(['budget.operatingAreas[0].volumeChange', 'budget.operatingAreas[0].returned']);
  });

  it.each([
    ['indicators', 'indikatorer', [{ code: 'ÄLN-I1', outcome: 1 }]],
    ['goals', 'mål och bedömningar', [{ code: '1.7', assessment: 'full' }]],
    ['activities', 'aktiviteter', [{ code: 'ÄLN-A1', deviation: false }]],
  ])('a månadsrapport cannot carry %s', (key, what, rows) => {
    expect(monthlyContentErrors({ period: 'M09', year: 2020, [key]: rows } as never)).toEqual([{
      path: key,
      message: `En månadsrapport (M09, september 2020) följer bara upp budgeten och har bara texter; den kan inte ha ${what}. Ta bort "${key}" eller ange en tertialperiod (T1, T2, VB).`,
    }]);
  });
});
