import * as ExcelJS from 'exceljs';
import { binary } from './support/binary';
import { startTestAppWith2017, TestApp } from './support/test-app';

/*
 * The input workbook's round trip through the API (issue 9): download it for Socialnämnden
 * T1 2017, fill it as a controller would in Excel, preview (nothing written), apply (the
 * follow-up import's rules, one transaction, audit rows), and every mistake by sheet, row
 * and column with nothing written.
 */
const BASE = '/api/boards/SON/years/2017/periods/T1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row of a sheet whose column A holds the code or name. */
function rowOf(sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === key) return sheet.getRow(r);
  throw new Error(`${key} saknas på bladet ${sheet.name}`);
}

describe('the input workbook over the API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestAppWith2017();
  });

  afterAll(() => t?.close());

  const download = async () => {
    const res = await t.http().get(`${BASE}/input.xlsx`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Inmatning%20Tertialrapport%201%202017%20%E2%80%93%20Socialn%C3%A4mnden.xlsx");
    return load(res.body as Buffer);
  };
  const upload = (bytes: Buffer, dryRun: boolean) => t.http().post(`${BASE}/input.xlsx${dryRun ? '?dryRun=true' : ''}`).set('Content-Type', XLSX).send(bytes);

  it('holds one sheet per kind, the saved values, locked plan columns and Excel validation on the input cells', async () => {
    const workbook = await download();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Instruktioner', 'Indikatorer', 'Mål', 'Aktiviteter', 'Verksamhetsområden', 'Kontogrupper', 'Texter']);
    const indicators = workbook.getWorksheet('Indikatorer')!;
    expect((indicators.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Kod', 'Indikator', 'Mål', 'Enhet', 'Könsuppdelad', 'Årsmål', 'KF:s årsmål', 'Fjolårets utfall',
      'Periodens utfall', 'Utfall män/pojkar', 'Utfall kvinnor/flickor', 'Prognos helår', 'Analys',
    ]);
    const i03 = rowOf(indicators, 'SON-I03');
    expect([i03.getCell(6).value, i03.getCell(9).value, i03.getCell(12).value]).toEqual([35, 43.1, 35]);
    expect(i03.getCell(1).protection?.locked).not.toBe(false);
    expect(i03.getCell(9).protection?.locked).toBe(false);
    expect(i03.getCell(9).dataValidation).toMatchObject({ type: 'decimal', allowBlank: true });
    expect(rowOf(workbook.getWorksheet('Mål')!, '1.1').getCell(6)).toMatchObject({ value: 'Uppfylls helt' });
    expect(rowOf(workbook.getWorksheet('Mål')!, '1.1').getCell(6).dataValidation).toMatchObject({ type: 'list', formulae: ['"Uppfylls helt,Uppfylls delvis,Uppfylls inte"'] });
    expect(rowOf(workbook.getWorksheet('Aktiviteter')!, 'SON-A01').getCell(5).dataValidation).toMatchObject({ type: 'list', formulae: ['"Ja,Nej"'] });
    const area = rowOf(workbook.getWorksheet('Verksamhetsområden')!, 'Barn och ungdom');
    expect(area.getCell(3).value).toBe(82.8);
    expect(area.getCell(3).numFmt).toContain('0.0');
    expect((workbook.getWorksheet('Indikatorer') as any).sheetProtection).toMatchObject({ sheet: true });
    expect(workbook.getWorksheet('Texter')!.getCell('A4').value).toBe('Resultatenheter');
  });

  it('changes nothing when uploaded as it was downloaded', async () => {
    const res = await upload(await bytesOf(await download()), true).expect(200);
    expect(res.body).toMatchObject({ applied: false, changes: [], message: 'Arbetsboken ändrar ingenting: allt i den är redan sparat.' });
  });

  it('previews the changes without writing, then applies them with audit rows', async () => {
    const workbook = await download();
    const indicators = workbook.getWorksheet('Indikatorer')!;
    const i03 = rowOf(indicators, 'SON-I03');
    i03.getCell(9).value = 44.5;
    i03.getCell(12).value = '36,2'; // typed as text the Swedish way
    rowOf(workbook.getWorksheet('Mål')!, '1.1').getCell(6).value = 'Uppfylls delvis';
    rowOf(workbook.getWorksheet('Verksamhetsområden')!, 'Barn och ungdom').getCell(3).value = 83.15;
    const texts = workbook.getWorksheet('Texter')!;
    let spare = 4;
    while (texts.getCell(spare, 1).value !== null) spare++;
    texts.getCell(spare, 1).value = 'Övriga händelser';
    texts.getCell(spare, 2).value = 'Inga övriga händelser.';
    const bytes = await bytesOf(workbook);

    const before = await t.rowCounts();
    const preview = await upload(bytes, true).expect(200);
    expect(preview.body.applied).toBe(false);
    expect(preview.body.changes).toEqual([
      { sheet: 'Indikatorer', row: i03.number, code: 'SON-I03', field: 'Periodens utfall', before: '43,1', after: '44,5' },
      { sheet: 'Indikatorer', row: i03.number, code: 'SON-I03', field: 'Prognos helår', before: '35', after: '36,2' },
      { sheet: 'Mål', row: expect.any(Number), code: '1.1', field: 'Bedömning', before: 'Uppfylls helt', after: 'Uppfylls delvis' },
      { sheet: 'Verksamhetsområden', row: expect.any(Number), code: 'Barn och ungdom', field: 'Prognos helår (mnkr)', before: '82,8', after: '83,15' },
      { sheet: 'Texter', row: spare, code: 'Övriga händelser', field: 'Text', before: '–', after: 'Inga övriga händelser.' },
    ]);
    expect(await t.rowCounts()).toEqual(before);

    const applied = await upload(bytes, false).expect(200);
    expect(applied.body.applied).toBe(true);
    const period = await t.http().get(BASE).expect(200);
    const indicator = JSON.stringify(period.body);
    expect(indicator).toContain('"code":"SON-I03"');
    const all = (goals: any[]): any[] => goals.flatMap((g) => [g, ...all(g.children)]);
    const i = all(period.body.goals).flatMap((g) => g.indicators).find((x: any) => x.code === 'SON-I03');
    expect([i.outcome, i.forecast]).toEqual([44.5, 36.2]);
    expect(all(period.body.goals).find((g) => g.code === '1.1').assessment).toBe('partial');
    expect(period.body.budget.operatingAreaTable.rows.find((r: any) => r.name === 'Barn och ungdom').forecast).toBe(83_150_000);
    expect(period.body.texts.sections.at(-1)).toEqual({ heading: 'Övriga händelser', text: 'Inga övriga händelser.' });
    const audit = await t.http().get('/api/boards/SON/years/2017/audit?period=T1').expect(200);
    const rows = (audit.body.entries ?? audit.body) as any[];
    const fromUpload = rows.filter((r) => r.source === 'api' && ['SON-I03', '1.1', 'Barn och ungdom'].includes(r.objectCode));
    expect(fromUpload.map((r) => [r.objectCode, r.field]).sort()).toEqual([
      ['1.1', 'assessment'], ['Barn och ungdom', 'forecast'], ['SON-I03', 'forecast'], ['SON-I03', 'outcome'],
    ]);
  });

  it('lists every mistake by sheet, row and column, the import rules’ too, and writes nothing', async () => {
    const workbook = await download();
    const indicators = workbook.getWorksheet('Indikatorer')!;
    const i01 = rowOf(indicators, 'SON-I01');
    const i02 = rowOf(indicators, 'SON-I02');
    i01.getCell(9).value = 'tolv';
    i01.getCell(12).value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    i02.getCell(9).value = 150; // a percent above 100: the import's own rule
    const goal = rowOf(workbook.getWorksheet('Mål')!, '1.2');
    goal.getCell(6).value = 'Kanske';
    const before = await t.rowCounts();
    const res = await upload(await bytesOf(workbook), false).expect(400);
    expect(res.body.message).toBe('Arbetsboken har fel; ingenting har sparats.');
    expect(res.body.cells).toEqual([
      { sheet: 'Indikatorer', row: i01.number, column: 'I', message: 'Periodens utfall: "tolv" är inget tal.' },
      { sheet: 'Indikatorer', row: i01.number, column: 'L', message: 'Prognos helår: cellen innehåller en formel; skriv själva värdet i stället.' },
      { sheet: 'Mål', row: goal.number, column: 'F', message: 'Bedömning: "Kanske" är ingen bedömning; välj Uppfylls helt, Uppfylls delvis, Uppfylls inte eller lämna tomt.' },
    ]);
    expect(res.body.errors[0]).toEqual({ path: `Indikatorer!I${i01.number}`, message: 'Periodens utfall: "tolv" är inget tal.' });
    expect(await t.rowCounts()).toEqual(before);

    // With the workbook's own mistakes corrected, the import's rule on the share is placed on its cell.
    i01.getCell(9).value = null;
    i01.getCell(12).value = null;
    goal.getCell(6).value = null;
    const rule = await upload(await bytesOf(workbook), true).expect(400);
    expect(rule.body.cells).toHaveLength(1);
    expect(rule.body.cells[0]).toMatchObject({ sheet: 'Indikatorer', row: i02.number, column: 'I' });
    expect(rule.body.cells[0].message).toMatch(/100/);
    expect(await t.rowCounts()).toEqual(before);
  });

  it('refuses a workbook of another period, a file that is not xlsx, and the wrong content type', async () => {
    const workbook = await download();
    workbook.getWorksheet('Instruktioner')!.getCell('B5').value = 'T2';
    const other = await upload(await bytesOf(workbook), true).expect(400);
    expect(other.body.cells[0]).toMatchObject({ sheet: 'Instruktioner', row: 3, column: 'B' });
    expect(other.body.cells[0].message).toContain('Arbetsboken gäller SON 2017 T2, inte SON 2017 T1.');
    const garbage = await upload(Buffer.from('PK inte en arbetsbok'), true).expect(400);
    expect(garbage.body.message).toContain('Filen är ingen Excel-arbetsbok (xlsx).');
    await t.http().post(`${BASE}/input.xlsx`).set('Content-Type', 'text/plain').send('hej').expect(400);
    await t.http().post(`${BASE}/input.xlsx?dryRun=kanske`).set('Content-Type', XLSX).send(Buffer.from('PK')).expect(400);
  });

  it('lets an auditor download but not upload, and an approved period refuses the upload', async () => {
    const bytes = await bytesOf(await download());
    const auditor = await t.signedInAs('revisor-son', 'auditor', ['SON']);
    await auditor().get(`${BASE}/input.xlsx`).expect(200);
    await auditor().post(`${BASE}/input.xlsx?dryRun=true`).set('Content-Type', XLSX).send(bytes).expect(403);
    await t.anonymous().post(`${BASE}/input.xlsx`).set('Content-Type', XLSX).send(bytes).expect(401);
    await t.http().post(`${BASE}/approve`).expect(200);
    const locked = await upload(bytes, true).expect(409);
    expect(locked.body.message).toContain('godkänd och låst');
    await t.http().post(`${BASE}/reopen`).send({ reason: 'Testet öppnar perioden igen.' }).expect(200);
  });
});
