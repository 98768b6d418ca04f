import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { runCli } from './support/cli';
import { followupDocument, indicator, Json, planDocument } from './support/documents';
import { startTestApp, startTestAppWith2017, TestApp } from './support/test-app';
import { cellAt, numberOf, sheetOf } from './support/workbook-reading';

/*
 * Paths through to the documents that the other end-to-end tests do not walk: a budget-0
 * kontogrupp, an activity with avvikelse, an area with a prognos and no justering, range
 * indicators with tolerance 0, and the workbook that the command line writes, read back
 * value for value. Each test builds the data it needs. Expected figures are worked out by
 * hand from the documents below (mnkr).
 */

function binary(res: any, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell of every sheet as address → value, formula and result, and number format. */
function cellsOf(workbook: ExcelJS.Workbook): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[`${sheet.name}!${cell.address}`] = { value: cell.value, numFmt: cell.numFmt ?? null };
      }),
    ),
  );
  return cells;
}

/** Äldrenämnden i Årsta 2031 with the rows these paths need. */
function plan(): Json {
  const doc = planDocument();
  doc.indicators[2] = { ...doc.indicators[2], tolerance: 0 }; // ÄLN-I3: range, årsmål 0, tolerance 0
  doc.indicators.push(
    indicator({ code: 'ÄLN-I4', goal: '3.5', name: 'Budgetföljsamhet', source: 'council', direction: 'range', genderSplit: false, frequency: 'year', annualTarget: 100, councilTarget: 100, tolerance: 0, previousYearOutcome: 101.6 }),
  );
  doc.budget.accountGroups.splice(1, 0, { name: 'Statsbidrag för äldreomsorg', type: 'revenue', budget: 0 });
  return doc;
}

function followup(): Json {
  const doc = followupDocument();
  doc.indicators.push({ code: 'ÄLN-I3', outcome: 0, forecast: 0 }, { code: 'ÄLN-I4', outcome: 100.5, forecast: 100.5 });
  doc.activities = [
    { code: 'ÄLN-A1', deviation: true, comment: 'Upphandlingen är försenad.' },
    { code: 'ÄLN-A2', deviation: false, comment: '' },
  ];
  doc.budget.operatingAreas = [
    { name: 'Äldreomsorg', forecast: 423.0, adjustment: 1.5 },
    { name: 'Öppen verksamhet', forecast: 10.2 }, // no justering given
  ];
  doc.budget.accountGroups.push({ name: 'Statsbidrag för äldreomsorg', actual: -2.4, forecast: -3.0, previousYearBudget: 0, previousYearActual: -1.2 });
  return doc;
}

