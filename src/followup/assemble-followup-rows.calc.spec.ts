import { assembleFollowup, PeriodRows, PlanRows, workflowOf } from './assemble-followup.calc';
import { GoalFollowup } from './period-followup';

/*
 * What the assembly carries from each row into the follow-up, field by field: the board,
 * the workflow, results and their versions, rows without results, the goal tree and the
 * texts. Every expected value is written out by hand.
 */

const MN = 1_000_000;
const SUBMITTED = new Date('2031-05-10T08:00:00Z');
const APPROVED = new Date('2031-05-20T12:30:00Z');

const plan: PlanRows = {
  board: { code: 'ÄLN', name: 'Äldrenämnden i Årsta' },
  year: 2031,
  goals: [
    { id: 1, parentId: null, level: 'councilAim', code: '1', name: 'Ett Stockholm som håller samman', expectedResult: null },
    { id: 2, parentId: 1, level: 'councilGoal', code: '1.1', name: 'Äldre har en trygg vardag', expectedResult: null },
    { id: 3, parentId: 2, level: 'boardGoal', code: '1.1.a', name: 'Hemtjänsten är trygg', expectedResult: 'Fler äldre känner sig trygga.' },
  ],
  indicators: [
    {
      id: 10, goalId: 3, code: 'ÄLN-I1', name: 'Andel trygga', source: 'board', unit: 'percent', direction: 'increase', genderSplit: true,
      frequency: 'tertial', annualTarget: 80, councilTarget: 75, tolerance: null, partialThreshold: null, previousYearOutcome: 78,
    },
    {
      id: 11, goalId: 2, code: 'ÄLN-I2', name: 'Antal besök', source: 'council', unit: 'count', direction: 'decrease', genderSplit: false,
      frequency: 'year', annualTarget: 40, councilTarget: null, tolerance: null, partialThreshold: null, previousYearOutcome: null,
    },
  ],
  activities: [
    { id: 20, goalId: 3, code: 'ÄLN-A1', name: 'Trygghetsvandringar', startDate: '2031-01-01', endDate: '2031-06-30' },
    { id: 21, goalId: 2, code: 'ÄLN-A2', name: 'Utbildning', startDate: '2031-02-01', endDate: '2031-12-31' },
  ],
  operatingAreas: [{ id: 30, name: 'Äldreomsorg', previousYearActual: 90 * MN, budget: 100 * MN }],
  accountGroups: [],
};

function rows(overrides: Partial<PeriodRows> = {}): PeriodRows {
  return {
    period: 'T1',
    reported: true,
    workflow: { state: 'approved', submittedAt: SUBMITTED, submittedBy: 'kalle', approvedAt: APPROVED, approvedBy: 'maja' },
    assessments: [{ goalId: 3, assessment: 'partial', analysis: 'Delvis nått.', version: 4 }],
    indicatorResults: [{ indicatorId: 10, outcome: 30, men: 28, women: 32, forecast: 85, analysis: 'Bättre än väntat.', version: 3 }],
    activityResults: [{ activityId: 20, deviation: true, comment: 'Försenad till hösten.', version: 2 }],
    operatingAreaResults: [{ operatingAreaId: 30, forecast: 101 * MN, adjustment: 0 }],
    accountGroupResults: [],
    texts: [
      { key: 'section:Övrigt', heading: 'Övrigt', text: 'Sist.', position: 3 },
      { key: 'summary', heading: null, text: 'Sammanfattningen.', position: 0 },
      { key: 'section:Investeringar', heading: null, text: 'Först.', position: 2 },
      { key: 'budgetComment', heading: null, text: 'Budgetkommentaren.', position: 1 },
    ],
    ...overrides,
  };
}

const byCode = (goals: GoalFollowup[], code: string): GoalFollowup | undefined => {
  for (const g of goals) {
    if (g.code === code) return g;
    const found = byCode(g.children, code);
    if (found) return found;
  }
  return undefined;
};

describe('workflowOf', () => {
  it('is open and unlocked for a period not yet created', () => {
    expect(workflowOf(null)).toEqual({
      state: 'open', stateLabel: 'Öppen', submittedAt: null, submittedBy: null, approvedAt: null, approvedBy: null, locked: false, lockedAt: null,
    });
  });

  it('carries who handed in and approved, locked from the approval', () => {
    expect(workflowOf({ state: 'approved', submittedAt: SUBMITTED, submittedBy: 'kalle', approvedAt: APPROVED, approvedBy: 'maja' })).toEqual({
      state: 'approved', stateLabel: 'Godkänd', submittedAt: SUBMITTED, submittedBy: 'kalle', approvedAt: APPROVED, approvedBy: 'maja', locked: true, lockedAt: APPROVED,
    });
  });

  it('is not locked when only handed in', () => {
    expect(workflowOf({ state: 'submitted', submittedAt: SUBMITTED, submittedBy: 'kalle', approvedAt: null, approvedBy: null })).toMatchObject({
      state: 'submitted', stateLabel: 'Inlämnad', locked: false, lockedAt: null,
    });
  });
});

