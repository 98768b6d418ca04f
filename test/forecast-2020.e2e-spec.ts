import * as ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { binary } from './support/binary';
import { readDocx } from './support/docx-reading';
import { Json } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';
import { sheetOf } from './support/workbook-reading';

/*
 * Socialnämnden 2020, test data of our own making whose totals reproduce the månadsrapport
 * of September 2020 (../shared/reference/001_86a2ac3cb76b63e4.txt): "ett överskott mot budget
 * med 12,4 mnkr efter beräknade prestationsförändringar och återredovisning av medel för
 * nyanlända" — avvikelse 66,4 + prestationsförändring 2,0 − återredovisning 56,0 = 12,4 mnkr.
 * Then the year's other periods and its verksamhetsberättelse, whose prognossäkerhet of
 * every earlier period is checked against figures worked out by hand.
 */
const fixture = (name: string): Json => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));
const MN = 1_000_000;
const API = '/api/boards/SON/years/2020/periods';
/** The files a person would look at, kept after the run (test-output is not committed). */
const OUTPUT = path.join(__dirname, '..', 'test-output', 'reports');

/** A follow-up of 2020 with the three areas' forecasts (mnkr) and, for T1/T2/VB, the indicator's values. */
function period(name: string, forecasts: [number, number, number], indicator?: Json): Json {
  const doc = fixture('son-2020-m09.followup.json');
  doc.period = name;
  delete doc.summary;
  doc.budget.operatingAreas = doc.budget.operatingAreas.map((area: Json, i: number) => ({ ...area, forecast: forecasts[i] }));
  if (indicator) doc.indicators = [{ code: 'SON-I20', ...indicator }];
  return doc;
}

