import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/cli';
import { readDocx } from './support/docx-reading';
import { startTestAppWith2017, TestApp } from './support/test-app';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function binary(res: any, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The Word document of SPEC 4.1 through HTTP and the command line, on the seeded 2017 data. */
describe('the report as a Word document', () => {
  let t: TestApp;
  let out: string;

  beforeAll(async () => {
    t = await startTestAppWith2017();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-docx-'));
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('GET …/report.docx downloads it under its Swedish name, with the texts, tables and charts', async () => {
    const res = await t.http().get('/api/boards/SON/years/2017/periods/T1/report.docx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain(DOCX);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Tertialrapport%201%202017%20%E2%80%93%20Socialn%C3%A4mnden.docx");
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('Sammanfattande analys');
    expect(doc.paragraphs.some((p) => p.style === 'Heading3' && p.text === 'Barn och ungdom \u22121,8 mnkr')).toBe(true);
    expect(doc.tables.find((t) => t.rows[0][0] === 'Verksamhetsområde')!.rows.at(-1)![0]).toBe('Avstämningsdifferens');
    // goal fulfilment, 4 indicator pages, budget per area, förbrukning
    expect(doc.files.filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(4);
  });

  it('answers 404 for a period without a follow-up, never an empty document', async () => {
    const res = await t.http().get('/api/boards/SON/years/2017/periods/T2/report.docx').expect(404);
    expect(res.body.message).toMatch(/Det finns ingen uppföljning för T2 2017/);
  });

  it('npm run cli -- report --format docx writes it', async () => {
    const file = path.join(out, 'T1.docx');
    const result = await runCli(['report', '--board', 'SON', '--year', '2017', '--period', 'T1', '--format', 'docx', '--out', file], t.db.env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Rapporten är skriven: .*T1\.docx\n?$/);
    const doc = await readDocx(fs.readFileSync(file));
    expect(doc.paragraphs[1].text).toBe('Tertialrapport 1 2017');
  });

  it('refuses an unknown format with a Swedish message', async () => {
    const result = await runCli(['report', '--board', 'SON', '--year', '2017', '--period', 'T1', '--format', 'pdf'], t.db.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--format ska vara xlsx eller docx, inte "pdf".');
  });
});
