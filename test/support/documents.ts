import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * Builders for import documents. Each returns a small, valid document that tests change
 * through overrides, so that a test shows only what it is about. The names use a board,
 * year and Swedish letters that no real seed has, so no rule can lean on the 2017 data.
 */

export type Json = Record<string, any>;

export const SEEDS_DIR = path.resolve(__dirname, '..', '..', 'seeds');

/** A seed document as parsed JSON: "plan" or "t1" for Socialnämnden 2017. */
export function seedDocument(which: 'plan' | 't1'): Json {
  return JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, `son-2017-${which}.json`), 'utf8'));
}

export const BOARD = { code: 'ÄLN', name: 'Äldrenämnden i Årsta' };
export const YEAR = 2031;

export function indicator(overrides: Json = {}): Json {
  return {
    code: 'ÄLN-I1',
    goal: '1.7.a',
    name: 'Andel brukare som är nöjda med hemtjänsten',
    source: 'board',
    unit: 'percent',
    direction: 'increase',
    genderSplit: true,
    frequency: 'tertial',
    annualTarget: 90,
    councilTarget: 88,
    tolerance: null,
    partialThreshold: null,
    previousYearOutcome: 87.5,
    ...overrides,
  };
}

export function activity(overrides: Json = {}): Json {
  return { code: 'ÄLN-A1', goal: '1.7.a', name: 'Införa välfärdsteknik i hemtjänsten', start: '2031-01-01', end: '2031-12-31', ...overrides };
}

export function planDocument(overrides: Json = {}): Json {
  return {
    kind: 'plan',
    version: 1,
    board: BOARD,
    year: YEAR,
    councilAims: [
      { code: '1', name: 'Ett Stockholm som håller samman' },
      { code: '3', name: 'Ett ekonomiskt hållbart Stockholm' },
    ],
    councilGoals: [
      { code: '1.7', aim: '1', name: 'Alla äldre har en trygg ålderdom' },
      { code: '3.5', aim: '3', name: 'Stadens ekonomi är långsiktigt hållbar' },
    ],
    boardGoals: [{ code: '1.7.a', councilGoal: '1.7', name: 'Äldre i Årsta får god omsorg', expectedResult: 'Brukarna är nöjda.' }],
    indicators: [
      indicator(),
      indicator({
        code: 'ÄLN-I2',
        goal: '1.7',
        name: 'Antal fallolyckor',
        source: 'council',
        unit: 'count',
        direction: 'decrease',
        genderSplit: false,
        annualTarget: 120,
        councilTarget: null,
        previousYearOutcome: 131,
      }),
      indicator({
        code: 'ÄLN-I3',
        goal: '3.5',
        name: 'Nämndens prognossäkerhet T2',
        source: 'council',
        direction: 'range',
        genderSplit: false,
        frequency: 'year',
        annualTarget: 0,
        councilTarget: 0,
        tolerance: 1,
        previousYearOutcome: -1.5,
      }),
    ],
    activities: [activity(), activity({ code: 'ÄLN-A2', goal: '3.5', name: 'Översyn av lokalkostnader', start: '2030-07-01', end: '2031-06-30' })],
    budget: {
      unit: 'mnkr',
      operatingAreas: [
        { name: 'Äldreomsorg', previousYearActual: 410.2, budget: 421.5 },
        { name: 'Öppen verksamhet', previousYearActual: 12.3, budget: 11 },
      ],
      accountGroups: [
        { name: 'Taxor och avgifter', type: 'revenue', budget: -25.4 },
        { name: 'Personalkostnader', type: 'cost', budget: 300.9 },
        { name: 'Övriga kostnader', type: 'cost', budget: 157 },
      ],
    },
    ...overrides,
  };
}

export function followupDocument(overrides: Json = {}): Json {
  return {
    kind: 'followup',
    version: 1,
    board: BOARD.code,
    year: YEAR,
    period: 'T1',
    indicators: [
      { code: 'ÄLN-I1', outcome: 89, men: 92, women: 86, forecast: 91, analysis: 'Kvinnorna är mindre nöjda än männen.' },
      { code: 'ÄLN-I2', outcome: 45, men: null, women: null, forecast: 128, analysis: null },
    ],
    goals: [
      { code: '1.7', assessment: 'full', analysis: 'Målet bedöms uppfyllas.' },
      { code: '1.7.a', assessment: 'full', analysis: null },
    ],
    activities: [{ code: 'ÄLN-A1', deviation: true, comment: 'Upphandlingen är försenad.' }],
    budget: {
      unit: 'mnkr',
      operatingAreas: [
        { name: 'Äldreomsorg', forecast: 423.0, adjustment: 1.5 },
        { name: 'Öppen verksamhet', forecast: 10.2, adjustment: 0 },
      ],
      accountGroups: [
        { name: 'Taxor och avgifter', actual: -8.1, forecast: -24.9, previousYearBudget: -24.0, previousYearActual: -7.7 },
        { name: 'Personalkostnader', actual: 99.8, forecast: 302.4, previousYearBudget: 290.0, previousYearActual: 95.1 },
        { name: 'Övriga kostnader', actual: 50.3, forecast: 155.9, previousYearBudget: 150.2, previousYearActual: 49.0 },
      ],
    },
    ...overrides,
  };
}

/** What the importer knows of a plan (PlanFacts), built from a plan document: for the rule tests. */
export function planFactsOf(plan: Json) {
  return {
    planName: `planen för ${plan.board.name} ${plan.year}`,
    indicators: new Map(plan.indicators.map((i: Json) => [i.code, i])),
    goalCodes: new Set<string>([...plan.councilAims, ...plan.councilGoals, ...plan.boardGoals].map((g: Json) => g.code)),
    activityCodes: new Set<string>(plan.activities.map((a: Json) => a.code)),
    operatingAreaNames: new Set<string>(plan.budget.operatingAreas.map((a: Json) => a.name)),
    accountGroupNames: new Set<string>(plan.budget.accountGroups.map((g: Json) => g.name)),
  };
}
