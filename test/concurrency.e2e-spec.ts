import { followupDocument, indicator, Json, planDocument } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Many writers at once, and documents at the edge of what PostgreSQL takes in one
 * statement, on whichever database the run uses (embedded or a PostgreSQL server).
 * Every loop is bounded in count; no test asserts how fast anything is.
 */

/** A plan with `count` indicators (counts, so that any whole number is a valid value). */
function planWithIndicators(count: number, nameSuffix = ''): Json {
  return planDocument({
    indicators: Array.from({ length: count }, (_, i) =>
      indicator({
        code: `ÄLN-N${i + 1}`,
        goal: i % 2 === 0 ? '1.7.a' : '1.7',
        name: `Antal besök i hemtjänsten, område ${i + 1}${nameSuffix}`,
        unit: 'count',
        direction: 'increase',
        genderSplit: false,
        annualTarget: 100 + i,
        councilTarget: null,
        previousYearOutcome: 90 + i,
      }),
    ),
  });
}

function indicatorsOf(period: Json): Json[] {
  const found: Json[] = [];
  const walk = (goals: Json[]) => {
    for (const goal of goals) {
      found.push(...(goal.indicators ?? []));
      walk(goal.children ?? []);
    }
  };
  walk(period.goals);
  return found;
}

describe('writers at once and large documents', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a plan with 4 400 indicators (more rows than one statement takes), and again with every name changed', async () => {
    const first = await t.importDocument(planWithIndicators(4400)).expect(200);
    expect(first.body.changes.find((c: Json) => c.label === 'Indikatorer').stats).toMatchObject({ created: 4400 });
    const second = await t.importDocument(planWithIndicators(4400, ' (ny)')).expect(200);
    expect(second.body.changes.find((c: Json) => c.label === 'Indikatorer').stats).toMatchObject({ updated: 4400 });
    const third = await t.importDocument(planWithIndicators(50)).expect(200);
    expect(third.body.changes.find((c: Json) => c.label === 'Indikatorer').stats).toMatchObject({ updated: 50, removed: 4350 });
  });

  it('lets 20 first writes to a new period arrive at once: every one succeeds', async () => {
    await t.importDocument(planWithIndicators(50)).expect(200);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.importDocument(
          followupDocument({
            period: 'T2',
            indicators: [{ code: 'ÄLN-N1', outcome: i, men: null, women: null, forecast: 100 + i, analysis: null }],
            goals: [],
            activities: [],
            budget: undefined,
          }),
        ),
      ),
    );
    expect(answers.map((a) => [a.status, a.body.message ?? ''])).toEqual(answers.map((a) => [200, a.body.message ?? '']));
    const period = (await t.http().get('/api/boards/ÄLN/years/2031/periods/T2').expect(200)).body;
    expect(indicatorsOf(period).find((i) => i.code === "ÄLN-N1")!.outcome).toBeGreaterThanOrEqual(0);
  });

  it('saves every one of 50 concurrent corrections, with reads in between, and answers no error', async () => {
    await t.importDocument(planWithIndicators(50)).expect(200);
    await t.importDocument(followupDocument({ indicators: [], goals: [], activities: [], budget: undefined })).expect(200);
    const writes = Array.from({ length: 50 }, (_, i) =>
      t
        .http()
        .put(`/api/boards/ÄLN/years/2031/periods/T1/indicators/ÄLN-N${i + 1}`)
        .send({ outcome: 1000 + i, forecast: 2000 + i, analysis: `Rättelse nummer ${i + 1} från kontrollanten i Årsta.` }),
    );
    const reads = Array.from({ length: 20 }, (_, i) => t.http().get(i % 2 ? '/health' : '/api/boards/ÄLN/years/2031'));
    const answers = await Promise.all([...writes, ...reads]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));

    const period = (await t.http().get('/api/boards/ÄLN/years/2031/periods/T1').expect(200)).body;
    const byCode = new Map(indicatorsOf(period).map((i) => [i.code, i]));
    for (let i = 0; i < 50; i++) {
      expect(byCode.get(`ÄLN-N${i + 1}`)).toMatchObject({ outcome: 1000 + i, forecast: 2000 + i });
    }
  });
});
