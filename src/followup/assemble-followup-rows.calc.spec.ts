import { assembleFollowup, PeriodRows, PlanRows, reconcile, workflowOf } from './assemble-followup.calc';
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

describe('assembleFollowup: budget rows with and without results', () => {
  const budgetPlan: PlanRows = {
    ...plan,
    operatingAreas: [
      { id: 30, name: 'Äldreomsorg', previousYearActual: 90 * MN, budget: 100 * MN },
      { id: 31, name: 'Öppen verksamhet', previousYearActual: null, budget: 10 * MN },
    ],
    accountGroups: [
      { id: 40, name: 'Taxor och avgifter', type: 'revenue', budget: -20 * MN },
      { id: 41, name: 'Personalkostnader', type: 'cost', budget: 130 * MN },
    ],
  };
  const f = assembleFollowup(budgetPlan, rows({
    operatingAreaResults: [{ operatingAreaId: 30, forecast: 101 * MN, adjustment: 1 * MN, volumeChange: 2 * MN, returned: 3 * MN, comment: 'Fler brukare.', version: 5 }],
    accountGroupResults: [{ accountGroupId: 41, actual: 40 * MN, forecast: 131 * MN, previousYearBudget: 125 * MN, previousYearActual: 38 * MN }],
  }));

  it('carries an account group\'s figures, and none for a group without a result', () => {
    expect(f.budget.accountTable.costs[0]).toMatchObject({ name: 'Personalkostnader', budget: 130 * MN, forecast: 131 * MN, actual: 40 * MN, previousYearBudget: 125 * MN, previousYearActual: 38 * MN });
    expect(f.budget.accountTable.revenues[0]).toMatchObject({ name: 'Taxor och avgifter', budget: -20 * MN, forecast: null, actual: null, previousYearBudget: null, previousYearActual: null });
  });

  it('carries an area\'s prognos, justering, prestationsförändring, återredovisning, comment and version, and none for an area without a result', () => {
    // 100 − 101 = −1; + 1 + 2 − 3 = −1.
    expect(f.budget.operatingAreaTable.rows[0]).toMatchObject({ forecast: 101 * MN, deviation: -1 * MN, adjustment: 1 * MN, volumeChange: 2 * MN, returned: 3 * MN, adjustedDeviation: -1 * MN });
    expect(f.budget.operatingAreaTable.rows[1]).toMatchObject({ forecast: null, deviation: null, adjustment: null, volumeChange: null, returned: null });
    expect(f.budget.areaComments).toEqual([{ name: 'Äldreomsorg', deviation: -1 * MN, adjustedDeviation: -1 * MN, comment: 'Fler brukare.' }]);
    expect(f.budget.operatingAreaVersions).toEqual({ 'Äldreomsorg': 5, 'Öppen verksamhet': 0 });
  });

  it('puts several indicators and activities of one goal together, in the plan\'s order', () => {
    const twice = assembleFollowup({
      ...plan,
      indicators: [plan.indicators[0], { ...plan.indicators[0], id: 12, code: 'ÄLN-I3' }],
      activities: [plan.activities[0], { ...plan.activities[0], id: 22, code: 'ÄLN-A3' }],
    }, rows());
    expect(byCode(twice.goals, '1.1.a')!.indicators.map((i) => i.code)).toEqual(['ÄLN-I1', 'ÄLN-I3']);
    expect(byCode(twice.goals, '1.1.a')!.activities.map((a) => a.code)).toEqual(['ÄLN-A1', 'ÄLN-A3']);
  });
});

describe('reconcile: Netto against Nämnden totalt (SPEC 3.4)', () => {
  it.each<[string, { budget: number | null; forecast: number | null; actual: number | null }, { budget: number | null; forecast: number | null }, 'T1' | 'VB', { budget: number | null; forecast: number | null } | null]>([
    ['agreeing tables', { budget: 100, forecast: 101, actual: 40 }, { budget: 100, forecast: 101 }, 'T1', null],
    ['a budget 0,1 mnkr apart', { budget: 1_215_300_000, forecast: 1_216_200_000, actual: 1 }, { budget: 1_215_400_000, forecast: 1_216_200_000 }, 'T1', { budget: -100_000, forecast: 0 }],
    ['a prognos apart in a tertial', { budget: 100, forecast: 103, actual: 40 }, { budget: 100, forecast: 101 }, 'T1', { budget: 0, forecast: 2 }],
    ['the utfall, not the prognos, in the VB', { budget: 100, forecast: 101, actual: 99 }, { budget: 100, forecast: 101 }, 'VB', { budget: 0, forecast: -2 }],
    ['a missing budget on one side', { budget: null, forecast: 103, actual: 40 }, { budget: 100, forecast: 101 }, 'T1', { budget: null, forecast: 2 }],
    ['a missing prognos on the other', { budget: 100, forecast: 103, actual: 40 }, { budget: 100, forecast: null }, 'T1', null],
    ['both missing', { budget: null, forecast: null, actual: null }, { budget: null, forecast: null }, 'T1', null],
  ])('%s', (_label, net, total, period, expected) => {
    expect(reconcile(net, total, period)).toEqual(expected);
  });
});
