import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { runCli } from './support/cli';
import { followupDocument, planDocument } from './support/documents';
import { readDocx } from './support/docx-reading';
import { startTestApp, TestApp } from './support/test-app';

/*
 * `npm run cli -- report --all`: every board's report of a year and period into a folder,
 * the boards without the period named as skipped, progress a line per file when the output
 * is not a terminal.
 */
describe('report --all on the command line', () => {
  let t: TestApp;
  let outDir: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.importDocument(planDocument()).expect(200);
    await t.importDocument(followupDocument()).expect(200);
    await t.importDocument(planDocument({ board: { code: 'ÖFN', name: 'Östermalms förvaltningsnämnd' } })).expect(200);
    await t.importDocument(followupDocument({ board: 'ÖFN' })).expect(200);
    await t.importDocument(planDocument({ board: { code: 'KUN', name: 'Kulturnämnden' } })).expect(200);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-alla-'));
  });

  afterAll(async () => {
    await t?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('writes every board’s workbook and document, names the skipped board, and shows progress', async () => {
    const dir = path.join(outDir, 'T1 2031');
    const result = await runCli(['report', '--all', '--year', '2031', '--period', 't1', '--out-dir', dir, '--format', 'xlsx,docx'], t.db.env);
    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`4 rapporter är skrivna i ${dir} (2 nämnder, xlsx och docx).`);
    expect(result.stdout).toContain('Hoppade över 1 nämnder som inte har tertial 1 2031: KUN.');
    const lines = result.stderr.trim().split('\n');
    expect(lines.map((l) => l.replace(/^\[\d\/4\] /, '')).sort()).toEqual(['ÄLN docx', 'ÄLN xlsx', 'ÖFN docx', 'ÖFN xlsx']);
    expect(lines.map((l) => /^\[(\d)\/4\]/.exec(l)?.[1])).toEqual(['1', '2', '3', '4']);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'Tertialrapport 1 2031 – Äldrenämnden i Årsta.docx',
      'Tertialrapport 1 2031 – Äldrenämnden i Årsta.xlsx',
      'Tertialrapport 1 2031 – Östermalms förvaltningsnämnd.docx',
      'Tertialrapport 1 2031 – Östermalms förvaltningsnämnd.xlsx',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'Tertialrapport 1 2031 – Östermalms förvaltningsnämnd.xlsx'));
    expect(workbook.worksheets[0].name).toBe('Sammanfattning');
    expect(workbook.getWorksheet('Diagram')!.getImages().length).toBeGreaterThan(0);
    const document = await readDocx(fs.readFileSync(path.join(dir, 'Tertialrapport 1 2031 – Äldrenämnden i Årsta.docx')));
    expect(document.text).toContain('Äldrenämnden i Årsta');
  });

  it.each([
    [['--year', '2031', '--period', 'T1'], 'Ange --out-dir.'],
    [['--year', '31', '--period', 'T1', '--out-dir', 'x'], '--year ska vara ett år med fyra siffror, inte "31".'],
    [['--year', '2031', '--period', 'T4', '--out-dir', 'x'], '--period ska vara ett av'],
    [['--year', '2031', '--period', 'T1', '--out-dir', 'x', '--format', 'pdf'], '--format ska vara xlsx, docx eller xlsx,docx, inte "pdf".'],
    [['--year', '2031', '--period', 'T1', '--out-dir', 'x', '--board', 'ÄLN'], '--all och --board går inte ihop'],
  ])('refuses %j with exit 1 and a Swedish message', async (args, message) => {
    const result = await runCli(['report', '--all', ...args], t.db.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('says so when no board has the period, with exit 1 and nothing written', async () => {
    const dir = path.join(outDir, 'VB');
    const result = await runCli(['report', '--all', '--year', '2031', '--period', 'VB', '--out-dir', dir], t.db.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Ingen nämnd har helår 2031.');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });
});