describe('assembleFollowup: rows carried into the follow-up', () => {
  const f = assembleFollowup(plan, rows());

  it('names the board, year, period and title, with the workflow', () => {
    expect(f.board).toEqual({ code: 'ÄLN', name: 'Äldrenämnden i Årsta' });
    expect([f.year, f.period, f.title, f.reported]).toEqual([2031, 'T1', 'Tertialrapport 1 2031', true]);
    expect([f.state, f.submittedBy, f.approvedBy, f.locked]).toEqual(['approved', 'kalle', 'maja', true]);
  });

  it('builds the goal tree from the aims down', () => {
    expect(f.goals.map((g) => g.code)).toEqual(['1']);
    expect(f.goals[0].children.map((g) => g.code)).toEqual(['1.1']);
    expect(f.goals[0].children[0].children.map((g) => g.code)).toEqual(['1.1.a']);
  });

  it('carries a goal\'s bedömning, analysis, version and förväntat resultat, and Ej bedömd without a row', () => {
    expect(byCode(f.goals, '1.1.a')).toMatchObject({
      level: 'boardGoal', levelLabel: 'Nämndmål', name: 'Hemtjänsten är trygg', expectedResult: 'Fler äldre känner sig trygga.',
      assessment: 'partial', assessmentLabel: 'Uppfylls delvis', analysis: 'Delvis nått.', version: 4,
    });
    expect(byCode(f.goals, '1.1')).toMatchObject({ assessment: 'notAssessed', assessmentLabel: 'Ej bedömd', analysis: null, version: 0 });
  });

  it('carries an indicator\'s values, analysis and version, and empty values without a result', () => {
    expect(byCode(f.goals, '1.1.a')!.indicators).toEqual([expect.objectContaining({
      code: 'ÄLN-I1', name: 'Andel trygga', source: 'board', unit: 'percent', direction: 'increase', genderSplit: true, frequency: 'tertial',
      annualTarget: 80, councilTarget: 75, tolerance: null, partialThreshold: null, previousYearOutcome: 78,
      outcome: 30, men: 28, women: 32, forecast: 85, analysis: 'Bättre än väntat.', comparedValue: 85, status: 'achieved', statusLabel: 'Uppnås', version: 3,
      periodLabel: 'Tertial 1 2031',
    })]);
    expect(byCode(f.goals, '1.1')!.indicators).toEqual([expect.objectContaining({
      code: 'ÄLN-I2', outcome: null, men: null, women: null, forecast: null, analysis: null, comparedValue: null, status: 'notAssessed', version: 0,
    })]);
  });

  it('carries an activity\'s avvikelse, comment and version, and empty ones without a result', () => {
    expect(byCode(f.goals, '1.1.a')!.activities).toEqual([
      { code: 'ÄLN-A1', name: 'Trygghetsvandringar', startDate: '2031-01-01', endDate: '2031-06-30', deviation: true, comment: 'Försenad till hösten.', version: 2 },
    ]);
    expect(byCode(f.goals, '1.1')!.activities).toEqual([
      { code: 'ÄLN-A2', name: 'Utbildning', startDate: '2031-02-01', endDate: '2031-12-31', deviation: null, comment: null, version: 0 },
    ]);
    expect(byCode(f.goals, '1')!.activities).toEqual([]);
  });

  it('gives the texts by kind, sections in their order and named by their key when the heading is missing', () => {
    expect(f.texts).toEqual({
      summary: 'Sammanfattningen.',
      budgetComment: 'Budgetkommentaren.',
      sections: [{ heading: 'Investeringar', text: 'Först.' }, { heading: 'Övrigt', text: 'Sist.' }],
    });
  });

  it('has no goals for a plan without any, and no texts without rows', () => {
    const empty = assembleFollowup({ ...plan, goals: [], indicators: [], activities: [] }, rows({ texts: [], workflow: null }));
    expect(empty.goals).toEqual([]);
    expect(empty.texts).toEqual({ summary: null, budgetComment: null, sections: [] });
    expect(empty.state).toBe('open');
  });

  it('gives a verksamhetsberättelse without tertialrapport 2 no prognossäkerhet', () => {
    const vb = assembleFollowup(plan, rows({ period: 'VB' }));
    expect(vb.budget.forecastAccuracy).toBeNull();
    const unreported = assembleFollowup(plan, rows({ period: 'VB' }), rows({ period: 'T2', reported: false }));
    expect(unreported.budget.forecastAccuracy).toBeNull();
    const withT2 = assembleFollowup(plan, rows({ period: 'VB' }), rows({ period: 'T2', operatingAreaResults: [{ operatingAreaId: 30, forecast: 102 * MN, adjustment: 0 }] }));
    // (T2 prognos 102 − bokslut 101) / budget 100 = 1 %.
    expect(withT2.budget.forecastAccuracy?.total.accuracy).toBeCloseTo(0.01, 12);
  });
});
