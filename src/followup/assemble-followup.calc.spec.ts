import { assembleFollowup, IndicatorRow, PeriodRows, PlanRows } from './assemble-followup.calc';
import { GoalFollowup } from './period-followup';

const MN = 1_000_000;

function indicator(id: number, goalId: number, overrides: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    id,
    goalId,
    code: `X-I0${id}`,
    name: `Indikator ${id}`,
    source: 'board',
    unit: 'percent',
    direction: 'increase',
    genderSplit: false,
    frequency: 'tertial',
    annualTarget: 80,
    councilTarget: null,
    tolerance: null,
    partialThreshold: null,
    previousYearOutcome: null,
    ...overrides,
  };
}

/**
 * A hand-made year: aim 1 with three KF goals.
 *  1.1 has no indicator of its own; its nämndmål 1.1.a has one at 85 against 80 (Uppnås).
 *  1.2 has only an indicator without prognos (Ej bedömd).
 *  1.3 has an indicator at 50 against 80 (Uppnås inte).
 */
const plan: PlanRows = {
  board: { code: 'ÄLN', name: 'Äldrenämnden' },
  year: 2031,
  goals: [
    { id: 1, parentId: null, level: 'councilAim', code: '1', name: 'Ett Stockholm som håller samman', expectedResult: null },
    { id: 2, parentId: 1, level: 'councilGoal', code: '1.1', name: 'Mål ett', expectedResult: null },
    { id: 3, parentId: 2, level: 'boardGoal', code: '1.1.a', name: 'Nämndmål ett', expectedResult: 'Förväntat' },
    { id: 4, parentId: 1, level: 'councilGoal', code: '1.2', name: 'Mål två', expectedResult: null },
    { id: 5, parentId: 1, level: 'councilGoal', code: '1.3', name: 'Mål tre', expectedResult: null },
  ],
  indicators: [
    indicator(1, 3, { genderSplit: true, annualTarget: 6.5 }),
    indicator(2, 4),
    indicator(3, 5, { unit: 'count', direction: 'decrease', annualTarget: 40 }),
  ],
  activities: [{ id: 1, goalId: 2, code: 'X-A01', name: 'Aktivitet', startDate: '2031-01-01', endDate: '2031-12-31' }],
  operatingAreas: [
    { id: 1, name: 'Äldreomsorg', previousYearActual: 90 * MN, budget: 100 * MN },
    { id: 2, name: 'Övrigt', previousYearActual: null, budget: 20 * MN },
  ],
  accountGroups: [
    { id: 1, name: 'Taxor och avgifter', type: 'revenue', budget: -30 * MN },
    { id: 2, name: 'Personalkostnader', type: 'cost', budget: 150.1 * MN },
  ],
};

function periodRows(overrides: Partial<PeriodRows> = {}): PeriodRows {
  return {
    period: 'T1',
    reported: true,
    workflow: null,
    assessments: [
      { goalId: 2, assessment: 'full', analysis: 'Bra' },
      { goalId: 3, assessment: 'full', analysis: null },
      { goalId: 4, assessment: 'full', analysis: null },
      { goalId: 5, assessment: 'partial', analysis: null },
    ],
    indicatorResults: [
      { indicatorId: 1, outcome: 7, men: 6.25, women: 7.5, forecast: 7, analysis: 'Analys ett' },
      { indicatorId: 2, outcome: 70, men: null, women: null, forecast: null, analysis: null },
      { indicatorId: 3, outcome: 30, men: null, women: null, forecast: 50, analysis: null },
    ],
    activityResults: [{ activityId: 1, deviation: true, comment: 'Försenad' }],
    operatingAreaResults: [
      { operatingAreaId: 1, forecast: 101.8 * MN, adjustment: 0, comment: 'Underskott' },
      { operatingAreaId: 2, forecast: 20 * MN, adjustment: 0.5 * MN, comment: null },
    ],
    accountGroupResults: [
      { accountGroupId: 1, actual: -10 * MN, forecast: -31 * MN, previousYearBudget: null, previousYearActual: null },
      { accountGroupId: 2, actual: 50 * MN, forecast: 152.8 * MN, previousYearBudget: null, previousYearActual: null },
    ],
    texts: [
      { key: 'section:Övrigt', heading: 'Övrigt', text: 'Sist', position: 3 },
      { key: 'summary', heading: null, text: 'Sammanfattning', position: 0 },
      { key: 'section:Investeringar', heading: 'Investeringar', text: 'Först', position: 2 },
      { key: 'budgetComment', heading: null, text: 'Om budgeten', position: 1 },
    ],
    ...overrides,
  };
}

function goal(goals: GoalFollowup[], code: string): GoalFollowup {
  for (const g of goals) {
    if (g.code === code) return g;
    const found = g.children.length ? safeGoal(g.children, code) : undefined;
    if (found) return found;
  }
  throw new Error(`no goal ${code}`);
}
function safeGoal(goals: GoalFollowup[], code: string): GoalFollowup | undefined {
  try {
    return goal(goals, code);
  } catch {
    return undefined;
  }
}

