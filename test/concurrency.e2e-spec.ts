import * as http from 'node:http';
import { AddressInfo } from 'node:net';
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

  it('lets corrections of one period run side by side but never past its approval, and two of one row one after the other', async () => {
    const plan = planWithIndicators(30);
    plan.year = 2032;
    await t.importDocument(plan).expect(200);
    await t.importDocument(followupDocument({ year: 2032, indicators: [], goals: [], activities: [], budget: undefined })).expect(200);
    const base = '/api/boards/ÄLN/years/2032/periods/T1';
    // Two PATCHes of the same row with the same If-Match: exactly one is saved, the other is told it is stale.
    const same = await Promise.all([1, 2].map((n) => t.http().patch(`${base}/indicators/ÄLN-N1`).set('If-Match', '"0"').send({ outcome: n })));
    expect(same.map((r) => r.status).sort()).toEqual([200, 412]);

    const corrections = Array.from({ length: 29 }, (_, i) => t.http().patch(`${base}/indicators/ÄLN-N${i + 2}`).send({ outcome: 500 + i }));
    const approval = t.http().post(`${base}/approve`);
    const answers = await Promise.all([...corrections, approval]);
    expect(answers.at(-1)!.status).toBe(200);
    const statuses = answers.slice(0, -1).map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    // Every saved correction is in the period, none was written after the approval, and the refused ones left nothing.
    const audit = (await t.http().get('/api/boards/ÄLN/years/2032/audit?period=T1').expect(200)).body;
    const rows = audit.entries as Json[];
    const approvalRow = rows.find((r) => r.objectKind === 'period' && r.field === 'state' && r.newValue === 'approved')!;
    expect(approvalRow).toBeDefined();
    const period = (await t.http().get(base).expect(200)).body;
    const byCode = new Map(indicatorsOf(period).map((i) => [i.code, i]));
    statuses.forEach((status, i) => {
      const value = byCode.get(`ÄLN-N${i + 2}`)!.outcome;
      expect(value).toBe(status === 200 ? 500 + i : null);
    });
    // Audit rows are numbered as they are written: every correction's before the approval's.
    const outcomeRows = rows.filter((r) => r.field === 'outcome');
    expect(outcomeRows.length).toBe(statuses.filter((s) => s === 200).length + 1);
    for (const r of outcomeRows) expect(r.id).toBeLessThan(approvalRow.id);
    await t.http().patch(`${base}/indicators/ÄLN-N2`).send({ outcome: 1 }).expect(409);
  });

  it('keeps /health answering while an 18 MB document of unknown codes is checked, and answers with a short list', async () => {
    await t.importDocument(planWithIndicators(50)).expect(200);
    const doc = followupDocument({ goals: [], activities: [], budget: undefined, indicators: [] as Json[] });
    for (let i = 0; i < 200_000; i++) doc.indicators.push({ code: `OKÄND-${i}`, outcome: 1, men: null, women: null, forecast: 2, analysis: 'text' });
    const body = Buffer.from(JSON.stringify(doc));
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;

    let uploaded = false;
    let answeredWhileChecking = 0;
    const imported = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ port, method: 'POST', path: '/api/import', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t.adminToken}` } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.on('finish', () => (uploaded = true));
      req.end(body);
    });
    let done = false;
    const answer = imported.finally(() => (done = true));
    for (let i = 0; i < 10_000 && !done; i++) {
      const health = await t.http().get('/health');
      expect(health.status).toBe(200);
      if (uploaded && !done) answeredWhileChecking++;
    }
    const { status, text } = await answer;
    expect(status).toBe(400);
    expect(text.length).toBeLessThan(100_000);
    expect(JSON.parse(text).errors.at(-1)).toEqual({ path: '', message: 'och 199 800 fel till som inte visas.' });
    expect(answeredWhileChecking).toBeGreaterThanOrEqual(5);
  });
});
