import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/cli';
import { followupDocument, Json, planDocument } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

/*
 * `npm run cli -- import-kolada` (issue 10) on a saved response of Kolada's API v2.
 * test/fixtures/kolada-0180-2031.json is written from Kolada's documented format
 * (github.com/Hypergene/kolada: /v2/data/kpi/…/municipality/…/year/…), with made-up values:
 * no real saved response was found in public material. It holds a gendered KPI, a KPI with
 * only a total, a KPI no indicator maps, another municipality and another year.
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'kolada-0180-2031.json');
const ADDRESS = ['--board', 'ÄLN', '--year', '2031', '--period', 'VB'];

function plan(): Json {
  const doc = planDocument({ koladaMunicipality: '0180' });
  doc.indicators[0].koladaKpi = 'U21468'; // ÄLN-I1, gendered share
  doc.indicators[1].koladaKpi = 'N21093'; // ÄLN-I2, a count, not gendered
  return doc;
}

describe('npm run cli -- import-kolada', () => {
  let t: TestApp;
  let tmp: string;

  const cli = (args: string[]) => runCli(args, t.db.env);
  const write = (name: string, content: unknown) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const indicators = async (): Promise<Json[]> => {
    const body = (await t.http().get(encodeURI('/api/boards/ÄLN/years/2031/periods/VB')).expect(200)).body;
    const walk = (goals: Json[]): Json[] => goals.flatMap((g) => [...g.indicators, ...walk(g.children)]);
    return walk(body.goals);
  };

  beforeAll(async () => {
    t = await startTestApp();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vu-kolada-'));
    await t.importDocument(plan()).expect(200);
    // The VB already has a prognos and an analysis for ÄLN-I1: Kolada must not erase them.
    await t.importDocument(followupDocument({ period: 'VB', indicators: [{ code: 'ÄLN-I1', forecast: 90.5, analysis: 'Nöjdheten ökar.' }] })).expect(200);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a malformed file whole, naming where, and writes nothing', async () => {
    const response = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
    response.values[1].values[0].gender = 'X';
    const before = await t.rowCounts();
    const result = await cli(['import-kolada', write('bad.json', response), ...ADDRESS]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Kolada-filen lästes inte in; ingenting har sparats.');
    expect(result.stderr).toContain('values[1].values[0].gender');
    expect(await t.rowCounts()).toEqual(before);
    const notJson = await cli(['import-kolada', write('trasig.json', '{"values": ['), ...ADDRESS]);
    expect(notJson.stderr).toContain('Filen är inte giltig JSON.');
    expect(await t.rowCounts()).toEqual(before);
  });

  it('writes the mapped indicators\' outcome, women and men, keeps the prognos and analysis, and names what it skipped', async () => {
    const result = await cli(['import-kolada', FIXTURE, ...ADDRESS]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kolada: 2 indikatorer fick värden för 0180 2031: ÄLN-I1 (U21468), ÄLN-I2 (N21093).');
    expect(result.stdout).toContain('Nyckeltal utan indikator i planen (hoppades över): N00945.');
    expect(result.stdout).toContain('2 värden för andra kommuner, enheter eller år hoppades över.');
    const values = (await indicators()).map((i) => [i.code, i.outcome, i.women, i.men, i.forecast, i.analysis]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(values).toEqual([
      ['ÄLN-I1', 88.1, 86.2, 91.4, 90.5, 'Nöjdheten ökar.'],
      ['ÄLN-I2', 118, null, null, null, null],
      ['ÄLN-I3', null, null, null, null, null],
    ]);
    const audit: Json[] = (await t.http().get(encodeURI('/api/boards/ÄLN/years/2031/audit?period=VB')).expect(200)).body.entries;
    expect(audit.filter((e) => e.objectCode === 'ÄLN-I1' && e.field === 'outcome').map((e) => [e.source, e.newValue])).toEqual([['cli', '88.1']]);
  });

  it('refuses a plan whose Kolada ids are not written as Kolada writes them', async () => {
    const doc = plan();
    doc.indicators[0].koladaKpi = 'nöjdhet';
    doc.koladaMunicipality = '180';
    const result = await cli(['import', write('fel-plan.json', doc)]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('indicators[0].koladaKpi');
    expect(result.stderr).toContain('koladaMunicipality');
  });
});