describe('Äldrenämnden i Årsta T1 2031 through to the workbook and the CSV', () => {
  let t: TestApp;
  const base = '/api/boards/%C3%84LN/years/2031/periods/T1';

  beforeAll(async () => {
    t = await startTestApp();
    await t.importDocument(plan()).expect(200);
    await t.importDocument(followup()).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function workbook(): Promise<ExcelJS.Workbook> {
    const res = await t.http().get(`${base}/report.xlsx`).buffer(true).parse(binary).expect(200);
    return loadWorkbook(res.body);
  }

  it('an activity with avvikelse: "Ja" with its comment; one without: an empty cell, not a page of "Nej"', async () => {
    const sheet = sheetOf(await workbook(), 'Aktiviteter');
    expect(cellAt(sheet, 'Införa välfärdsteknik i hemtjänsten', 'Avvikelse', 2).value).toBe('Ja');
    expect(cellAt(sheet, 'Införa välfärdsteknik i hemtjänsten', 'Kommentar', 2).value).toBe('Upphandlingen är försenad.');
    expect(cellAt(sheet, 'Översyn av lokalkostnader', 'Avvikelse', 2).value ?? null).toBeNull();
  });

  it('a kontogrupp with budget 0: no förbrukning, but its utfall counts in Summa intäkter', async () => {
    const sheet = sheetOf(await workbook(), 'Driftbudget');
    expect(numberOf(cellAt(sheet, 'Statsbidrag för äldreomsorg', 'Budget 2031'))).toBe(0);
    expect(numberOf(cellAt(sheet, 'Statsbidrag för äldreomsorg', 'Utfall 2031'))).toBeCloseTo(-2.4, 9);
    const consumption = cellAt(sheet, 'Statsbidrag för äldreomsorg', 'Förbrukning 2031');
    expect(consumption.type === ExcelJS.ValueType.Formula ? (consumption.result ?? null) : consumption.value).toBeNull();
    // Summa intäkter: utfall −8,1 − 2,4 = −10,5 of budget −25,4 = 41,3 %
    expect(numberOf(cellAt(sheet, 'Summa intäkter', 'Utfall 2031'))).toBeCloseTo(-10.5, 9);
    expect(numberOf(cellAt(sheet, 'Summa intäkter', 'Förbrukning 2031'))).toBeCloseTo(0.4134, 4);
  });

  it('the same kontogrupp in the CSV: an empty förbrukning field, amounts with a decimal comma', async () => {
    const res = await t.http().get(`${base}/budget.csv`).buffer(true).parse(binary).expect(200);
    const lines = res.body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    const line = lines.find((l: string) => l.startsWith('Statsbidrag för äldreomsorg;'));
    expect(line).toBeDefined();
    const fields = line!.split(';');
    expect(fields).toContain('-2,4');
    expect(fields).toContain('0,0');
    // Förbrukning <year-1> (−1,2 of 0) and Förbrukning <year> (−2,4 of 0) are both empty.
    expect(fields.filter((f: string) => f === '')).toHaveLength(2);
  });

  it('an area with a prognos and no justering: justering 0, justerad avvikelse = avvikelse 0,8 mnkr', async () => {
    const sheet = sheetOf(await workbook(), 'Verksamhetsområden');
    expect(numberOf(cellAt(sheet, 'Öppen verksamhet', 'Avvikelse'))).toBeCloseTo(0.8, 9);
    expect(numberOf(cellAt(sheet, 'Öppen verksamhet', 'Justering'))).toBe(0);
    expect(numberOf(cellAt(sheet, 'Öppen verksamhet', 'Justerad avvikelse'))).toBeCloseTo(0.8, 9);
    // Nämnden totalt: avvikelse (421,5 − 423,0) + (11,0 − 10,2) = −0,7; justerad −0,7 + 1,5 = 0,8
    expect(numberOf(cellAt(sheet, 'Nämnden totalt', 'Avvikelse'))).toBeCloseTo(-0.7, 9);
    expect(numberOf(cellAt(sheet, 'Nämnden totalt', 'Justerad avvikelse'))).toBeCloseTo(0.8, 9);
  });

  it('range indicators with tolerance 0: exactly on the årsmål Uppnås, 0,5 from it Uppnås inte', async () => {
    const sheet = sheetOf(await workbook(), 'Mål och indikatorer');
    expect(cellAt(sheet, 'Nämndens prognossäkerhet T2', 'Status', 2).value).toBe('Uppnås');
    expect(cellAt(sheet, 'Budgetföljsamhet', 'Status', 2).value).toBe('Uppnås inte');
  });
});

describe('npm run cli -- report writes the same workbook as the API, value for value', () => {
  let t: TestApp;
  let out: string;

  beforeAll(async () => {
    t = await startTestAppWith2017();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-report-paths-'));
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('every cell of every sheet, with the city\'s figures where the report prints them', async () => {
    const file = path.join(out, 'T1.xlsx');
    const result = await runCli(['report', '--board', 'SON', '--year', '2017', '--period', 'T1', '--out', file], t.db.env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const fromCli = await loadWorkbook(fs.readFileSync(file));
    const res = await t.http().get('/api/boards/SON/years/2017/periods/T1/report.xlsx').buffer(true).parse(binary).expect(200);
    const fromApi = await loadWorkbook(res.body);

    const cli = cellsOf(fromCli);
    expect(Object.keys(cli).length).toBeGreaterThan(500);
    expect(cli).toEqual(cellsOf(fromApi));

    // The report's own figures, written by hand from Tertialrapport 1 2017.
    const areas = sheetOf(fromCli, 'Verksamhetsområden');
    expect(numberOf(cellAt(areas, 'Barn och ungdom', 'Budget 2017'))).toBeCloseTo(81.0, 9);
    expect(numberOf(cellAt(areas, 'Barn och ungdom', 'Prognos 2017'))).toBeCloseTo(82.8, 9);
    expect(numberOf(cellAt(areas, 'Barn och ungdom', 'Avvikelse'))).toBeCloseTo(-1.8, 9);
    expect(numberOf(cellAt(areas, 'Nämnden totalt', 'Budget 2017'))).toBeCloseTo(1215.4, 9);
    const budget = sheetOf(fromCli, 'Driftbudget');
    expect(numberOf(cellAt(budget, 'Taxor och avgifter', 'Budget 2017'))).toBeCloseTo(-50.6, 9);
    expect(numberOf(cellAt(budget, 'Taxor och avgifter', 'Utfall 2017'))).toBeCloseTo(-14.7, 9);
    expect(numberOf(cellAt(budget, 'Personalkostnader', 'Budget 2017'))).toBeCloseTo(695.4, 9);
  });
});