describe('assembleFollowup: the goal tree', () => {
  const followup = assembleFollowup(plan, periodRows());

  it('keeps the tree order and levels', () => {
    expect(followup.goals.map((g) => g.code)).toEqual(['1']);
    expect(followup.goals[0].children.map((g) => g.code)).toEqual(['1.1', '1.2', '1.3']);
    expect(goal(followup.goals, '1.1').levelLabel).toBe('KF:s mål för verksamhetsområdet');
    expect(followup.title).toBe('Tertialrapport 1 2031');
  });

  // code, suggestion, flag — worked out by hand from the tree above
  it.each([
    ['1.1.a', 'full', null],
    ['1.1', 'full', null], // carried only by its nämndmål
    ['1.2', 'notAssessed', 'unsupported'], // only an Ej bedömd indicator behind Uppfylls helt
    ['1.3', 'none', 'morePositive'], // 50 st against at most 40 st: Uppnås inte; said delvis
    ['1', 'partial', null], // not assessed by the board: nothing to flag
  ])('goal %s: indicators say %s, flag %s', (code, suggestion, flag) => {
    const g = goal(followup.goals, code);
    expect(g.suggestion).toBe(suggestion);
    expect(g.flag).toBe(flag);
    expect(g.assessmentUnsupported).toBe(flag === 'unsupported');
    expect(g.assessmentMorePositive).toBe(flag === 'morePositive');
  });

  it('writes the flag texts of SPEC 3.3', () => {
    expect(goal(followup.goals, '1.2').flagText).toBe('Bedömningen saknar stöd i indikatorerna');
    expect(goal(followup.goals, '1.3').flagText).toBe('Bedömningen är mer positiv än indikatorerna');
    expect(goal(followup.goals, '1.1').flagText).toBeNull();
  });

  it('computes each indicator: status, gender gap and its own decimals', () => {
    const [i1] = goal(followup.goals, '1.1.a').indicators;
    expect(i1.status).toBe('achieved');
    expect(i1.genderGap).toBe(1.25);
    expect(i1.genderGapFlagged).toBe(true); // 6,25 below 6,5, 7,5 above
    expect(i1.decimals).toBe(2);
    expect(goal(followup.goals, '1.2').indicators[0].statusLabel).toBe('Ej bedömd');
    expect(goal(followup.goals, '1.3').indicators[0].decimals).toBe(0);
  });

  it('hangs activities with their avvikelse on their goal', () => {
    expect(goal(followup.goals, '1.1').activities).toEqual([
      { code: 'X-A01', name: 'Aktivitet', startDate: '2031-01-01', endDate: '2031-12-31', deviation: true, comment: 'Försenad', version: 0 },
    ]);
  });

  it('a goal with no reported bedömning is Ej bedömd and never flagged', () => {
    const bare = assembleFollowup(plan, periodRows({ assessments: [] }));
    expect(goal(bare.goals, '1.2').assessmentLabel).toBe('Ej bedömd');
    expect(goal(bare.goals, '1.2').flag).toBeNull();
  });
});

describe('assembleFollowup: texts and budget', () => {
  const followup = assembleFollowup(plan, periodRows());

  it('gives the texts by kind and the sections in their order', () => {
    expect(followup.texts).toEqual({
      summary: 'Sammanfattning',
      budgetComment: 'Om budgeten',
      sections: [
        { heading: 'Investeringar', text: 'Först' },
        { heading: 'Övrigt', text: 'Sist' },
      ],
    });
  });

  it('gives each area comment with its avvikelse, only where there is one', () => {
    expect(followup.budget.areaComments).toEqual([{ name: 'Äldreomsorg', deviation: -1.8 * MN, adjustedDeviation: -1.8 * MN, comment: 'Underskott' }]);
  });

  it('reports the reconciliation difference: Netto 120,1 / 121,8 against Nämnden totalt 120,0 / 121,8', () => {
    expect(followup.budget.accountTable.net.budget).toBe(120.1 * MN);
    expect(followup.budget.operatingAreaTable.total.budget).toBe(120 * MN);
    expect(followup.budget.reconciliation).toEqual({ budget: 0.1 * MN, forecast: 0 });
  });

  it('has no reconciliation when the two agree', () => {
    const agreeing = { ...plan, accountGroups: [plan.accountGroups[0], { ...plan.accountGroups[1], budget: 150 * MN }] };
    expect(assembleFollowup(agreeing, periodRows()).budget.reconciliation).toBeNull();
  });

  it('computes prognossäkerhet in VB from tertialrapport 2', () => {
    const vb = periodRows({
      period: 'VB',
      operatingAreaResults: [
        { operatingAreaId: 1, forecast: 99 * MN, adjustment: 0 },
        { operatingAreaId: 2, forecast: 21 * MN, adjustment: 0 },
      ],
    });
    const t2 = periodRows({ period: 'T2' });
    const result = assembleFollowup(plan, vb, t2).budget.forecastAccuracy!;
    // (T2 prognos − bokslut) / budget: (101,8 − 99) / 100 and (20 − 21) / 20
    expect(result.rows.map((r) => r.accuracy)).toEqual([expect.closeTo(0.028, 10), -0.05]);
    expect(result.total.t2Forecast).toBe(121.8 * MN);
    expect(assembleFollowup(plan, vb, { ...t2, reported: false }).budget.forecastAccuracy).toBeNull();
    expect(assembleFollowup(plan, periodRows(), t2).budget.forecastAccuracy).toBeNull();
  });
});
