import * as fs from 'node:fs';
import * as path from 'node:path';
import { Json, seedDocument } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

/** The månadsrapport of our own making: Socialnämnden, september 2017 (M09). */
export function sonM09(): Json {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'son-2017-m09.followup.json'), 'utf8'));
}

const M09 = '/api/boards/SON/years/2017/periods/M09';
const MN = 1_000_000;

describe('månadsrapport M01–M12 (SPEC 1, 2.2, 3.4)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.importDocument(seedDocument('plan')).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a monthly follow-up with indicators, goals or activities, naming each, and writes nothing', async () => {
    const before = await t.rowCounts();
    const doc = { ...sonM09(), indicators: seedDocument('t1').indicators.slice(0, 1), activities: seedDocument('t1').activities.slice(0, 1) };
    const res = await t.importDocument(doc).expect(400);
    expect(res.body.message).toMatch(/importerades inte/);
    const paths = res.body.errors.map((e: Json) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['indicators', 'activities']));
    expect(res.body.errors.find((e: Json) => e.path === 'indicators').message).toMatch(/månadsrapport \(M09, september 2017\).*kan inte ha indikatorer/);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('imports the budget and the texts of M09, with prestationsförändring and återredovisning', async () => {
    await t.importDocument(sonM09()).expect(200);
    const body = (await t.http().get(M09).expect(200)).body;
    expect(body.period).toBe('M09');
    expect(body.budget.guideRate).toBe(0.75); // 9/12: "Riktvärde 75,0 %"
    const rows: Json[] = body.budget.operatingAreaTable.rows;
    const homeless = rows.find((r) => r.name === 'Hemlöshet och missbruk')!;
    // budget 274,1 − prognos 272,0 = 2,1; + prestationsförändring 1,2 = 3,3
    expect(homeless).toMatchObject({ deviation: 2.1 * MN, volumeChange: 1.2 * MN, returned: 0, adjustedDeviation: 3.3 * MN });
    const strategy = rows.find((r) => r.name === 'Strategi och utveckling')!;
    // budget 85,3 − prognos 84,0 = 1,3; − återredovisning 0,9 = 0,4
    expect(strategy).toMatchObject({ deviation: 1.3 * MN, returned: 0.9 * MN, adjustedDeviation: 0.4 * MN });
    // Budget 1 215,4 − prognos 1 211,7 = 3,7; + justering 0,7 + 1,2 − 0,9 = 4,7
    expect(body.budget.operatingAreaTable.total).toMatchObject({ deviation: 3.7 * MN, adjustment: 0.7 * MN, volumeChange: 1.2 * MN, returned: 0.9 * MN, adjustedDeviation: 4.7 * MN });
  });

  it('audits the new figures like every other', async () => {
    const entries: Json[] = (await t.http().get(encodeURI('/api/boards/SON/years/2017/audit?period=M09')).expect(200)).body.entries;
    expect(entries.find((e) => e.objectCode === 'Hemlöshet och missbruk' && e.field === 'volumeChange')).toMatchObject({ oldValue: null, newValue: '1200000', period: 'M09' });
    expect(entries.find((e) => e.objectCode === 'Strategi och utveckling' && e.field === 'returned')).toMatchObject({ newValue: '900000' });
  });

  it('corrects an återredovisning by PATCH and recomputes the justerad avvikelse', async () => {
    const res = await t.http().patch(encodeURI(`${M09}/operating-areas/Strategi och utveckling`)).send({ returned: 1_500_000 }).expect(200);
    expect(res.body).toMatchObject({ returned: 1_500_000, forecast: 84 * MN });
    const row = (await t.http().get(M09).expect(200)).body.budget.operatingAreaTable.rows.find((r: Json) => r.name === 'Strategi och utveckling');
    expect(row.adjustedDeviation).toBe(-0.2 * MN);
    const bad = await t.http().patch(encodeURI(`${M09}/operating-areas/Strategi och utveckling`)).send({ volumeChange: 'mycket' }).expect(400);
    expect(bad.body.errors[0].path).toBe('volumeChange');
  });

  it('goes through the workflow like every period', async () => {
    await t.http().post(`${M09}/submit`).expect(200);
    await t.http().post(`${M09}/approve`).expect(200);
    await t.importDocument(sonM09()).expect(409);
    await t.http().post(`${M09}/reopen`).send({ reason: 'Rättelse av återredovisningen.' }).expect(200);
    const periods = (await t.http().get('/api/boards/SON/years/2017').expect(200)).body.years[0].periods;
    expect(periods.map((p: Json) => p.period)).toContain('M09');
  });

  it('answers a period that is no month with a Swedish 400', async () => {
    const res = await t.http().get('/api/boards/SON/years/2017/periods/M13').expect(400);
    expect(res.body.message).toMatch(/T1, T2, VB eller M01–M12/);
  });
});
