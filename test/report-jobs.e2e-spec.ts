import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import IORedis from 'ioredis';
import { binary } from './support/binary';
import { followupDocument, planDocument } from './support/documents';
import { readDocx } from './support/docx-reading';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Reports for many boards as a job off the request path (issue 11): POST answers 202 at
 * once with a status URL; the run is made board by board, its progress and files kept in
 * the database. Without REDIS_URL the app's own queue makes it; with REDIS_URL (on the
 * PostgreSQL server, which the worker must share) `node dist/worker.js` makes it.
 */

const ROOT = path.resolve(__dirname, '..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ÖFN = { code: 'ÖFN', name: 'Östermalms förvaltningsnämnd' };

/** Two boards with 2031 T1 (Äldrenämnden i Årsta and ÖFN) and a third (KUN) with only a plan. */
async function importBoards(t: TestApp): Promise<void> {
  await t.importDocument(planDocument()).expect(200);
  await t.importDocument(followupDocument()).expect(200);
  await t.importDocument(planDocument({ board: ÖFN })).expect(200);
  await t.importDocument(followupDocument({ board: ÖFN.code })).expect(200);
  await t.importDocument(planDocument({ board: { code: 'KUN', name: 'Kulturnämnden' } })).expect(200);
}

/** Polls the run's status until it is finished: a bounded number of polls, each after a short pause. */
async function finished(t: TestApp, http: () => any, statusUrl: string): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const res = await http().get(statusUrl).expect(200);
    if (res.body.state === 'done' || res.body.state === 'failed') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Körningen ${statusUrl} blev inte klar.`);
}

async function checkFiles(http: () => any, job: any): Promise<void> {
  expect(job.boards.map((b: any) => [b.code, b.state, b.files.map((f: any) => f.format)])).toEqual([
    ['ÄLN', 'done', ['xlsx', 'docx']],
    ['ÖFN', 'done', ['xlsx', 'docx']],
  ]);
  const xlsxFile = job.boards[1].files[0];
  expect(xlsxFile.fileName).toBe('Tertialrapport 1 2031 – Östermalms förvaltningsnämnd.xlsx');
  const xlsx = await http().get(xlsxFile.url).buffer(true).parse(binary).expect(200);
  expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''Tertialrapport%201%202031");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  expect(workbook.worksheets[0].name).toBe('Sammanfattning');
  expect(workbook.getWorksheet('Diagram')!.getImages().length).toBeGreaterThan(0);
  const docx = await http().get(job.boards[0].files[1].url).buffer(true).parse(binary).expect(200);
  const text = (await readDocx(docx.body as Buffer)).text;
  expect(text).toContain('Äldrenämnden i Årsta');
  expect(text).toContain('Tertialrapport 1 2031');
}

describe('Report jobs in the app’s own queue', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await importBoards(t);
  });

  afterAll(() => t?.close());

  it('answers 202 at once with a status URL, and makes every board’s files', async () => {
    const res = await t.http().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['xlsx', 'docx'] }).expect(202);
    expect(res.headers.location).toBe(`/api/report-jobs/${res.body.id}`);
    expect(res.body).toMatchObject({ year: 2031, period: 'T1', title: 'Tertialrapport 1 2031', total: 2, formats: ['xlsx', 'docx'] });
    expect(['queued', 'running', 'done']).toContain(res.body.state);
    const job = await finished(t, t.http, res.body.statusUrl);
    expect(job).toMatchObject({ state: 'done', stateLabel: 'klar', done: 2, total: 2, percent: 100, error: null });
    await checkFiles(t.http, job);
    const list = await t.http().get('/api/report-jobs').expect(200);
    expect(list.body.map((j: any) => j.id)).toContain(job.id);
  });

  it('makes only the boards asked for, and refuses a board without the period by name', async () => {
    const one = await t.http().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['xlsx'], boards: ['öfn'] }).expect(202);
    const job = await finished(t, t.http, one.body.statusUrl);
    expect(job.boards.map((b: any) => [b.code, b.state, b.files.length])).toEqual([['ÖFN', 'done', 1]]);
    const refused = await t.http().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['xlsx'], boards: ['ÖFN', 'KUN'] }).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'boards[1]', message: 'Nämnden "KUN" finns inte med tertial 1 2031, eller du får inte läsa den.' }]);
  });

  it('refuses bad requests in Swedish, naming the field, and writes no run', async () => {
    const before = (await t.http().get('/api/report-jobs').expect(200)).body.length;
    const badFormat = await t.http().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['pdf'] }).expect(400);
    expect(JSON.stringify(badFormat.body)).toContain('formats får bara innehålla xlsx och docx.');
    await t.http().post('/api/years/2031/periods/T1/report-jobs').send({ formats: [] }).expect(400);
    await t.http().post('/api/years/2031/periods/T9/report-jobs').send({ formats: ['xlsx'] }).expect(400);
    await t.http().post('/api/years/1999/periods/T1/report-jobs').send({ formats: ['xlsx'] }).expect(404);
    expect((await t.http().get('/api/report-jobs').expect(200)).body.length).toBe(before);
  });

  it('covers only the boards a person may read, and shows a run only to whoever started it', async () => {
    const controller = await t.signedInAs('kontroll-öfn', 'controller', ['ÖFN']);
    const own = await controller().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['xlsx'] }).expect(202);
    expect(own.body.boards.map((b: any) => b.code)).toEqual(['ÖFN']);
    const job = await finished(t, controller, own.body.statusUrl);
    expect(job.state).toBe('done');
    await controller().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['xlsx'], boards: ['ÄLN'] }).expect(400);

    const other = await t.signedInAs('revisor-äln', 'auditor', ['ÄLN']);
    await other().get(own.body.statusUrl).expect(404);
    await other().get(job.boards[0].files[0].url).expect(404);
    await t.anonymous().get(own.body.statusUrl).expect(401);
    await t.anonymous().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['xlsx'] }).expect(401);
    await t.http().get(own.body.statusUrl).expect(200); // an administrator sees every run
    await t.http().get('/api/report-jobs/inte-ett-id').expect(404);
    await t.http().get(`/api/report-jobs/${randomUUID()}`).expect(404);
    await t.http().get(`${own.body.statusUrl}/files/999999`).expect(404);
  });
});

const onServer = Boolean(process.env.DATABASE_URL);

(onServer ? describe : describe.skip)('Report jobs on Redis, made by npm run worker', () => {
  // The worker shares the app's PostgreSQL server; the embedded database serves only its own process.
  let t: TestApp;
  let worker: ChildProcess | null = null;
  let workerOutput = '';
  const prefix = `vu-test-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    t = await startTestApp({ redisUrl: REDIS_URL, queuePrefix: prefix, reportThreads: 1 });
    await importBoards(t);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await t?.close();
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('queues the run on Redis; the worker makes it and any app instance serves the files', async () => {
    const res = await t.http().post('/api/years/2031/periods/T1/report-jobs').send({ formats: ['xlsx', 'docx'] }).expect(202);
    // Nothing in the app makes it: it waits in the queue until a worker starts.
    const waiting = await t.http().get(res.body.statusUrl).expect(200);
    expect(waiting.body.state).toBe('queued');
    const redis = new IORedis(REDIS_URL);
    expect(await redis.exists(`${prefix}:rapportkorningar:${res.body.id}`)).toBe(1);
    await redis.quit();

    const env = { ...process.env, DATABASE_URL: t.db.config.databaseUrl!, REDIS_URL, QUEUE_PREFIX: prefix, REPORT_THREADS: '1' };
    worker = spawn(process.execPath, [path.join(ROOT, 'dist', 'worker.js')], { cwd: ROOT, env });
    worker.stdout!.on('data', (chunk) => (workerOutput += chunk));
    worker.stderr!.on('data', (chunk) => (workerOutput += chunk));
    const job = await finished(t, t.http, res.body.statusUrl);
    expect(job.state).toBe('done');
    await checkFiles(t.http, job);
    expect(workerOutput).toContain('Rapportarbetaren väntar på körningar');
  });

  it('refuses to start without the shared database and queue, in Swedish', async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'worker.js')], { cwd: ROOT, env });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(output).toContain('npm run worker behöver DATABASE_URL (den gemensamma PostgreSQL-servern) och REDIS_URL (kön)');
  });
});
