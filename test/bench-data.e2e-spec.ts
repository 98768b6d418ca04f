import { ACCOUNT_GROUPS_PER_BOARD, ACTIVITIES_PER_BOARD, AREAS_PER_BOARD, cityBoards, followupRows, generateCity, INDICATORS_PER_BOARD } from '../src/bench/city-data';
import { startTestApp, TestApp } from './support/test-app';

/*
 * The benchmark's city (issue 11): deterministic, of the sizes asked for, and accepted by
 * the product's own import (every rule) for two boards and all their periods.
 */
describe('the benchmark city', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t?.close());

  it('is the same twice for the same seed, and another for another seed', () => {
    const a = JSON.stringify(generateCity({ boards: 3, firstYear: 2029, seed: 1 }));
    expect(JSON.stringify(generateCity({ boards: 3, firstYear: 2029, seed: 1 }))).toBe(a);
    expect(JSON.stringify(generateCity({ boards: 3, firstYear: 2029, seed: 2 }))).not.toBe(a);
  });

  it('has the sizes of the issue: 150 indicators (a third gendered, every unit, direction and frequency), 40 activities, 15 areas, 12 account groups, three years of T1, T2, VB', () => {
    const [board] = generateCity({ boards: 1, firstYear: 2029, seed: 1 });
    expect(board.years.map((y) => [y.year, y.followups.map((f) => f.period)])).toEqual([
      [2029, ['T1', 'T2', 'VB']], [2030, ['T1', 'T2', 'VB']], [2031, ['T1', 'T2', 'VB']],
    ]);
    const plan = board.years[0].plan;
    expect([plan.indicators.length, plan.activities.length, plan.budget.operatingAreas.length, plan.budget.accountGroups.length]).toEqual([
      INDICATORS_PER_BOARD, ACTIVITIES_PER_BOARD, AREAS_PER_BOARD, ACCOUNT_GROUPS_PER_BOARD,
    ]);
    expect([150, 40, 15, 12]).toEqual([INDICATORS_PER_BOARD, ACTIVITIES_PER_BOARD, AREAS_PER_BOARD, ACCOUNT_GROUPS_PER_BOARD]);
    expect(plan.indicators.filter((i: { genderSplit: boolean }) => i.genderSplit)).toHaveLength(50);
    expect(new Set(plan.indicators.map((i: { unit: string }) => i.unit))).toEqual(new Set(['percent', 'count', 'index', 'days', 'sek']));
    expect(new Set(plan.indicators.map((i: { direction: string }) => i.direction))).toEqual(new Set(['increase', 'decrease', 'range']));
    expect(new Set(plan.indicators.map((i: { frequency: string }) => i.frequency))).toEqual(new Set(['tertial', 'halfyear', 'year']));
    expect(board.years[0].followups[0].summary.length).toBeGreaterThan(100);
    expect(followupRows(board.years[0].followups[0])).toBe(150 + 27 + 40 + 15 + 12);
    expect(cityBoards(40).map((b) => b.code)).toHaveLength(new Set(cityBoards(40).map((b) => b.code)).size);
    expect(cityBoards(40).some((b) => /[ÅÄÖåäö]/.test(b.code + b.name))).toBe(true);
  });

  it('passes the product’s import for two boards, every plan and follow-up', async () => {
    for (const board of generateCity({ boards: 2, firstYear: 2029, seed: 1 })) {
      for (const { plan, followups } of board.years) {
        await t.importDocument(plan).expect(200);
        for (const doc of followups) await t.importDocument(doc).expect(200);
      }
    }
    const boards = await t.http().get('/api/boards').expect(200);
    expect(boards.body.map((b: { code: string }) => b.code).sort()).toEqual(cityBoards(2).map((b) => b.code).sort());
  });
});
