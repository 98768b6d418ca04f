import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { followupDocument, planDocument } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

const YEAR_URL = '/api/boards/ÄLN/years/2031';
const T1 = `${YEAR_URL}/periods/T1`;
const I1 = `${T1}/indicators/ÄLN-I1`;

async function auditEntries(t: TestApp, query = ''): Promise<any[]> {
  return (await t.http().get(encodeURI(`${YEAR_URL}/audit${query}`)).expect(200)).body.entries;
}

describe('period workflow, audit trail and versioned corrections (SPEC 7)', () => {
  let t: TestApp;
  let controller: Awaited<ReturnType<TestApp['signedInAs']>>;
  let manager: Awaited<ReturnType<TestApp['signedInAs']>>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.importDocument(planDocument()).expect(200);
    await t.importDocument(followupDocument()).expect(200);
    controller = await t.signedInAs('kim.controller', 'controller', ['ÄLN']);
    manager = await t.signedInAs('maria.chef', 'manager', ['ÄLN']);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('audit trail', () => {
    it('an import writes one row per field it sets, under the importer, and re-importing writes none', async () => {
      const entries = await auditEntries(t, '?period=T1');
      const i1 = entries.filter((e) => e.objectKind === 'indicator' && e.objectCode === 'ÄLN-I1');
      expect(i1.map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
        ['outcome', null, '89'],
        ['men', null, '92'],
        ['women', null, '86'],
        ['forecast', null, '91'],
        ['analysis', null, 'Kvinnorna är mindre nöjda än männen.'],
      ]);
      expect(i1[0]).toMatchObject({ username: 'test-admin', source: 'import', board: 'ÄLN', year: 2031, period: 'T1' });
      // Operating areas by name, amounts in whole kronor.
      expect(entries.find((e) => e.objectKind === 'operating_area' && e.field === 'forecast' && e.objectCode === 'Äldreomsorg')).toMatchObject({
        newValue: '423000000',
      });
      const before = (await auditEntries(t)).length;
      await t.importDocument(followupDocument()).expect(200);
      expect((await auditEntries(t)).length).toBe(before);
    });

    it('the plan import is audited too: the board, goals, indicators, activities and budget lines it created', async () => {
      const plan = (await auditEntries(t)).filter((e) => e.period === null);
      expect(plan[0]).toMatchObject({ objectKind: 'board', objectCode: 'ÄLN', field: 'name', oldValue: null, newValue: 'Äldrenämnden i Årsta' });
      expect(new Set(plan.map((e) => e.objectKind))).toEqual(new Set(['board', 'goal', 'indicator', 'activity', 'operating_area', 'account_group']));
      expect(plan.find((e) => e.objectCode === 'ÄLN-I1' && e.field === 'annualTarget')).toMatchObject({ oldValue: null, newValue: '90' });
    });

    it('removing an indicator from the plan also audits the figures that go with it', async () => {
      const extra = planDocument();
      extra.indicators.push({ ...extra.indicators[1], code: 'ÄLN-I9', name: 'Tillfällig indikator' });
      await t.importDocument(extra).expect(200);
      const doc = followupDocument();
      doc.indicators.push({ code: 'ÄLN-I9', outcome: 12, men: null, women: null, forecast: null, analysis: null });
      await t.importDocument(doc).expect(200);
      const before = (await auditEntries(t)).length;
      await t.importDocument(planDocument()).expect(200);
      const removed = (await auditEntries(t)).slice(before);
      expect(removed.filter((e) => e.period === 'T1').map((e) => [e.objectKind, e.objectCode, e.field, e.oldValue, e.newValue])).toEqual([
        ['indicator', 'ÄLN-I9', 'outcome', '12', null],
      ]);
      expect(removed.filter((e) => e.period === null && e.field === 'name').map((e) => [e.objectCode, e.oldValue, e.newValue])).toEqual([
        ['ÄLN-I9', 'Tillfällig indikator', null],
      ]);
    });

    it('a refused import leaves no audit row', async () => {
      const before = (await auditEntries(t)).length;
      const doc = followupDocument();
      doc.indicators[0].outcome = 77;
      doc.indicators.push({ code: 'ÄLN-I99', outcome: 1 });
      await t.importDocument(doc).expect(400);
      expect((await auditEntries(t)).length).toBe(before);
    });

    it('a changed field by import writes exactly one row with its old and new value', async () => {
      const before = (await auditEntries(t)).length;
      const doc = followupDocument();
      doc.indicators[1].forecast = 120;
      await t.importDocument(doc).expect(200);
      const after = await auditEntries(t);
      expect(after.slice(before).map((e) => [e.objectCode, e.field, e.oldValue, e.newValue, e.source])).toEqual([
        ['ÄLN-I2', 'forecast', '128', '120', 'import'],
      ]);
    });

    it('nothing in the database may edit or delete it', async () => {
      const db = t.app.get(DataSource);
      await expect(db.query(`UPDATE audit_entry SET new_value = 'x'`)).rejects.toThrow(/Ändringsloggen kan inte ändras/);
      await expect(db.query(`DELETE FROM audit_entry`)).rejects.toThrow(/Ändringsloggen kan inte ändras/);
    });

    it('is refused to controllers and open to managers', async () => {
      await controller().get(encodeURI(`${YEAR_URL}/audit`)).expect(403);
      await manager().get(encodeURI(`${YEAR_URL}/audit`)).expect(200);
    });
  });

  describe('PATCH with versions', () => {
    it('changes only the fields sent, answers with an ETag, and audits exactly that field', async () => {
      const period = (await controller().get(encodeURI(T1)).expect(200)).body;
      const version = findIndicator(period.goals, 'ÄLN-I1').version;
      expect(version).toBe(1);
      const before = (await auditEntries(t)).length;
      const res = await controller().patch(encodeURI(I1)).set('If-Match', `"${version}"`).send({ forecast: 93 }).expect(200);
      expect(res.headers.etag).toBe(`"${version + 1}"`);
      expect(res.body).toMatchObject({ code: 'ÄLN-I1', outcome: 89, men: 92, women: 86, forecast: 93, analysis: 'Kvinnorna är mindre nöjda än männen.', version: version + 1 });
      const rows = (await auditEntries(t)).slice(before);
      expect(rows.map((e) => [e.objectCode, e.field, e.oldValue, e.newValue, e.username, e.source])).toEqual([
        ['ÄLN-I1', 'forecast', '91', '93', 'kim.controller', 'api'],
      ]);
      // null clears one field.
      const cleared = await controller().patch(encodeURI(I1)).send({ analysis: null }).expect(200);
      expect(cleared.body).toMatchObject({ forecast: 93, analysis: null });
    });

    it('a stale If-Match gets 412 with the current values and changes nothing', async () => {
      const current = findIndicator((await controller().get(encodeURI(T1)).expect(200)).body.goals, 'ÄLN-I1');
      const res = await controller().patch(encodeURI(I1)).set('If-Match', `"${current.version - 1}"`).send({ outcome: 1 }).expect(412);
      expect(res.body.message).toMatch(/har ändrats sedan du läste dem/);
      expect(res.body.current).toEqual({ outcome: 89, men: 92, women: 86, forecast: 93, analysis: null, version: current.version });
      expect(findIndicator((await controller().get(encodeURI(T1)).expect(200)).body.goals, 'ÄLN-I1').outcome).toBe(89);
    });

    it('two concurrent PATCHes with the same If-Match: one 200, one 412', async () => {
      const current = findIndicator((await controller().get(encodeURI(T1)).expect(200)).body.goals, 'ÄLN-I1');
      const [a, b] = await Promise.all([
        controller().patch(encodeURI(I1)).set('If-Match', `"${current.version}"`).send({ outcome: 70 }),
        manager().patch(encodeURI(I1)).set('If-Match', `"${current.version}"`).send({ outcome: 71 }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? 70 : 71;
      const loser = a.status === 200 ? b : a;
      expect(loser.body.current).toMatchObject({ outcome: winner, version: current.version + 1 });
    });

    it('goals, activities and operating areas: only the fields sent, each with its version', async () => {
      const goal = await controller().patch(encodeURI(`${T1}/goals/1.7`)).send({ assessment: 'partial' }).expect(200);
      expect(goal.body).toEqual({ code: '1.7', assessment: 'partial', analysis: 'Målet bedöms uppfyllas.', version: 2 });
      expect(goal.headers.etag).toBe('"2"');
      const activity = await controller().patch(encodeURI(`${T1}/activities/ÄLN-A1`)).set('If-Match', '"1"').send({ comment: 'Klar i maj.' }).expect(200);
      expect(activity.body).toEqual({ code: 'ÄLN-A1', deviation: true, comment: 'Klar i maj.', version: 2 });
      const area = await controller().patch(encodeURI(`${T1}/operating-areas/Äldreomsorg`)).send({ adjustment: 2000000 }).expect(200);
      expect(area.body).toEqual({ name: 'Äldreomsorg', forecast: 423000000, adjustment: 2000000, volumeChange: 0, returned: 0, comment: null, version: 2 });
      const commented = await controller()
        .patch(encodeURI(`${T1}/operating-areas/Äldreomsorg`))
        .set('If-Match', '"2"')
        .send({ comment: 'Ökade volymer inom hemtjänsten.' })
        .expect(200);
      expect(commented.body).toEqual({ name: 'Äldreomsorg', forecast: 423000000, adjustment: 2000000, volumeChange: 0, returned: 0, comment: 'Ökade volymer inom hemtjänsten.', version: 3 });
      const period = (await controller().get(encodeURI(T1)).expect(200)).body;
      expect(period.budget.operatingAreaVersions).toEqual({ Äldreomsorg: 3, 'Öppen verksamhet': 1 });
      expect(period.budget.areaComments).toEqual([expect.objectContaining({ name: 'Äldreomsorg', comment: 'Ökade volymer inom hemtjänsten.' })]);
    });

    it('every error of a body at once, in Swedish; unknown fields refused', async () => {
      const res = await controller().patch(encodeURI(I1)).send({ outcome: 'mycket', forecast: 'hög', colour: 'blå' }).expect(400);
      expect(res.body.errors).toEqual([
        { path: 'colour', message: 'Okänt fält. Kontrollera stavningen.' },
        { path: 'outcome', message: 'Måste vara ett tal (eller null).' },
        { path: 'forecast', message: 'Måste vara ett tal (eller null).' },
      ]);
      const area = await controller().patch(encodeURI(`${T1}/operating-areas/Äldreomsorg`)).send({ forecast: 1.5, adjustment: 'x' }).expect(400);
      expect(area.body.errors.map((e: any) => e.path)).toEqual(['forecast', 'adjustment']);
      await controller().patch(encodeURI(`${T1}/goals/1.7`)).send({ assessment: 'kanske' }).expect(400);
      await controller().patch(encodeURI(I1)).set('If-Match', 'gammal').send({ outcome: 1 }).expect(400);
      const list = await controller().patch(encodeURI(`${T1}/goals/1.7`)).send([]).expect(400);
      expect(list.body.errors).toEqual([{ path: '', message: 'Innehållet måste vara ett JSON-objekt ({...}), inte en lista eller ett enskilt värde.' }]);
    });

    it('a period that does not exist is 404, and POST …/periods/{period} brings it into being', async () => {
      const t2 = `${YEAR_URL}/periods/T2`;
      await controller().patch(encodeURI(`${t2}/indicators/ÄLN-I1`)).send({ outcome: 1 }).expect(404);
      await manager().post(encodeURI(`${t2}/approve`)).expect(404);
      await t.http().post(encodeURI(`${t2}/lock`)).expect(404);
      await t.http().get(encodeURI(`${t2}/report.xlsx`)).expect(404);
      await controller().post(encodeURI(t2)).expect(201);
      await controller().patch(encodeURI(`${t2}/indicators/ÄLN-I1`)).set('If-Match', '"0"').send({ outcome: 50 }).expect(200);
    });
  });

  describe('open → submitted → approved, and reopen', () => {
    it('a manager approves; then every write is 409 (API and import) until an admin reopens with a reason', async () => {
      const submitted = await controller().post(encodeURI(`${T1}/submit`)).expect(200);
      expect(submitted.body).toMatchObject({ state: 'submitted', submittedBy: 'kim.controller' });
      await controller().post(encodeURI(`${T1}/submit`)).expect(409);
      await controller().post(encodeURI(`${T1}/approve`)).expect(403);
      const approved = await manager().post(encodeURI(`${T1}/approve`)).expect(200);
      expect(approved.body).toMatchObject({ state: 'approved', stateLabel: 'Godkänd', locked: true, approvedBy: 'maria.chef', approvedAt: expect.any(String) });

      const period = (await controller().get(encodeURI(T1)).expect(200)).body;
      expect(period).toMatchObject({ state: 'approved', approvedBy: 'maria.chef', locked: true });
      const report = await loadXlsx(t, `${T1}/report.xlsx`);
      expect(report.getWorksheet('Sammanfattning')!.getCell('A5').value).toMatch(/^Status: Godkänd av maria\.chef \d+ \p{L}+ \d{4}$/u);

      const before = await t.rowCounts();
      const patch = await controller().patch(encodeURI(I1)).send({ outcome: 1 }).expect(409);
      expect(patch.body.message).toMatch(/är godkänd \(låst\)/);
      await controller().put(encodeURI(I1)).send({ outcome: 1 }).expect(409);
      await controller().patch(encodeURI(`${T1}/goals/1.7`)).send({ assessment: 'none' }).expect(409);
      await t.importDocument(followupDocument()).expect(409);
      await t.importDocument(planDocument()).expect(409);
      expect(await t.rowCounts()).toEqual(before);

      await manager().post(encodeURI(`${T1}/reopen`)).send({ reason: 'Rättelse' }).expect(403);
      const noReason = await t.http().post(encodeURI(`${T1}/reopen`)).send({}).expect(400);
      expect(noReason.body.errors).toEqual([{ path: 'reason', message: 'Fältet saknas eller är tomt.' }]);
      const reopened = await t.http().post(encodeURI(`${T1}/reopen`)).send({ reason: 'Prognosen för Äldreomsorg rättas efter nämndens beslut.' }).expect(200);
      expect(reopened.body).toMatchObject({ state: 'open', approvedBy: null });
      await controller().patch(encodeURI(I1)).send({ outcome: 88 }).expect(200);

      const steps = (await auditEntries(t, '?period=T1')).filter((e) => e.objectKind === 'period');
      expect(steps.map((e) => [e.field, e.oldValue, e.newValue, e.username])).toEqual([
        ['state', 'open', 'submitted', 'kim.controller'],
        ['state', 'submitted', 'approved', 'maria.chef'],
        ['state', 'approved', 'open', 'test-admin'],
        ['reopenReason', null, 'Prognosen för Äldreomsorg rättas efter nämndens beslut.', 'test-admin'],
      ]);
    });
  });

  describe('exports of the audit trail', () => {
    it('CSV for Swedish Excel: BOM, semicolons, decimal comma, Swedish labels', async () => {
      const res = await t.http().get(encodeURI(`${YEAR_URL}/audit.csv?period=T1`)).buffer(true).parse(textParser).expect(200);
      expect(res.headers['content-disposition']).toContain('attachment');
      const text = res.body as string;
      expect(text.startsWith('\uFEFFTid;Användare;Källa;Nämnd;År;Period;Objekt;Kod;Fält;Tidigare värde;Nytt värde\r\n')).toBe(true);
      expect(text).toMatch(/;kim\.controller;API;ÄLN;2031;T1;Indikator;ÄLN-I1;Prognos;91;93\r\n/);
    });

    it('xlsx with numbers as number cells', async () => {
      const res = await t.http().get(encodeURI(`${YEAR_URL}/audit.xlsx`)).buffer(true).parse(binaryParser).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const sheet = workbook.getWorksheet('Ändringslogg')!;
      expect(sheet.getRow(1).values).toEqual([undefined, 'Tid', 'Användare', 'Källa', 'Nämnd', 'År', 'Period', 'Objekt', 'Kod', 'Fält', 'Tidigare värde', 'Nytt värde']);
      const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === 'kim.controller' && r.getCell(9).value === 'Prognos')!;
      expect(row.getCell(10).value).toBe(91);
      expect(row.getCell(11).value).toBe(93);
      expect(row.getCell(1).value).toBeInstanceOf(Date);
    });
  });

  describe('formula injection', () => {
    it('text starting with = + - @ is exported as text, never as a formula: analyses, comments and names', async () => {
      const evil = { analysis: '=HYPERLINK("http://example.com","klicka")', comment: '+SUM(A1:A9)', name: '@SUM(1+1)', minus: '-2+3' };
      const plan = planDocument();
      plan.activities[0].name = evil.name;
      plan.budget.accountGroups[0].name = evil.name;
      await t.importDocument(plan).expect(200);
      const doc = followupDocument({ period: 'T2' });
      doc.indicators[0].analysis = evil.analysis;
      doc.activities[0].comment = evil.comment;
      doc.goals[0].analysis = evil.minus;
      doc.budget.accountGroups[0].name = evil.name;
      await t.importDocument(doc).expect(200);
      const t2 = `${YEAR_URL}/periods/T2`;

      const report = await loadXlsx(t, `${t2}/report.xlsx`);
      const audit = await loadXlsx(t, `${YEAR_URL}/audit.xlsx`);
      const budget = await loadXlsx(t, `${t2}/budget.xlsx`);
      for (const [workbook, texts] of [
        [report, [evil.name, evil.comment]],
        [audit, [evil.analysis, evil.comment, evil.name, evil.minus]],
        [budget, [evil.name]],
      ] as const) {
        for (const text of texts) {
          const cells = cellsHolding(workbook, text);
          expect([text, cells.length > 0]).toEqual([text, true]);
          for (const cell of cells) expect([text, cell.type]).toEqual([text, ExcelJS.ValueType.String]);
        }
      }

      const auditCsv = (await t.http().get(encodeURI(`${YEAR_URL}/audit.csv`)).buffer(true).parse(textParser).expect(200)).body as string;
      expect(auditCsv).toContain(`;"'=HYPERLINK(""http://example.com"",""klicka"")"\r\n`);
      expect(auditCsv).toContain(`;'+SUM(A1:A9)\r\n`);
      expect(auditCsv).toContain(`;'@SUM(1+1)\r\n`);
      expect(auditCsv).toContain(`;'-2+3\r\n`);
      const budgetCsv = (await t.http().get(encodeURI(`${t2}/budget.csv`)).buffer(true).parse(textParser).expect(200)).body as string;
      expect(budgetCsv).toContain(`\r\n'@SUM(1+1);`);
    });
  });

  describe('hardening', () => {
    it('security headers on every answer and no CORS unless configured', async () => {
      const res = await t.http().get(encodeURI(T1)).set('Origin', 'https://elak.example').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeDefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });
});

function findIndicator(goals: any[], code: string): any {
  for (const goal of goals) {
    const found = goal.indicators.find((i: any) => i.code === code) ?? findIndicator(goal.children, code);
    if (found) return found;
  }
  return undefined;
}

function textParser(res: any, callback: (error: Error | null, body: string) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
}

function binaryParser(res: any, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function loadXlsx(t: TestApp, url: string): Promise<ExcelJS.Workbook> {
  const res = await t.http().get(encodeURI(url)).buffer(true).parse(binaryParser).expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body);
  return workbook;
}

function cellsHolding(workbook: ExcelJS.Workbook, text: string): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === text || (cell.type === ExcelJS.ValueType.Formula && String((cell.value as any).formula).includes(text.slice(1)))) cells.push(cell);
      }),
    ),
  );
  return cells;
}
