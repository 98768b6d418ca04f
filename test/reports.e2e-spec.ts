import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { runCli } from './support/cli';
import { followupDocument, planDocument } from './support/documents';
import { startTestAppWith2017, TestApp } from './support/test-app';
import { cellAt, evaluateFormula, formulaCells, formulaOf, numberOf, sheetOf } from './support/workbook-reading';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEETS = ['Sammanfattning', 'Mål och indikatorer', 'Aktiviteter', 'Driftbudget', 'Verksamhetsområden', 'Diagram', 'Årsprognos månad för månad', 'Historik'];

/** Collects a binary response body (supertest buffers only text by default). */
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

/** Width and height from a PNG's IHDR chunk, after checking the PNG signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every formula's stored result equals what the formula gives from the cells it refers to. */
function expectFormulasHold(workbook: ExcelJS.Workbook): void {
  const cells = formulaCells(workbook);
  expect(cells.length).toBeGreaterThan(0);
  for (const { sheet, cell } of cells) {
    const expected = evaluateFormula(workbook, sheet, formulaOf(cell)!);
    if (expected === null) expect(cell.result ?? null).toBeNull();
    else expect(numberOf(cell)).toBeCloseTo(expected, 9);
  }
}

describe('reports and exports of Tertialrapport 1 2017', () => {
  let t: TestApp;
  const base = '/api/boards/SON/years/2017/periods/T1';

  beforeAll(async () => {
    t = await startTestAppWith2017();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET report.xlsx', () => {
    let workbook: ExcelJS.Workbook;
    let headers: Record<string, string>;

    beforeAll(async () => {
      const res = await t.http().get(`${base}/report.xlsx`).buffer(true).parse(binary).expect(200);
      headers = res.headers;
      workbook = await loadWorkbook(res.body);
    });

    it('is a download with the Swedish file name', () => {
      expect(headers['content-type']).toBe(XLSX);
      expect(headers['content-disposition']).toBe(
        `attachment; filename="Tertialrapport 1 2017 - Socialnamnden.xlsx"; ` +
          `filename*=UTF-8''Tertialrapport%201%202017%20%E2%80%93%20Socialn%C3%A4mnden.xlsx`,
      );
    });

    it('has the sheets of SPEC 4 in order and the report\'s title', () => {
      expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS);
      expect(workbook.title).toBe('Tertialrapport 1 2017 – Socialnämnden');
    });

    it('reproduces the driftbudget: Taxor och avgifter 29,0 %, Netto 26,0 %, riktvärde 33,3 %', () => {
      const sheet = sheetOf(workbook, 'Driftbudget');
      const taxor = cellAt(sheet, 'Taxor och avgifter', 'Förbrukning 2017');
      // −14,7 / −50,6 of the rounded figures is 29,05 %; the report's unrounded inputs print 29,0 %.
      expect(Math.abs(numberOf(taxor)! - 0.29)).toBeLessThanOrEqual(0.001);
      expect(taxor.numFmt).toBe('0.0%');
      expect(formulaOf(taxor)).toMatch(/\//);
      const net = cellAt(sheet, 'Netto', 'Förbrukning 2017');
      expect(Math.round(numberOf(net)! * 1000) / 10).toBe(26.0);
      expect(numberOf(cellAt(sheet, 'Netto', 'Utfall 2017'))).toBeCloseTo(316.4, 9);
      expect(formulaOf(cellAt(sheet, 'Summa kostnader', 'Budget 2017'))).toMatch(/^SUM\(/);
      expect(numberOf(cellAt(sheet, 'Summa kostnader', 'Budget 2017'))).toBeCloseTo(1767.7, 9);
    });

    it('reproduces Nämndens prognos: Barn och ungdom −1,8; Nämnden totalt −0,7, 0,7, 0,0', () => {
      const sheet = sheetOf(workbook, 'Verksamhetsområden');
      expect(numberOf(cellAt(sheet, 'Barn och ungdom', 'Avvikelse'))).toBeCloseTo(-1.8, 9);
      expect(numberOf(cellAt(sheet, 'Nämnden totalt', 'Avvikelse'))).toBeCloseTo(-0.7, 9);
      expect(numberOf(cellAt(sheet, 'Nämnden totalt', 'Justering'))).toBeCloseTo(0.7, 9);
      expect(numberOf(cellAt(sheet, 'Nämnden totalt', 'Justerad avvikelse'))).toBeCloseTo(0, 9);
      expect(numberOf(cellAt(sheet, 'Stöd till utomstående organisationer', 'Justerad avvikelse'))).toBeCloseTo(0, 9);
      expect(numberOf(cellAt(sheet, 'Nämnden totalt', 'Budget 2017'))).toBeCloseTo(1215.4, 9);
    });

    it('every formula\'s stored result is what the formula gives', () => {
      expectFormulasHold(workbook);
    });

    it('lists the indicators with their figures (SON-I53 sjukfrånvaro, flagged gender gap)', () => {
      const sheet = sheetOf(workbook, 'Mål och indikatorer');
      const status = cellAt(sheet, 'Sjukfrånvaro', 'Status', 2);
      expect(status.value).toBe('Uppnås');
      expect(numberOf(cellAt(sheet, 'Sjukfrånvaro', 'Utfall kvinnor/flickor', 2))).not.toBeNull();
      expect(numberOf(cellAt(sheet, 'Sjukfrånvaro', 'Könsskillnad', 2))).not.toBeNull();
    });

    it('embeds the six charts in the Diagram sheet, the 32 charted indicators on six pages', () => {
      // goal fulfilment, six indicator pages, budget per area, förbrukning, årsprognos månad för månad, indikatorer över tid
      expect(sheetOf(workbook, 'Diagram').getImages()).toHaveLength(11);
      const media = (workbook.model as any).media as { type: string; extension: string; buffer: Buffer }[];
      expect(media.filter((m) => m.extension === 'png')).toHaveLength(11);
      for (const image of media) expect(pngSize(Buffer.from(image.buffer)).width).toBe(1600);
    });
  });

  describe('budget exports for auditors', () => {
    it('budget.xlsx holds the two budget sheets with the same figures', async () => {
      const res = await t.http().get(`${base}/budget.xlsx`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Driftbudget%20T1%202017%20%E2%80%93%20Socialn%C3%A4mnden.xlsx");
      const workbook = await loadWorkbook(res.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Driftbudget', 'Verksamhetsområden']);
      expect(numberOf(cellAt(sheetOf(workbook, 'Verksamhetsområden'), 'Barn och ungdom', 'Avvikelse'))).toBeCloseTo(-1.8, 9);
      expectFormulasHold(workbook);
    });

    it('budget.csv opens in Swedish Excel and parses back to the API\'s figures', async () => {
      const res = await t.http().get(`${base}/budget.csv`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text: string = res.body.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = text.slice(1).split('\r\n').map((line) => line.split(';'));
      const number = (field: string) => Number(field.replace(',', '.'));

      const followup = (await t.http().get(base).expect(200)).body;
      const mnkr = (kronor: number) => Math.round(kronor / 100_000) / 10;
      const header = rows.find((r) => r[0] === 'Kontogrupp')!;
      expect(header).toEqual([
        'Kontogrupp',
        'Budget 2016 (mnkr)',
        'Utfall 2016 (mnkr)',
        'Förbrukning 2016 (%)',
        'Budget 2017 (mnkr)',
        'Prognos 2017 (mnkr)',
        'Utfall 2017 (mnkr)',
        'Förbrukning 2017 (%)',
      ]);
      const accounts = [...followup.budget.accountTable.revenues, followup.budget.accountTable.revenueSum, ...followup.budget.accountTable.costs, followup.budget.accountTable.costSum, followup.budget.accountTable.net];
      for (const account of accounts) {
        const row = rows.find((r) => r[0] === account.name)!;
        expect(row).toBeDefined();
        expect(number(row[4])).toBe(mnkr(account.budget));
        expect(number(row[5])).toBe(mnkr(account.forecast));
        expect(number(row[6])).toBe(mnkr(account.actual));
        expect(number(row[7])).toBeCloseTo(account.consumption * 100, 1);
      }
      const total = rows.find((r) => r[0] === 'Nämnden totalt')!;
      expect(total.slice(1).map(number)).toEqual([924.6, 1215.4, 1216.1, -0.7, 0.7, 0]);
      expect(number(rows.find((r) => r[0] === 'Riktvärde (%)')![1])).toBe(33.3);
    });
  });

  describe('GET charts/{kind}.png', () => {
    it.each(['goal-fulfilment', 'indicators', 'budget-per-area', 'consumption'])('%s is a real PNG', async (kind) => {
      const res = await t.http().get(`${base}/charts/${kind}.png`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      const size = pngSize(res.body);
      expect(size.width).toBe(1600);
      expect(size.height).toBeGreaterThanOrEqual(400);
    });

    it('serves each page of a long indicator chart, and says how many there are', async () => {
      const first = await t.http().get(`${base}/charts/indicators.png`).buffer(true).parse(binary).expect(200);
      expect(first.headers['x-chart-parts']).toBe('6');
      const last = await t.http().get(`${base}/charts/indicators.png?part=4`).buffer(true).parse(binary).expect(200);
      expect(pngSize(last.body).height).toBeLessThan(pngSize(first.body).height);
      const beyond = await t.http().get(`${base}/charts/indicators.png?part=7`).expect(404);
      expect(beyond.body.message).toBe('Diagrammet indicators har 6 sidor, inte 7.');
      await t.http().get(`${base}/charts/indicators.png?part=noll`).expect(400);
    });

    it('answers 404 in Swedish for an unknown chart', async () => {
      const res = await t.http().get(`${base}/charts/tårta.png`).expect(404);
      expect(res.body.message).toMatch(/Det finns inget diagram "tårta"/);
    });
  });

  it('refuses a period without data with a Swedish message, not an empty workbook', async () => {
    for (const file of ['report.xlsx', 'budget.xlsx', 'budget.csv', 'charts/consumption.png']) {
      const res = await t.http().get(`/api/boards/SON/years/2017/periods/T2/${file}`).expect(404);
      expect(res.body.message).toBe('Det finns ingen uppföljning för T2 2017 för Socialnämnden (SON). Importera periodens uppföljning först.');
    }
    const board = await t.http().get('/api/boards/XYZ/years/2017/periods/T1/report.xlsx').expect(404);
    expect(board.body.message).toBe('Det finns ingen nämnd med koden "XYZ".');
  });

  describe('the verksamhetsberättelse, compared with tertialrapport 2', () => {
    beforeAll(async () => {
      await t.importDocument(planDocument()).expect(200);
      const t2 = followupDocument({ period: 'T2' });
      t2.budget.operatingAreas = [
        { name: 'Äldreomsorg', forecast: 424.0, adjustment: 0 },
        { name: 'Öppen verksamhet', forecast: 10.5, adjustment: 0 },
      ];
      await t.importDocument(t2).expect(200);
      const vb = followupDocument({ period: 'VB' });
      vb.budget.operatingAreas = [
        { name: 'Äldreomsorg', forecast: 425.1, adjustment: 1.5 },
        { name: 'Öppen verksamhet', forecast: 10.0, adjustment: 0 },
      ];
      vb.indicators[0] = { code: 'ÄLN-I1', outcome: 90.5, men: 93, women: 88, forecast: null };
      await t.importDocument(vb).expect(200);
    });

    it('has prognossäkerhet per verksamhetsområde: (T2 prognos − årets värde) / budget', async () => {
      const res = await t.http().get('/api/boards/ÄLN/years/2031/periods/VB/report.xlsx').buffer(true).parse(binary).expect(200);
      expect(res.headers['content-disposition']).toContain("Verksamhetsber%C3%A4ttelse%202031%20%E2%80%93%20%C3%84ldren%C3%A4mnden%20i%20%C3%85rsta.xlsx");
      const workbook = await loadWorkbook(res.body);
      const areas = sheetOf(workbook, 'Verksamhetsområden');
      expect(numberOf(cellAt(areas, 'Äldreomsorg', 'Prognos T2 2031'))).toBeCloseTo(424.0, 9);
      expect(numberOf(cellAt(areas, 'Äldreomsorg', 'Prognossäkerhet'))).toBeCloseTo((424.0 - 425.1) / 421.5, 9);
      expect(numberOf(cellAt(areas, 'Öppen verksamhet', 'Prognossäkerhet'))).toBeCloseTo((10.5 - 10.0) / 11, 9);
      const drift = sheetOf(workbook, 'Driftbudget');
      const guide = drift.getRows(1, 10)!.find((r) => r.getCell(1).value === 'Riktvärde')!;
      expect(numberOf(guide.getCell(2))).toBe(1);
      expectFormulasHold(workbook);
    });

    it('compares the year\'s outcome, not a forecast, with the årsmål', async () => {
      const followup = (await t.http().get('/api/boards/ÄLN/years/2031/periods/VB').expect(200)).body;
      const indicator = followup.goals[0].children[0].children[0].indicators[0];
      expect(indicator).toMatchObject({ code: 'ÄLN-I1', comparedValue: 90.5, status: 'achieved', periodLabel: '2031' });
    });
  });
});

describe('npm run cli -- report and export-budget', () => {
  let t: TestApp;
  let out: string;

  beforeAll(async () => {
    t = await startTestAppWith2017();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-report-'));
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes the workbook and, with --charts, each chart as a PNG', async () => {
    const file = path.join(out, 'T1.xlsx');
    const charts = path.join(out, 'diagram');
    const result = await runCli(['report', '--board', 'SON', '--year', '2017', '--period', 'T1', '--out', file, '--charts', charts], t.db.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Rapporten är skriven: .*T1\.xlsx\n/);
    const workbook = await loadWorkbook(fs.readFileSync(file));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS);
    expect(fs.readdirSync(charts).sort()).toEqual([
      'budget-per-area.png',
      'consumption.png',
      'forecast-series.png',
      'goal-fulfilment.png',
      'indicator-trend.png',
      'indicators-1.png',
      'indicators-2.png',
      'indicators-3.png',
      'indicators-4.png',
      'indicators-5.png',
      'indicators-6.png',
    ]);
    for (const png of fs.readdirSync(charts)) expect(pngSize(fs.readFileSync(path.join(charts, png))).width).toBe(1600);
  });

  it.each([
    ['csv', (bytes: Buffer) => expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))],
    ['xlsx', async (bytes: Buffer) => expect((await loadWorkbook(bytes)).worksheets).toHaveLength(2)],
  ])('export-budget --format %s', async (format, check) => {
    const file = path.join(out, `budget.${format}`);
    const result = await runCli(['export-budget', '--board', 'SON', '--year', '2017', '--period', 'T1', '--format', format, '--out', file], t.db.env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    await check(fs.readFileSync(file));
  });

  it.each([
    [['report', '--board', 'SON', '--year', '2017', '--period', 'VB', '--out', 'x.xlsx'], /Det finns ingen uppföljning för VB 2017/],
    [['export-budget', '--board', 'SON', '--year', '2017', '--period', 'T1', '--format', 'pdf'], /--format ska vara xlsx eller csv, inte "pdf"/],
    [['report', '--board', 'SON', '--year', '2017', '--period', 'T1', '--out', '/finns/inte/r.xlsx'], /kunde inte skrivas \(mappen finns inte\)/],
  ])('%j → exit 1 with %p', async (args, message) => {
    const result = await runCli(args, t.db.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
