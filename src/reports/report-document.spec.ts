import { PeriodFollowup, GoalFollowup } from '../followup/period-followup';
import { readDocx, ReadDocument } from '../../test/support/docx-reading';
import { dummyCharts, son2017T1, son2017Vb, withReliability } from '../../test/support/report-fixtures';
import { buildReportDocument } from './report-document';
import { loadReportTemplate } from './report-template';

const GENERATED_AT = new Date('2026-11-23T10:00:00Z');

function allGoals(goals: GoalFollowup[]): GoalFollowup[] {
  return goals.flatMap((g) => [g, ...allGoals(g.children)]);
}

async function build(followup: PeriodFollowup, charts = dummyCharts()): Promise<ReadDocument> {
  const template = loadReportTemplate(followup.period);
  return readDocx(await buildReportDocument({ followup, template, charts, generatedAt: GENERATED_AT }));
}

describe('the report as a Word document, Socialnämnden T1 2017', () => {
  const followup = son2017T1();
  let doc: ReadDocument;
  beforeAll(async () => {
    doc = await build(followup);
  });
  const headings = (style: string) => doc.paragraphs.filter((p) => p.style === style).map((p) => p.text);

  it('opens with the title block', () => {
    expect(doc.paragraphs.slice(0, 4).map((p) => p.text)).toEqual([
      'Socialnämnden',
      'Tertialrapport 1 2017',
      'Uppföljning januari–april 2017',
      'Skapad 23 november 2026',
    ]);
    expect(doc.paragraphs[1].style).toBe('Title');
  });

  it('has the report\'s parts as Heading 1, in the report\'s order', () => {
    expect(headings('Heading1')).toEqual([
      'Sammanfattande analys',
      'Uppföljning av Kommunfullmäktiges inriktningsmål',
      'Uppföljning av ekonomi',
      'Diagram',
    ]);
  });

  it('has every goal as a heading with its code, in tree order: aims as Heading 2, the others as Heading 3', () => {
    const goals = allGoals(followup.goals);
    expect(goals).toHaveLength(50);
    const goalHeadings = doc.paragraphs.filter((p) => goals.some((g) => p.text === `${g.code} ${g.name}`));
    expect(goalHeadings.map((p) => p.text)).toEqual(goals.map((g) => `${g.code} ${g.name}`));
    expect(goalHeadings.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([
      '1 Ett Stockholm som håller samman',
      '2 Ett klimatsmart Stockholm',
      '3 Ett ekonomiskt hållbart Stockholm',
      '4 Ett demokratiskt hållbart Stockholm',
    ]);
  });

  it('prints every goal\'s bedömning and either flag right after its heading', () => {
    const texts = doc.paragraphs.map((p) => p.text);
    for (const goal of allGoals(followup.goals).filter((g) => g.level !== 'councilAim')) {
      const at = texts.indexOf(`${goal.code} ${goal.name}`);
      const line = texts[at + 1];
      expect(line).toContain(goal.assessmentLabel);
      if (goal.flagText) expect(line).toContain(goal.flagText);
      else expect(line).not.toMatch(/Bedömningen (är mer positiv|saknar stöd)/);
    }
    // 1.2: Uppfylls helt although its indicators say delvis; 1.7: Uppfylls helt with nothing assessed behind it
    expect(texts[texts.indexOf('1.2 Tidiga sociala insatser skapar jämlika livschanser för alla') + 1]).toContain(
      'Uppfylls helt  ⚠ Bedömningen är mer positiv än indikatorerna (indikatorernas bedömning: uppfylls delvis)',
    );
    expect(doc.text.match(/Bedömningen saknar stöd i indikatorerna/g)).toHaveLength(23);
    expect(doc.text.match(/Bedömningen är mer positiv än indikatorerna/g)).toHaveLength(2);
  });

  it('prints the summary, the goal analyses with their sub-headings as headings, and förväntat resultat', () => {
    expect(doc.text).toContain('Det ekonomiska utfallet visar att nämnden har en budget i balans.');
    expect(doc.text).toContain('cirka 500 personer beräknas ha kontaktat krisstödsmottagningen.');
    expect(headings('Heading4')).toEqual(expect.arrayContaining(['Strategiskt arbete', 'Psykisk hälsa', '1.2.1 Barn som far illa eller riskerar att fara illa utvecklas gynnsamt']));
    expect(doc.paragraphs.filter((p) => p.text === 'Förväntat resultat')).toHaveLength(allGoals(followup.goals).filter((g) => g.expectedResult).length);
    for (const goal of allGoals(followup.goals).filter((g) => g.analysis)) {
      const lastParagraph = goal.analysis!.split(/\n\s*\n/).pop()!.replace(/\s*\n\s*/g, ' ').trim();
      expect(doc.text).toContain(lastParagraph.replace(/^• /, ''));
    }
  });

  it('has an indicator table under each goal with indicators, with the values as the report prints them', () => {
    const indicatorTables = doc.tables.filter((t) => t.rows[0][0] === 'Indikator');
    const goalsWithIndicators = allGoals(followup.goals).filter((g) => g.indicators.length > 0);
    expect(indicatorTables).toHaveLength(goalsWithIndicators.length);
    expect(indicatorTables[0].rows[0]).toEqual([
      'Indikator',
      'Periodens utfall',
      'Utfall män/pojkar',
      'Utfall kvinnor/flickor',
      'Periodens utfall VB 2016',
      'Prognos helår',
      'Årsmål',
      'KF:s årsmål',
      'Period',
      'Status',
    ]);
    expect(indicatorTables.every((t) => t.headerRepeats)).toBe(true);
    const rows = indicatorTables.flatMap((t) => t.rows.slice(1));
    expect(rows).toHaveLength(62);
    const row = (start: string) => rows.find((r) => r[0].startsWith(start))!;
    // SON-I09 as the real report prints it: 90 % (92 % / 88 %), VB 2016 85 %, prognos 85 %, årsmål 85 %
    expect(row('Andel barn och ungdomar som bedöms få sina behov tillgodosedda i jour')).toEqual([
      expect.any(String),
      '90\u00a0%',
      '92\u00a0%',
      '88\u00a0%',
      '85\u00a0%',
      '85\u00a0%',
      '85\u00a0%',
      '',
      'Tertial 1 2017',
      'Uppnås',
    ]);
    // I43, a range: årsmål and KF:s årsmål "±1 %"; I34 at 0,04 %, lower is better
    expect(row('Nämndens prognossäkerhet')[6]).toBe('±1\u00a0%');
    expect(rows.filter((r) => r[0].includes('(lägre är bättre)')).length).toBeGreaterThanOrEqual(4);
  });

  it('prints each indicator analysis below its table', () => {
    const analysed = allGoals(followup.goals).flatMap((g) => g.indicators).filter((i) => i.analysis);
    expect(analysed).toHaveLength(21);
    for (const indicator of analysed) expect(doc.text).toContain(`Analys – ${indicator.name}`);
  });

  it('has the activity tables, with Avvikelse empty where there is none', () => {
    const activityTables = doc.tables.filter((t) => t.rows[0][0] === 'Aktivitet');
    const rows = activityTables.flatMap((t) => t.rows.slice(1));
    expect(rows).toHaveLength(81);
    expect(activityTables[0].rows[0]).toEqual(['Aktivitet', 'Startdatum', 'Slutdatum', 'Avvikelse']);
    expect(rows.every((r) => r[3] === '')).toBe(true);
  });

  it('has the driftbudget with its riktvärde, the budget comment and the areas with Avstämningsdifferens', () => {
    expect(doc.text).toContain('Riktvärde 33,3\u00a0%');
    const accounts = doc.tables.find((t) => t.rows[0][0] === 'Kontogrupp')!;
    expect(accounts.rows.find((r) => r[0] === 'Netto')).toEqual(['Netto', '980,3', '263,2', '26,8\u00a0%', '1\u00a0215,3', '1\u00a0216,2', '316,4', '26,0\u00a0%']);
    expect(doc.text).toContain('Nämndens utfall till och med april är 316,5 mnkr');
    const areas = doc.tables.find((t) => t.rows[0][0] === 'Verksamhetsområde')!;
    expect(areas.rows.find((r) => r[0] === 'Barn och ungdom')).toEqual(['Barn och ungdom', '95,9', '81,0', '82,8', '\u22121,8', '0,0', '\u22121,8']);
    expect(areas.rows.find((r) => r[0] === 'Nämnden totalt')).toEqual(['Nämnden totalt', '924,6', '1\u00a0215,4', '1\u00a0216,1', '\u22120,7', '0,7', '0,0']);
    expect(areas.rows[areas.rows.length - 1]).toEqual(['Avstämningsdifferens', '', '\u22120,1', '0,1', '', '', '']);
  });

  it('heads each area comment with its avvikelse, and prints the sections in order', () => {
    const h3 = headings('Heading3');
    expect(h3).toEqual(expect.arrayContaining(['Barn och ungdom \u22121,8 mnkr', 'Hemlöshet och missbruk +0,7 mnkr', 'Övrig verksamhet ±0 mnkr']));
    expect(doc.text).toContain('Underskottet beror på kostnader i samband med omstrukturering av boenden');
    const economyAt = headings('Heading2').indexOf('Nämndens prognos');
    expect(headings('Heading2').slice(economyAt + 1)).toEqual([
      'Resultatenheter',
      'Investeringar',
      'Försäljningar av anläggningstillgångar',
      'Betydande projekt som inte är investeringar',
      'Omslutningsförändringar',
      'Budgetjusteringar',
      'Medel för lokaländamål',
      'Analys av balansräkning',
      'Övrigt',
    ]);
  });

  it('embeds the charts and numbers the pages', () => {
    expect(doc.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(dummyCharts().length);
    const footer = doc.files.find((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footer).toBeDefined();
    // A4 portrait for the report, A4 landscape for the charts
    const sizes = [...doc.xml.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906"/);
    expect(sizes[1]).toContain('w:orient="landscape"');
  });
});

describe('a document without texts', () => {
  it('leaves out the missing texts with their headings, never an empty heading', async () => {
    const bare = son2017T1();
    bare.texts = { summary: null, budgetComment: null, sections: [] };
    bare.budget = { ...bare.budget, areaComments: [] };
    const doc = await build(bare, []);
    const h1 = doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual(['Uppföljning av Kommunfullmäktiges inriktningsmål', 'Uppföljning av ekonomi']);
    expect(doc.paragraphs.filter((p) => p.style?.startsWith('Heading') && p.text.trim() === '')).toEqual([]);
  });
});

describe('the verksamhetsberättelse document', () => {
  it('takes its labels from the VB template', async () => {
    const doc = await build(son2017Vb(), []);
    expect(doc.paragraphs[1].text).toBe('Verksamhetsberättelse 2017');
    expect(doc.paragraphs[2].text).toBe('Helår januari–december 2017');
  });
});

describe('the verksamhetsberättelse document\'s Prognossäkerhet', () => {
  it('prints the board\'s figure per period and the indicators\' prognoses against the outcome', async () => {
    const doc = await build(withReliability(son2017Vb()), []);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain('Prognossäkerhet');
    // T1: (1 216,2 − 1 211,1) / 1 215,4 = +0,4 %; T2: 7,0 / 1 215,4 = +0,6 %.
    const board = doc.tables.find((t) => t.rows[0][0] === 'Period' && t.rows[0][4] === 'Prognossäkerhet')!;
    expect(board.rows.slice(1)).toEqual([
      ['T1', '1\u00a0216,2', '1\u00a0211,1', '5,1', '+0,4\u00a0%'],
      ['T2', '1\u00a0218,1', '1\u00a0211,1', '7,0', '+0,6\u00a0%'],
    ]);
    const indicators = doc.tables.find((t) => t.rows[0][0] === 'Indikator' && t.rows[0][2] === 'Prognos T1')!;
    expect(indicators.rows.slice(1)).toEqual([
      ['SON-I07 Andelen försökslägenheter som övergått till eget kontrakt', '25,0\u00a0%', '28,0\u00a0%', '22,0\u00a0%', '20,0\u00a0%', '+32,0\u00a0%', '+8,0\u00a0%'],
      ['SON-I08 Antal hemlösa', '2\u00a0850\u00a0st', '', '2\u00a0750\u00a0st', '2\u00a0700\u00a0st', '', '+1,8\u00a0%'],
    ]);
  });

  it('is left out without any earlier prognos', async () => {
    const doc = await build(son2017Vb(), []);
    expect(doc.paragraphs.map((p) => p.text)).not.toContain('Prognossäkerhet');
  });
});
