import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TERTIAL_PERIODS } from '../common/period';
import { loadReportTemplate, loadReportTemplates, ReportTemplateError, reportTemplatePath, TEMPLATES_DIR } from './report-template';

type Json = Record<string, any>;

/** The shipped T1 template as parsed JSON, to break in one place per test. */
function t1Json(): Json {
  return JSON.parse(fs.readFileSync(reportTemplatePath('T1'), 'utf8'));
}

const sheet = (json: Json, name: string) => json.sheets.find((s: Json) => s.name === name);

describe('the shipped report templates', () => {
  it('are read from <project root>/templates', () => {
    expect(TEMPLATES_DIR).toBe(path.resolve(__dirname, '..', '..', 'templates'));
    expect(fs.existsSync(path.join(TEMPLATES_DIR, 'reports', 't1.json'))).toBe(true);
  });

  it('load and check for every period', () => {
    const templates = loadReportTemplates();
    expect(TERTIAL_PERIODS.map((p) => templates[p].period)).toEqual(['T1', 'T2', 'VB']);
    expect(templates.month.period).toBe('month');
    for (const period of TERTIAL_PERIODS) {
      expect(templates[period].sheets.map((s) => s.name)).toEqual([
        'Sammanfattning',
        'Mål och indikatorer',
        'Aktiviteter',
        'Driftbudget',
        'Verksamhetsområden',
        'Diagram',
        'Årsprognos månad för månad',
        'Historik',
        ...(period === 'VB' ? ['Prognossäkerhet'] : []),
      ]);
    }
  });

  it('differ between the tertials only in the period covered', () => {
    const { T1, T2 } = loadReportTemplates();
    expect(T1.titleBlock[2]).toBe('Uppföljning {periodMonths} {year}');
    expect(T2.titleBlock[2]).toBe('Uppföljning {periodMonths} {year}');
    expect(T2.sheets).toEqual(T1.sheets);
  });

  it('give every månadsrapport M01–M12 the one month template', () => {
    expect(reportTemplatePath('M09')).toBe(path.join(TEMPLATES_DIR, 'reports', 'month.json'));
    expect(reportTemplatePath('M02')).toBe(path.join(TEMPLATES_DIR, 'reports', 'month.json'));
    expect(loadReportTemplate('M11').period).toBe('month');
    expect(reportTemplatePath('T2')).toBe(path.join(TEMPLATES_DIR, 'reports', 't2.json'));
  });
});

describe('a broken template', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mallar-'));
    fs.mkdirSync(path.join(dir, 'reports'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (text: string) => fs.writeFileSync(path.join(dir, 'reports', 't1.json'), text);
  const load = () => loadReportTemplate('T1', dir);

  it('fails at load time naming the file when it is not JSON', () => {
    write('{ "period": "T1", ');
    expect(load).toThrow(ReportTemplateError);
    expect(load).toThrow(/Rapportmallen .*reports\/t1\.json är felaktig:\n- \(hela filen\): Filen är inte giltig JSON/);
  });

  it('fails naming the file when it is missing', () => {
    expect(load).toThrow(/reports\/t1\.json är felaktig:\n- \(hela filen\): Filen kan inte läsas/);
  });

  it.each<[string, (json: Json) => void, string]>([
    ['an unknown field', (j) => (sheet(j, 'Mål och indikatorer').columns[2].field = 'utfal'), 'sheets[1].columns[2].field: Måste vara ett av "goal"'],
    ['a column without a header', (j) => delete sheet(j, 'Aktiviteter').columns[1].header, 'sheets[2].columns[1].header: Fältet saknas'],
    ['a width that is not a number', (j) => (sheet(j, 'Driftbudget').columns[0].width = '36'), 'sheets[3].columns[0].width: Måste vara ett tal.'],
    ['an amount without numFmt', (j) => delete sheet(j, 'Driftbudget').columns[1].numFmt, 'sheets[3].columns[1].numFmt: Fältet saknas'],
    ['a numFmt on a text', (j) => (sheet(j, 'Sammanfattning').columns[0].numFmt = '0'), 'sheets[0].columns[0].numFmt: Fältet har inget eget talformat'],
    ['an unknown placeholder', (j) => (sheet(j, 'Driftbudget').columns[1].header = 'Budget {år}'), 'sheets[3].columns[1].header: Okänd platshållare {år}'],
    ['a misspelt key', (j) => (sheet(j, 'Driftbudget').columns[1].numfmt = '0.0'), 'sheets[3].columns[1].numfmt: Okänt fält'],
    ['a sheet name Excel refuses', (j) => (j.sheets[0].name = 'Mål/indikatorer'), 'sheets[0].name: Ett bladnamn får inte innehålla'],
    ['two sheets of one name', (j) => (j.sheets[1].name = 'Sammanfattning'), 'sheets[1].name: Bladnamnet "Sammanfattning" finns redan.'],
    ['an unknown chart', (j) => (sheet(j, 'Diagram').charts = ['pie']), 'sheets[5].charts[0]: Måste vara ett av "goal-fulfilment"'],
    ['another period', (j) => (j.period = 'T2'), 'period: Mallen gäller T2 men läses som mall för T1.'],
    [
      'a förbrukning without its budget column',
      (j) => (sheet(j, 'Driftbudget').columns = sheet(j, 'Driftbudget').columns.filter((c: Json) => c.field !== 'budget')),
      'sheets[3].columns: Kolumnen "consumption" räknas fram ur "budget", som också måste finnas med.',
    ],
    [
      'prognossäkerhet in a tertial report',
      (j) => sheet(j, 'Verksamhetsområden').columns.splice(7, 0, { header: 'Prognossäkerhet', field: 'forecastAccuracy', width: 12, numFmt: '0.0%' }),
      'sheets[4].columns[7].field: Fältet "forecastAccuracy" (prognossäkerhet mot tertialrapport 2) hör bara till verksamhetsberättelsen.',
    ],
    ['budgetföljsamhet on the utfall in T1', (j) => (sheet(j, 'Verksamhetsområden').budgetCompliance.of = 'actual'), 'sheets[4].budgetCompliance.of: I T1 räknas budgetföljsamheten på "forecast"'],
    [
      'budgetföljsamhet before the driftbudget',
      (j) => j.sheets.splice(3, 2, j.sheets[4], j.sheets[3]),
      'sheets[3].budgetCompliance: Budgetföljsamheten hämtas ur driftbudgetens nettorad',
    ],
    ['a unit without formats', (j) => delete sheet(j, 'Mål och indikatorer').indicatorFormats.days, 'sheets[1].indicatorFormats.days: Fältet saknas'],
  ])('fails at load time on %s, naming the file and the field', (_, breakIt, message) => {
    const json = t1Json();
    breakIt(json);
    write(JSON.stringify(json));
    let error: unknown;
    try {
      load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportTemplateError);
    expect((error as Error).message).toMatch(/^Rapportmallen .*reports\/t1\.json är felaktig:/);
    expect((error as Error).message).toContain(`- ${message}`);
  });
});
