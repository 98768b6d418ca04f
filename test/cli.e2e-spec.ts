import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/cli';
import { followupDocument, planDocument, SEEDS_DIR } from './support/documents';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { startTestApp } from './support/test-app';

const PLAN = path.join(SEEDS_DIR, 'son-2017-plan.json');
const T1 = path.join(SEEDS_DIR, 'son-2017-t1.json');

describe('npm run cli -- import', () => {
  let db: TestDatabase;
  let tmp: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-cli-'));
  });
  afterAll(async () => {
    await db?.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function write(name: string, content: unknown): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  }

  /** Socialnämnden 2017 in the shared database (a second import changes nothing). */
  async function importSon2017(): Promise<void> {
    for (const file of [PLAN, T1]) expect((await runCli(['import', file], db.env)).code).toBe(0);
  }

  it('accepts the plan and then the T1 follow-up, with a Swedish summary and exit 0', async () => {
    const own = await createTestDatabase(); // "nya" needs a database where nothing is imported yet
    try {
      const plan = await runCli(['import', PLAN], own.env);
      expect(plan).toMatchObject({ code: 0, stderr: '' });
      expect(plan.stdout).toMatch(/Verksamhetsplanen 2017 för Socialnämnden \(SON\) är importerad\.\n\s+Mål \(alla nivåer\): 50 nya\n\s+Indikatorer: 62 nya/);
      const t1 = await runCli(['import', T1], own.env);
      expect(t1.code).toBe(0);
      expect(t1.stdout).toMatch(/Uppföljningen för tertial 1 2017 \(T1\) för Socialnämnden \(SON\) är importerad\./);
      expect(t1.stdout).toMatch(/Målbedömningar: 39 nya/);
    } finally {
      await own.dispose();
    }
  });

  it('says so when the same file changes nothing', async () => {
    await importSon2017();
    const again = await runCli(['import', T1], db.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Indikatorer: 62 oförändrade/);
  });

  it('refuses a broken document with exit 1, every error listed, and nothing written', async () => {
    await runCli(['import', write('plan.json', planDocument())], db.env);
    const broken = followupDocument();
    broken.indicators[0].men = 120;
    broken.indicators[1].code = 'ÄLN-I42';
    broken.activities[0].deviation = 'ja';
    const result = await runCli(['import', write('trasig.json', broken)], db.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Dokumentet importerades inte. Ingenting har sparats.\n' + '  - activities[0].deviation: Måste vara true eller false.\n',
    );
    // The shape errors come first; once the shape is right, the plan rules speak.
    broken.activities[0].deviation = true;
    const second = await runCli(['import', write('trasig.json', broken)], db.env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('  - indicators[0].men: En andel i procent måste ligga mellan 0 och 100, inte 120.');
    expect(second.stderr).toContain('  - indicators[1].code: Indikatorn "ÄLN-I42" finns inte i planen för Äldrenämnden i Årsta 2031.');

    // Nothing of the refused follow-up exists: the year has no period yet.
    const lock = await runCli(['unlock', '--board', 'ÄLN', '--year', '2031', '--period', 'T1', '--reason', 'Prov'], db.env);
    expect(lock.code).toBe(1);
    expect(lock.stderr).toMatch(/Det finns ingen uppföljning för T1 \(tertial 1 2031\)/);
  });

  it.each([
    ['malformed JSON', '{"kind": "plan", }', /inte giltig JSON \(rad 1, kolumn 18\)/],
    ['a file that is not JSON', 'Nämnd;År\nSON;2017', /inte ett JSON-dokument/],
    ['an empty file', '', /Filen är tom/],
  ])('refuses %s with a Swedish message and no stack trace', async (_label, content, message) => {
    const result = await runCli(['import', write('fel.json', content)], db.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it.each([
    [['import', '/finns/inte.json'], /Filen \/finns\/inte\.json finns inte\./],
    [['import'], /Ange en fil att importera/],
    [['importera', 'x.json'], /Okänt kommando "importera"/],
    [['lock', '--board', 'SON', '--year', '17', '--period', 'T1'], /--year ska vara ett år med fyra siffror/],
    [['lock', '--board', 'SON', '--year', '2017', '--period', 'T5'], /--period ska vara ett av T1, T2, VB/],
    [['lock', '--board', 'SON', '--year', '2017'], /Ange --period/],
    [['lock', '--board', 'SON', '--year', '2017', '--period', 'T1', '--force'], /Okänd flagga: --force/],
  ])('%j → exit 1 with %p', async (args, message) => {
    const result = await runCli(args, db.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('locks (approves) and unlocks (reopens, with a reason) a period', async () => {
    await importSon2017();
    expect(await runCli(['lock', '--board', 'SON', '--year', '2017', '--period', 't1'], db.env)).toMatchObject({
      code: 0,
      stdout: 'Perioden T1 2017 för SON är godkänd och låst.\n',
    });
    const refused = await runCli(['import', T1], db.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Perioden T1 \(tertial 1 2017\) för Socialnämnden är godkänd \(låst\)/);
    const noReason = await runCli(['unlock', '--board', 'SON', '--year', '2017', '--period', 'T1'], db.env);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/Ange varför perioden öppnas igen: --reason/);
    expect((await runCli(['unlock', '--board', 'SON', '--year', '2017', '--period', 'T1', '--reason', 'Rättelse av prognos'], db.env)).code).toBe(0);
  });

  it('seed loads the demo data through the same import (plan first, then T1)', async () => {
    const result = await runCli(['seed'], db.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Verksamhetsplanen 2017 för Socialnämnden \(SON\) är importerad\.[\s\S]*\nUppföljningen för tertial 1 2017 \(T1\) för Socialnämnden \(SON\) är importerad\./);
  });

  it('prints its help', async () => {
    const result = await runCli(['help'], db.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/import <fil\.json>/);
  });
});

describe('the command line beside a running server', () => {
  it('goes through the server that holds the database, and the server sees the import at once', async () => {
    const t = await startTestApp();
    try {
      const result = await runCli(['import', PLAN], t.db.env);
      expect(result).toMatchObject({ code: 0 });
      const boards = (await t.http().get('/api/boards').expect(200)).body;
      expect(boards.map((b: any) => b.code)).toEqual(['SON']);
      if (t.db.kind === 'embedded') {
        // The server still holds the data folder: its lock names this process.
        const lock = JSON.parse(fs.readFileSync(path.join(t.db.config.dataDir, 'uppfoljning.lock'), 'utf8'));
        expect(lock).toMatchObject({ pid: process.pid, shared: true });
      }
    } finally {
      await t.close();
    }
  });
});