describe('Månadsrapport september 2020 and the year\'s prognossäkerhet', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.importDocument(fixture('son-2020-plan.json')).expect(200);
    await t.importDocument(fixture('son-2020-m09.followup.json')).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reproduces the 2020 sentence: avvikelse 66,4, + 2,0 − 56,0 = överskott 12,4 mnkr, riktvärde 75 %', async () => {
    const body = (await t.http().get(`${API}/M09`).expect(200)).body;
    expect(body.title).toBe('Månadsrapport september 2020');
    expect(body.budget.guideRate).toBe(0.75);
    expect(body.budget.operatingAreaTable.total).toMatchObject({
      budget: 820_000_000, forecast: 753_600_000, deviation: 66_400_000, volumeChange: 2_000_000, returned: 56_000_000, adjustedDeviation: 12_400_000,
    });
    expect(body.texts.summary).toMatch(/^Nämnden redovisar totalt en årsprognos som är ett överskott mot budget med 12,4 mnkr/);
  });

  it('writes the månadsrapport workbook and document with the justerad avvikelse', async () => {
    const xlsx = await t.http().get(`${API}/M09/report.xlsx`).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('Månadsrapport september 2020 – Socialnämnden.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', 'Driftbudget', 'Verksamhetsområden', 'Diagram']);
    const summary = sheetOf(workbook, 'Sammanfattning');
    expect([1, 2, 3].map((r) => summary.getCell(r, 1).value)).toEqual(['Socialnämnden', 'Månadsrapport september 2020', 'Uppföljning januari–september 2020']);
    const figure = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Justerad avvikelse, Nämnden totalt')!;
    expect(figure.getCell(2).value).toBe(12.4);
    expect(figure.getCell(2).numFmt).toBe('#,##0.0');

    const docx = await t.http().get(`${API}/M09/report.docx`).buffer(true).parse(binary).expect(200);
    const doc = await readDocx(docx.body);
    const texts = doc.paragraphs.map((p) => p.text);
    // Each area's comment under its justerad avvikelse: 60,4 − 56,0 = +4,4; 4,0 + 2,0 = +6,0.
    expect(texts).toContain('Jour- och rådgivande verksamhet +4,4 mnkr');
    expect(texts).toContain('Hemlöshet och missbruk +6,0 mnkr');
  });

  it('names a January report\'s single month, not "januari–januari"', async () => {
    await t.importDocument(period('M01', [120, 300, 400])).expect(200);
    const xlsx = await t.http().get(`${API}/M01/report.xlsx`).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(sheetOf(workbook, 'Sammanfattning').getCell(3, 1).value).toBe('Uppföljning januari 2020');
  });

  describe('the verksamhetsberättelse 2020', () => {
    beforeAll(async () => {
      // M01 (above) 820,0; M02 812,0; T1 797,0; T2 760,0; M09 753,6; bokslut 752,0 mnkr against a budget of 820,0.
      await t.importDocument(period('M02', [119.5, 299, 393.5])).expect(200);
      await t.importDocument(period('T1', [119, 298, 380], { outcome: 78, forecast: 80 })).expect(200);
      await t.importDocument(period('T2', [118.5, 296.5, 345], { outcome: 76, forecast: 75 })).expect(200);
      await t.importDocument(period('VB', [117, 295, 340], { outcome: 71.79 })).expect(200);
    });

    it('gives the board\'s prognossäkerhet of every earlier period: (prognos − bokslut) / budget', async () => {
      const body = (await t.http().get(`${API}/VB`).expect(200)).body;
      const total = body.forecastReliability.lines.find((l: Json) => l.name === 'Nämnden totalt');
      expect(total.budget).toBe(820 * MN);
      expect(total.outcome).toBe(752 * MN);
      const expected: [string, number, number, number][] = [
        ['M01', 820, 68, 68 / 820],
        ['M02', 812, 60, 60 / 820],
        ['T1', 797, 45, 45 / 820],
        ['T2', 760, 8, 8 / 820],
        ['M09', 753.6, 1.6, 1.6 / 820],
      ];
      expect(total.points.map((p: Json) => p.period)).toEqual(expected.map((e) => e[0]));
      expected.forEach(([, forecast, error, share], i) => {
        expect(total.points[i].forecast).toBe(Math.round(forecast * MN));
        expect(total.points[i].error).toBe(Math.round(error * MN));
        expect(total.points[i].errorShare).toBeCloseTo(share, 10);
      });
      // T2 alone is the VB's existing prognossäkerhet (SPEC 3.4): 8,0 / 820,0 = 0,98 %.
      expect(body.budget.forecastAccuracy.total.accuracy).toBeCloseTo(8 / 820, 10);
      // The indicator: årsmål 85, T1 said 80, T2 75, outcome 71,79.
      const [indicator] = body.forecastReliability.indicators;
      expect(indicator).toMatchObject({ code: 'SON-I20', annualTarget: 85, outcome: 71.79 });
      expect(indicator.forecasts.map((f: Json) => [f.period, f.forecast])).toEqual([['T1', 80], ['T2', 75]]);
      expect(indicator.forecasts[0].errorShare).toBeCloseTo(8.21 / 85, 10);
      expect(indicator.forecasts[1].errorShare).toBeCloseTo(3.21 / 85, 10);
    });

    it('has no prognossäkerhet in any other period', async () => {
      expect((await t.http().get(`${API}/T2`).expect(200)).body.forecastReliability).toBeNull();
    });

    it('shows it in the workbook, the document and the chart "Prognos T1 → T2 → utfall"', async () => {
      const xlsx = await t.http().get(`${API}/VB/report.xlsx`).buffer(true).parse(binary).expect(200);
      fs.mkdirSync(OUTPUT, { recursive: true });
      fs.writeFileSync(path.join(OUTPUT, 'vb-2020.xlsx'), xlsx.body);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body);
      expect(workbook.worksheets.map((s) => s.name).slice(-3)).toEqual(['Årsprognos månad för månad', 'Historik', 'Prognossäkerhet']);
      const sheet = sheetOf(workbook, 'Prognossäkerhet');
      const t2 = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'T2')!;
      expect([2, 3, 4].map((c) => t2.getCell(c).value)).toEqual([760, 752, 8]);
      expect(t2.getCell(5).value).toBeCloseTo(8 / 820, 10);

      const docx = await t.http().get(`${API}/VB/report.docx`).buffer(true).parse(binary).expect(200);
      const doc = await readDocx(docx.body);
      const table = doc.tables.find((x) => x.rows[0][0] === 'Period' && x.rows[0][4] === 'Prognossäkerhet')!;
      expect(table.rows.map((r) => [r[0], r[4]]).slice(1)).toEqual([
        ['Jan', '+8,3\u00a0%'], ['Feb', '+7,3\u00a0%'], ['T1', '+5,5\u00a0%'], ['T2', '+1,0\u00a0%'], ['Sep', '+0,2\u00a0%'],
      ]);

      const png = await t.http().get(`${API}/VB/charts/forecast-accuracy.png`).buffer(true).parse(binary).expect(200);
      fs.writeFileSync(path.join(OUTPUT, 'forecast-accuracy-2020.png'), png.body);
      fs.writeFileSync(path.join(OUTPUT, 'vb-2020.docx'), docx.body);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.body.subarray(1, 4).toString()).toBe('PNG');
      expect(png.body.length).toBeGreaterThan(20_000);
    });
  });
});
