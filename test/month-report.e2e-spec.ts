import * as ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/cli';
import { readDocx } from './support/docx-reading';
import { Json, SEEDS_DIR, seedDocument } from './support/documents';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';
import { cellAt, headers, numberOf, sheetOf } from './support/workbook-reading';

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

  it('carries the year\'s forecast month by month, leaving out a month with no report (M03)', async () => {
    const month = (period: string, childAndYouth: number) => {
      const doc = sonM09();
      doc.period = period;
      doc.budget.operatingAreas[0].forecast = childAndYouth; // Barn och ungdom, budget 81,0
      return doc;
    };
    await t.importDocument(month('M05', 83.0)).expect(200);
    await t.importDocument(month('M02', 82.0)).expect(200);
    const body = (await t.http().get(M09).expect(200)).body;
    const series: Json[] = body.budget.forecastSeries;
    const line = (name: string) => series.find((l) => l.name === name)!.points.map((p: Json) => [p.label, p.forecast, p.deviation]);
    expect(line('Barn och ungdom')).toEqual([
      ['Feb', 82 * MN, -1 * MN],
      ['Maj', 83 * MN, -2 * MN],
      ['Sep', 83.5 * MN, -2.5 * MN],
    ]);
    // Nämnden totalt: budget 1 215,4; prognos 1 210,2, 1 211,2 and 1 211,7
    expect(line('Nämnden totalt')).toEqual([
      ['Feb', 1210.2 * MN, 5.2 * MN],
      ['Maj', 1211.2 * MN, 4.2 * MN],
      ['Sep', 1211.7 * MN, 3.7 * MN],
    ]);
    // M05's report reaches only to May.
    const may = (await t.http().get('/api/boards/SON/years/2017/periods/M05').expect(200)).body.budget.forecastSeries;
    expect(may.at(-1).points.map((p: Json) => p.label)).toEqual(['Feb', 'Maj']);
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

describe('npm run cli -- report --period M09: the månadsrapport as workbook and document (SPEC 4)', () => {
  let db: TestDatabase;
  let tmp: string;
  const M09_FILE = path.join(__dirname, 'fixtures', 'son-2017-m09.followup.json');
  const address = ['--board', 'SON', '--year', '2017', '--period', 'M09'];

  beforeAll(async () => {
    db = await createTestDatabase();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-manad-'));
    expect((await runCli(['import', path.join(SEEDS_DIR, 'son-2017-plan.json')], db.env)).code).toBe(0);
    expect((await runCli(['import', M09_FILE], db.env)).code).toBe(0);
    const may = sonM09();
    may.period = 'M05';
    may.budget.operatingAreas[0].forecast = 83.0;
    fs.writeFileSync(path.join(tmp, 'm05.json'), JSON.stringify(may));
    expect((await runCli(['import', path.join(tmp, 'm05.json')], db.env)).code).toBe(0);
  });
  afterAll(async () => {
    await db?.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes "Månadsrapport september 2017 – Socialnämnden.xlsx" with Sammanfattning, Driftbudget, Verksamhetsområden and Diagram', async () => {
    const result = await runCli(['report', ...address, '--out', path.join(tmp, 'manad.xlsx')], db.env);
    expect(result.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(tmp, 'manad.xlsx'));
    expect(book.title).toBe('Månadsrapport september 2017 – Socialnämnden');
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Driftbudget', 'Verksamhetsområden', 'Diagram']);
    const summary = sheetOf(book, 'Sammanfattning');
    expect(summary.getCell(2, 1).value).toBe('Månadsrapport september 2017');
    const texts = summary.getColumn(1).values.map(String);
    expect(texts.some((v) => v.startsWith('Nämnden redovisar totalt en årsprognos'))).toBe(true);
    const figure = (label: string) => {
      const row = summary.getColumn(1).values.findIndex((v) => v === label);
      return summary.getCell(row, 2);
    };
    expect(figure('Riktvärde').value).toBe(0.75);
    expect(figure('Riktvärde').numFmt).toBe('0.0%');
    expect(figure('Återredovisning').value).toBeCloseTo(0.9, 9);
    expect(figure('Justerad avvikelse, Nämnden totalt').value).toBeCloseTo(4.7, 9);
    // Årsprognos månad för månad under the key figures: May and September.
    const seriesHeader = summary.getColumn(1).values.findIndex((v) => v === 'Verksamhetsområde');
    expect(summary.getRow(seriesHeader).values).toEqual([undefined, 'Verksamhetsområde', 'Prognos Maj', 'Avvikelse Maj', 'Prognos Sep', 'Avvikelse Sep']);
    const childRow = summary.getColumn(1).values.findIndex((v) => v === 'Barn och ungdom');
    expect(summary.getCell(childRow, 3).value).toBeCloseTo(-2.0, 9);
    expect(summary.getCell(childRow, 5).value).toBeCloseTo(-2.5, 9);
    const images = (book.model as any).media as unknown[];
    expect(images.length).toBe(3); // budget per area, förbrukning, årsprognos
    const areas = sheetOf(book, 'Verksamhetsområden');
    expect(headers(areas)).toEqual(expect.arrayContaining(['Prestationsförändring', 'Återredovisning', 'Kommentar']));
    expect(numberOf(cellAt(areas, 'Nämnden totalt', 'Justerad avvikelse'))).toBeCloseTo(4.7, 9);
    const accounts = sheetOf(book, 'Driftbudget');
    const guideRow = accounts.getColumn(1).values.findIndex((v) => v === 'Riktvärde');
    expect(accounts.getCell(guideRow, 2).value).toBe(0.75);
  });

  it('writes the Word document with the summary, both budget tables and each area\'s comment under its justerad avvikelse, and no goal part', async () => {
    const result = await runCli(['report', ...address, '--format', 'docx', '--out', path.join(tmp, 'manad.docx')], db.env);
    expect(result.code).toBe(0);
    const doc = await readDocx(fs.readFileSync(path.join(tmp, 'manad.docx')));
    expect(doc.text).toContain('Månadsrapport september 2017');
    expect(doc.text).toContain('Sammanfattande analys');
    expect(doc.text).not.toContain('Uppföljning av Kommunfullmäktiges inriktningsmål');
    expect(doc.tables.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(doc.tables)).toContain('Prestationsförändring');
    expect(JSON.stringify(doc.tables)).toContain('Återredovisning');
    expect(doc.text).toMatch(/Strategi och utveckling [+]?0,4 mnkr/);
    expect(doc.text).toContain('Medel för nyanlända återredovisas till kommunstyrelsen.');
    expect(doc.paragraphs.some((p) => p.text === 'Årsprognos månad för månad' && p.style?.startsWith('Heading'))).toBe(true);
    const series = doc.tables.find((tbl) => JSON.stringify(tbl).includes('Prognos helår') && JSON.stringify(tbl).includes('Maj'))!;
    expect(JSON.stringify(series)).toMatch(/\["Sep","1.211,7","3,7"\]/);
  });

  it('refuses a period that is no month, in Swedish', async () => {
    const result = await runCli(['report', '--board', 'SON', '--year', '2017', '--period', 'M13'], db.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/--period ska vara ett av T1, T2, VB eller M01–M12/);
  });
});
