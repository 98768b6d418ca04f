import * as ExcelJS from 'exceljs';
import { RenderPool } from '../src/rendering/render-pool';
import { binary } from './support/binary';
import { startTestAppWith2017, TestApp } from './support/test-app';

/*
 * The report's heavy work (drawing the charts, writing the workbook and the Word document)
 * runs in the render pool's worker threads: the server keeps answering while a report is
 * made, and what the threads make is the real report.
 */
describe('Render pool', () => {
  let t: TestApp;
  const base = '/api/boards/SON/years/2017/periods/T1';

  beforeAll(async () => {
    t = await startTestAppWith2017({ reportThreads: 2 });
  });

  afterAll(() => t?.close());

  it('draws and writes in worker threads, not on the server thread', async () => {
    const pool = t.app.get(RenderPool);
    expect(pool.offThread).toBe(true);
    expect(pool.threads).toBe(2);
    const before = pool.completedTasks;
    const res = await t.http().get(`${base}/report.xlsx`).buffer(true).parse(binary).expect(200);
    // The chart pages dealt over two threads, then the workbook: at least three tasks.
    expect(pool.completedTasks - before).toBeGreaterThanOrEqual(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const charts = workbook.getWorksheet('Diagram');
    expect(charts).toBeDefined();
    expect(charts!.getImages().length).toBeGreaterThanOrEqual(6);
    expect(workbook.worksheets.map((s) => s.name).slice(0, 6)).toEqual(['Sammanfattning', 'Mål och indikatorer', 'Aktiviteter', 'Driftbudget', 'Verksamhetsområden', 'Diagram']);
  });

  it('keeps answering other requests while reports are made', async () => {
    let reportsDone = false;
    const reports = Promise.all([
      t.http().get(`${base}/report.xlsx`).buffer(true).parse(binary).expect(200),
      t.http().get(`${base}/report.docx`).buffer(true).parse(binary).expect(200),
    ]).then((responses) => {
      reportsDone = true;
      return responses;
    });
    // Health checks one after another until the reports are done (bounded in count).
    let answeredMeanwhile = 0;
    for (let i = 0; i < 500 && !reportsDone; i++) {
      await t.anonymous().get('/health').expect(200);
      if (!reportsDone) answeredMeanwhile += 1;
    }
    const [xlsx, docx] = await reports;
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect((xlsx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((docx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('gives each chart page back as a PNG of its stated size, from any thread', async () => {
    const res = await t.http().get(`${base}/charts/indicators.png?part=2`).buffer(true).parse(binary).expect(200);
    const png = res.body as Buffer;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBeGreaterThan(0);
    expect(png.readUInt32BE(20)).toBeGreaterThan(0);
  });
});
