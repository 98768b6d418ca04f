import { DataSource } from 'typeorm';
import { followupDocument, indicator, Json, planDocument } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

/*
 * All-or-nothing proven with a write that fails part-way: a trigger created in the test's
 * own database raises an error on a row that the import writes late, and only once rows
 * written earlier in the same import are visible (so the failure really comes after some
 * rows were written). Every table must then hold exactly what it held before, row for row.
 * The production code is not touched; the same runs on the PostgreSQL server and on the
 * embedded database.
 */

type Snapshot = Record<string, unknown[]>;

/** Every row of every table of the schema, in primary-key order. */
async function snapshot(dataSource: DataSource): Promise<Snapshot> {
  const tables: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Snapshot = {};
  for (const { table_name: table } of tables) {
    result[table] = await dataSource.query(`SELECT * FROM "${table}" ORDER BY 1`);
  }
  return result;
}

/**
 * Makes every INSERT or UPDATE of `table` whose row satisfies `rowCondition` fail, but only
 * when `writtenBefore` (a query over what the import has already written) finds a row.
 */
async function failWrite(dataSource: DataSource, table: string, rowCondition: string, writtenBefore: string): Promise<void> {
  await dataSource.query(`
    CREATE FUNCTION test_fail_part_way() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (${writtenBefore}) THEN
        RAISE EXCEPTION 'test: skrivningen avbryts mitt i importen';
      END IF;
      RETURN NEW;
    END
    $$`);
  await dataSource.query(
    `CREATE TRIGGER test_fail_part_way BEFORE INSERT OR UPDATE ON "${table}"
       FOR EACH ROW WHEN (${rowCondition}) EXECUTE FUNCTION test_fail_part_way()`,
  );
}

async function removeFailure(dataSource: DataSource, table: string): Promise<void> {
  await dataSource.query(`DROP TRIGGER test_fail_part_way ON "${table}"`);
  await dataSource.query('DROP FUNCTION test_fail_part_way()');
}

/** The plan as the board changes it later: a new indicator, a renamed one, an activity dropped, new budgets. */
function changedPlan(): Json {
  const plan = planDocument();
  plan.indicators[0].name = 'Andel brukare som är nöjda med hemtjänsten (ny enkät)';
  plan.indicators.push(indicator({ code: 'ÄLN-I4', name: 'Andel med genomförandeplan', annualTarget: 95, councilTarget: null }));
  plan.activities = plan.activities.slice(0, 1);
  plan.budget.operatingAreas[0].budget = 430.1;
  plan.budget.accountGroups = plan.budget.accountGroups.map((g: Json) => ({ ...g, budget: g.budget + (g.type === 'cost' ? 1 : -1) }));
  return plan;
}

/** T1 corrected: every kind of row changes. */
function changedFollowup(): Json {
  const doc = followupDocument();
  doc.indicators[0].outcome = 77;
  doc.indicators[1].forecast = 140;
  doc.goals[0].assessment = 'partial';
  doc.activities[0].deviation = false;
  doc.budget.operatingAreas[0].forecast = 430.5;
  doc.budget.accountGroups = doc.budget.accountGroups.map((g: Json) => ({ ...g, actual: g.actual + 1 }));
  return doc;
}

describe('an import that fails part-way through writing changes nothing', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeEach(async () => {
    t = await startTestApp();
    dataSource = t.app.get(DataSource);
  });
  afterEach(async () => {
    await t.close();
  });

  async function expectRefusedWithNothingChanged(doc: Json): Promise<Snapshot> {
    const before = await snapshot(dataSource);
    // A failure of the database's own (here the injected trigger) is 503 with a Swedish message.
    const response = await t.importDocument(doc).expect(503);
    expect(response.body.message).toMatch(/databasen/i);
    expect(await snapshot(dataSource)).toEqual(before);
    return before;
  }

  it('a first plan import: no board, plan year, goal or indicator is left behind', async () => {
    await failWrite(
      dataSource,
      'account_group',
      `NEW.name = 'Övriga kostnader'`,
      `SELECT 1 FROM indicator i JOIN activity a ON a.plan_year_id = i.plan_year_id WHERE i.code = 'ÄLN-I3' AND a.code = 'ÄLN-A2'`,
    );
    const before = await expectRefusedWithNothingChanged(planDocument());
    expect(before.board).toEqual([]);

    await removeFailure(dataSource, 'account_group');
    await t.importDocument(planDocument()).expect(200);
    expect((await snapshot(dataSource)).account_group).toHaveLength(3);
  });

  it('a changed plan: the new indicator, the renamed one, the dropped activity and the budgets stay as they were', async () => {
    await t.importDocument(planDocument()).expect(200);
    await t.importDocument(followupDocument()).expect(200);
    await failWrite(
      dataSource,
      'account_group',
      `NEW.name = 'Övriga kostnader'`,
      `SELECT 1 FROM indicator WHERE code = 'ÄLN-I4' AND NOT EXISTS (SELECT 1 FROM activity WHERE code = 'ÄLN-A2')`,
    );
    const before = await expectRefusedWithNothingChanged(changedPlan());
    expect(before.indicator).toHaveLength(3);
    expect(before.activity).toHaveLength(2);

    await removeFailure(dataSource, 'account_group');
    await t.importDocument(changedPlan()).expect(200);
    const after = await snapshot(dataSource);
    expect(after.indicator).toHaveLength(4);
    expect(after.activity).toHaveLength(1);
  });

  it('a corrected follow-up: outcomes, bedömningar, avvikelser and forecasts stay as they were', async () => {
    await t.importDocument(planDocument()).expect(200);
    await t.importDocument(followupDocument()).expect(200);
    await failWrite(
      dataSource,
      'account_group_result',
      `NEW.actual = 51300000`,
      `SELECT 1 FROM indicator_result r JOIN activity_result a ON a.followup_period_id = r.followup_period_id
        WHERE r.outcome = 77 AND a.deviation = false`,
    );
    const before = await expectRefusedWithNothingChanged(changedFollowup());
    for (const table of ['indicator_result', 'goal_assessment', 'activity_result', 'operating_area_result', 'account_group_result']) {
      expect(before[table].length).toBeGreaterThan(0);
    }

    await removeFailure(dataSource, 'account_group_result');
    await t.importDocument(changedFollowup()).expect(200);
    const after = await snapshot(dataSource);
    expect(after.indicator_result).toContainEqual(expect.objectContaining({ outcome: '77' }));
  });

  it('a new period: the T2 follow-up leaves no period and no result behind', async () => {
    await t.importDocument(planDocument()).expect(200);
    await t.importDocument(followupDocument()).expect(200);
    await failWrite(
      dataSource,
      'operating_area_result',
      `NEW.forecast = 425000000`,
      `SELECT 1 FROM followup_period p JOIN goal_assessment g ON g.followup_period_id = p.id WHERE p.period = 'T2'`,
    );
    const t2 = followupDocument({ period: 'T2' });
    t2.budget.operatingAreas[0].forecast = 425;
    const before = await expectRefusedWithNothingChanged(t2);
    expect(before.followup_period).toHaveLength(1);
  });
});
