import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChartDataset } from 'chart.js';
import { AssessmentOrNone } from '../goals/goal-assessment.calc';
import { GoalFollowup, IndicatorFollowup, PeriodFollowup } from '../followup/period-followup';
import { son2017Vb, withReliability, withTrend } from '../../test/support/report-fixtures';
import { CHART_KINDS } from './chart-kinds';
import { formatCount, formatDeviation, formatMnkr, formatPercent, formatShare } from './chart-format';
import {
  ASSESSMENT_COLOURS,
  chartedIndicators,
  chartSpec,
  chartSpecs,
  CHART_WIDTH,
  ChartSpec,
  INDICATORS_PER_PAGE,
  goalCountsByLevel,
  guideRateLabel,
  wrapLabel,
} from './chart-configs';

const FIXTURE = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'son-2017-t1.followup.json');

/** Socialnämnden's Tertialrapport 1 2017 as the API returns it; a fresh copy for each test. */
function son2017T1(): PeriodFollowup {
  return JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as PeriodFollowup;
}

/** Intl writes the spaces in "1 215,4" and "29,1 %" as no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

const allGoals = (goals: GoalFollowup[]): GoalFollowup[] => goals.flatMap((g) => [g, ...allGoals(g.children)]);
const allIndicators = (f: PeriodFollowup): IndicatorFollowup[] => allGoals(f.goals).flatMap((g) => g.indicators);

function datasetsOf(chart: ChartSpec): ChartDataset<'bar' | 'line', (number | null)[]>[] {
  return chart.configuration.data.datasets;
}

function dataset(chart: ChartSpec, label: string): (number | null)[] {
  const found = datasetsOf(chart).find((d) => d.label === label);
  if (!found) throw new Error(`No dataset "${label}" in ${chart.kind}`);
  return found.data;
}

/** The category labels as plain text, multi-line labels joined with a space. */
function labels(chart: ChartSpec): string[] {
  return (chart.configuration.data.labels ?? []).map((l) => plain(Array.isArray(l) ? l.join(' ') : l));
}

function subtitle(chart: ChartSpec): string[] {
  const text = chart.configuration.options?.plugins?.subtitle?.text ?? '';
  return (Array.isArray(text) ? text : [text]).map((line) => plain(String(line)));
}

function pluginIds(chart: ChartSpec): string[] {
  return (chart.configuration.plugins ?? []).map((p) => p.id);
}

/** What a value axis writes at a tick. */
function tick(chart: ChartSpec, axis: 'x' | 'y', value: number): string {
  const scale = chart.configuration.options?.scales?.[axis] as { ticks: { callback: (v: number) => string } };
  return plain(scale.ticks.callback(value));
}

function valueLabel(chart: ChartSpec, value: number): string {
  const format = chart.configuration.options?.plugins?.valueLabels?.format;
  if (!format) throw new Error(`No value labels in ${chart.kind}`);
  return plain(format(value));
}

describe('Swedish number formats', () => {
  it.each([
    ['formatShare', 0.29, formatShare(0.29), '29,0 %'],
    ['formatShare', 0.29051383399209485, formatShare(0.29051383399209485), '29,1 %'],
    ['formatShare', 1 / 3, formatShare(1 / 3), '33,3 %'],
    ['formatShare', 2 / 3, formatShare(2 / 3), '66,7 %'],
    ['formatPercent', 85, formatPercent(85), '85 %'],
    ['formatPercent', 6.2, formatPercent(6.2), '6,2 %'],
    ['formatPercent', 0.04, formatPercent(0.04), '0,04 %'],
    ['formatPercent (no decimals)', 43.1, formatPercent(43.1, 0), '43 %'],
    ['formatMnkr', 1215.4, formatMnkr(1215.4), '1 215,4'],
    ['formatMnkr', 81, formatMnkr(81), '81,0'],
    ['formatMnkr', -46.2, formatMnkr(-46.2), '−46,2'],
    ['formatDeviation', -1.8, formatDeviation(-1.8), '−1,8'],
    ['formatDeviation', 0.1, formatDeviation(0.1), '+0,1'],
    ['formatDeviation', 0, formatDeviation(0), '±0,0'],
    ['formatDeviation', -0.04, formatDeviation(-0.04), '±0,0'],
    ['formatCount', 2850, formatCount(2850), '2 850'],
  ])('%s(%p) → %p', (_name, _value, formatted, expected) => {
    expect(plain(formatted)).toBe(expected);
  });
});

describe('wrapLabel', () => {
  it.each([
    ['Taxor och avgifter', 12, 4, ['Taxor och', 'avgifter']],
    ['Personalkostnader', 12, 4, ['Personal-', 'kostnader']],
    ['Hyresintäkter', 12, 4, ['Hyres-', 'intäkter']],
    ['Netto', 12, 4, ['Netto']],
    ['Andel ungdomar som har fullföljt sin ungdomstjänst', 20, 2, ['Andel ungdomar som', 'har fullföljt sin …']],
    ['Beläggningsgraden', 10, 2, ['Beläggnin…']],
  ])('%p at %p characters, %p lines', (text, maxChars, maxLines, expected) => {
    const lines = wrapLabel(text, maxChars, maxLines);
    expect(lines).toEqual(expected);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(maxChars);
  });
});

/** T1 2017 with the year's forecast so far: February and T1, hand-made. */
function withForecastSeries(): ReturnType<typeof son2017T1> {
  const followup = son2017T1();
  followup.budget.forecastSeries = [
    { name: 'Barn och ungdom', points: [
      { period: 'M02', label: 'Feb', forecast: 82_000_000, deviation: -1_000_000 },
      { period: 'T1', label: 'T1', forecast: 82_800_000, deviation: -1_800_000 },
    ] },
    { name: 'Nämnden totalt', points: [
      { period: 'M02', label: 'Feb', forecast: 1_214_000_000, deviation: 1_400_000 },
      { period: 'T1', label: 'T1', forecast: 1_216_100_000, deviation: -700_000 },
    ] },
  ];
  return followup;
}

describe('Årsprognos månad för månad', () => {
  it('draws each line\'s avvikelse per period in mnkr, Nämnden totalt last and thickest', () => {
    const chart = chartSpec(withForecastSeries(), 'forecast-series');
    expect(chart.title).toBe('Årsprognos månad för månad');
    expect(chart.configuration.data.labels).toEqual(['Feb', 'T1']);
    const datasets = datasetsOf(chart);
    expect(datasets.map((d) => d.label)).toEqual(['Barn och ungdom', 'Nämnden totalt']);
    expect(datasets.map((d) => d.data)).toEqual([[-1, -1.8], [1.4, -0.7]]);
    expect((datasets[1] as { borderWidth?: number }).borderWidth).toBeGreaterThan((datasets[0] as { borderWidth?: number }).borderWidth!);
  });

  it('says so when no period has a prognos', () => {
    const t1 = son2017T1();
    const chart = chartSpec({ ...t1, budget: { ...t1.budget, forecastSeries: [] } }, 'forecast-series');
    expect(datasetsOf(chart)).toEqual([]);
  });
});

describe('Prognos T1 → T2 → utfall', () => {
  it('draws Nämnden totalt\'s and the most-missed indicators\' difference from the outcome per period, ending at 0', () => {
    const chart = chartSpec(withReliability(son2017Vb()), 'forecast-accuracy');
    expect(chart.title).toBe('Prognos T1 → T2 → utfall');
    expect(chart.configuration.data.labels).toEqual(['T1', 'T2', 'Utfall']);
    const datasets = datasetsOf(chart);
    expect(datasets.map((d) => d.label)).toEqual([
      'Nämnden totalt, netto (% av budget)',
      'SON-I07 Andelen försökslägenheter som övergått till eget kontrakt (% av årsmålet)',
      'SON-I08 Antal hemlösa (% av årsmålet)',
    ]);
    // Nämnden totalt: 5,1 / 1 215,4 = 0,4196 %, 7,0 / 1 215,4 = 0,5759 %.
    expect(datasets[0].data[0]).toBeCloseTo(0.4196, 4);
    expect(datasets[0].data[1]).toBeCloseTo(0.5759, 4);
    expect(datasets[0].data[2]).toBe(0);
    expect(datasets[1].data).toEqual([32, 8, 0]);
    expect(datasets[2].data[0]).toBeNull(); // no T1 prognos
    expect(datasets[2].data[1]).toBeCloseTo(1.7544, 4); // 50 / 2 850
  });

  it('says so when no earlier period had a prognos', () => {
    const chart = chartSpec(son2017Vb(), 'forecast-accuracy');
    expect(datasetsOf(chart)).toEqual([]);
  });
});

describe('Indikatorer över tid', () => {
  it('draws each flagged indicator\'s series in % of that year\'s årsmål, with its flag in the legend', () => {
    const chart = chartSpec(withTrend(son2017T1()), 'indicator-trend');
    expect(chart.title).toBe('Indikatorer över tid');
    expect(chart.configuration.data.labels).toEqual(['2015', '2016', 'T1 2017']);
    const [line] = datasetsOf(chart);
    expect(line.label).toMatch(/^SON-I07 .* – Försämring mot föregående år$/);
    expect(line.data).toEqual([120, 112, 50]); // 30, 28 and 12,5 against 25
  });

  it('says so when no indicator has a flag', () => {
    expect(datasetsOf(chartSpec(son2017T1(), 'indicator-trend'))).toEqual([]);
  });
});

describe('every chart', () => {
  const followup = withTrend(withReliability(withForecastSeries()));
  it.each(CHART_KINDS.map((kind) => [kind]))('%s: Swedish title with the report and board, white background, A4 width', (kind) => {
    const chart = chartSpec(followup, kind);
    expect(chart.kind).toBe(kind);
    expect(chart.width).toBe(CHART_WIDTH);
    expect(chart.height).toBeGreaterThan(300);
    expect(chart.configuration.options?.plugins?.title?.text).toBe(chart.title);
    expect(subtitle(chart)[0]).toBe('Tertialrapport 1 2017 – Socialnämnden');
    expect(pluginIds(chart)).toContain('whiteBackground');
    expect(datasetsOf(chart).length).toBeGreaterThan(0);
  });

  it.each([
    ['goal-fulfilment', 'Måluppfyllelse'],
    ['indicators', 'Indikatorer (1 av 6)'],
    ['budget-per-area', 'Budget och prognos per verksamhetsområde'],
    ['consumption', 'Förbrukning per kontogrupp'],
  ] as const)('%s is titled %p', (kind, title) => {
    expect(chartSpec(followup, kind).title).toBe(title);
  });
});

describe('goal-fulfilment (Måluppfyllelse)', () => {
  const followup = son2017T1();
  const chart = chartSpec(followup, 'goal-fulfilment');
  const goals = allGoals(followup.goals);
  const countOf = (level: string, assessment: AssessmentOrNone) =>
    goals.filter((g) => g.level === level && g.assessment === assessment).length;

  it('has one bar per assessed level, KF:s mål för verksamhetsområdet and Nämndmål, with the number of goals', () => {
    expect(labels(chart)).toEqual([
      'KF:s mål för verksamhetsområdet 26 mål ⚠ 1 mer positiv än indikatorerna, 10 utan stöd i indikatorerna',
      'Nämndmål 20 mål ⚠ 1 mer positiv än indikatorerna, 13 utan stöd i indikatorerna',
    ]);
  });

  it('says how many bedömningar carry each flag of SPEC 3.3', () => {
    // 1.2 and 1.2.a are more positive than their indicators; 23 bedömningar have no assessed figure behind them
    expect(subtitle(chart)[2]).toBe('Flaggade bedömningar: 2 mer positiva än indikatorerna, 23 utan stöd i indikatorerna');
  });

  it.each([
    ['Uppfylls helt', 'full', [18, 20]],
    ['Uppfylls delvis', 'partial', [1, 0]],
    ['Uppfylls inte', 'none', [0, 0]],
    ['Ej bedömd', 'notAssessed', [7, 0]],
  ] as const)('"%s" counts the goals with that bedömning at each level', (label, assessment, counts) => {
    expect(dataset(chart, label)).toEqual(counts);
    expect(counts).toEqual([countOf('councilGoal', assessment), countOf('boardGoal', assessment)]);
    const colour = datasetsOf(chart).find((d) => d.label === label)?.backgroundColor;
    expect(colour).toBe(ASSESSMENT_COLOURS[assessment]);
  });

  it('matches the fixture: 18 helt, 1 delvis, 7 ej bedömda KF-mål; 20 nämndmål helt', () => {
    expect(goalCountsByLevel(followup).map((l) => [l.level, l.counts])).toEqual([
      ['councilGoal', { full: 18, partial: 1, none: 0, notAssessed: 7 }],
      ['boardGoal', { full: 20, partial: 0, none: 0, notAssessed: 0 }],
    ]);
  });

  it('stacks the bars and counts whole goals on the axis', () => {
    const scales = chart.configuration.options?.scales;
    expect(scales?.x?.stacked).toBe(true);
    expect(scales?.y?.stacked).toBe(true);
    expect(tick(chart, 'x', 10)).toBe('10');
  });
});

describe('indicators (Indikatorer)', () => {
  const followup = son2017T1();
  const pages = chartSpecs(followup, 'indicators');
  const chart = pages[0];
  const shown = chartedIndicators(followup);
  const codes = shown.map((r) => r.indicator.code);

  /** The page and row of an indicator in the paged chart. */
  function rowOf(code: string): { page: ChartSpec; row: number } {
    for (const page of pages) {
      const row = labels(page).findIndex((l) => l.startsWith(`${code} `));
      if (row >= 0) return { page, row };
    }
    throw new Error(`${code} is in no page`);
  }

  // Worked out by hand from the 2017 data: every indicator with an utfall or a prognos, in tree
  // order on the common axis, then the shares below 10 % (I53, I54) and below 1 % (I34, I35).
  const COMMON_AXIS = [
    'SON-I02', 'SON-I03', 'SON-I07', 'SON-I09', 'SON-I10', 'SON-I11', 'SON-I12', 'SON-I13',
    'SON-I14', 'SON-I15', 'SON-I21', 'SON-I22', 'SON-I24', 'SON-I25', 'SON-I26', 'SON-I27',
    'SON-I36', 'SON-I37', 'SON-I39', 'SON-I41', 'SON-I42', 'SON-I46', 'SON-I47', 'SON-I48',
    'SON-I49', 'SON-I50', 'SON-I60', 'SON-I61',
  ];

  it('shows every indicator with an utfall or a prognos, counts and indices included', () => {
    expect(codes).toEqual([...COMMON_AXIS, 'SON-I53', 'SON-I54', 'SON-I34', 'SON-I35']);
    expect(codes).not.toContain('SON-I08'); // Antal hemlösa: only VB 2016 and an årsmål
    expect(codes).not.toContain('SON-I04'); // only an årsmål
    expect(subtitle(chart)[1]).toBe('Indikatorer med utfall eller prognos för perioden: 32 av 62');
  });

  it('runs over pages of at most eight indicators, the small shares on pages of their own', () => {
    expect(pages.map((p) => [p.part, p.parts, p.title])).toEqual([
      [1, 6, 'Indikatorer (1 av 6)'],
      [2, 6, 'Indikatorer (2 av 6)'],
      [3, 6, 'Indikatorer (3 av 6)'],
      [4, 6, 'Indikatorer (4 av 6)'],
      [5, 6, 'Indikatorer (5 av 6)'],
      [6, 6, 'Indikatorer (6 av 6)'],
    ]);
    expect(pages.map((p) => labels(p).length)).toEqual([8, 8, 8, 4, 2, 2]);
    expect(pages.flatMap((p) => labels(p).map((l) => l.split(' ')[0]))).toEqual(codes);
    expect(chartSpec(followup, 'indicators', 2).title).toBe('Indikatorer (2 av 6)');
  });

  it('fits the axis of a page of small shares to them: 0,04 % is readable', () => {
    const last = pages[5];
    expect(labels(last).map((l) => l.split(' ')[0])).toEqual(['SON-I34', 'SON-I35']);
    const x = last.configuration.options?.scales?.x as { suggestedMax?: number; grace?: string };
    expect(x.suggestedMax).toBeUndefined(); // chart.js fits the axis to the page's values
    expect(tick(last, 'x', 0.05)).toBe('0,05 %');
    expect((chart.configuration.options?.scales?.x as { suggestedMax?: number }).suggestedMax).toBe(100);
  });

  it('draws a count or an index as a share of its årsmål and says so, with the real value as label', () => {
    const { page, row } = rowOf('SON-I26'); // 649 st against an årsmål of 1 100 st, prognos 1 100 st
    expect(dataset(page, 'Periodens utfall')[row]).toBeCloseTo((649 / 1100) * 100, 9);
    expect(dataset(page, 'Årsmål')[row]).toBe(100);
    expect(labels(page)[row]).toContain('(i % av årsmålet 1 100 st)');
    const label = page.configuration.options?.plugins?.valueLabels?.label;
    const outcomeIndex = datasetsOf(page).findIndex((d) => d.label === 'Periodens utfall');
    expect(plain(label!(59, outcomeIndex, row))).toBe('649 st');
    const index = rowOf('SON-I50');
    expect(labels(index.page)[index.row]).toContain('(i % av årsmålet 80 index)');
  });

  it('marks the indicators where lower is better', () => {
    for (const code of ['SON-I34', 'SON-I35', 'SON-I53', 'SON-I54']) {
      const { page, row } = rowOf(code);
      expect(labels(page)[row]).toContain('(lägre är bättre)');
    }
    const { page, row } = rowOf('SON-I09');
    expect(labels(page)[row]).not.toContain('lägre är bättre');
    expect(labels(rowOf('SON-I53').page)[rowOf('SON-I53').row]).toBe('SON-I53 Sjukfrånvaro (lägre är bättre)');
  });

  it('colours the prognos bar by status, and says so in the legend', () => {
    const { page, row } = rowOf('SON-I13'); // prognos 83 % against 90 %: Uppnås delvis
    const forecast = datasetsOf(page).find((d) => d.label === 'Prognos helår')!;
    expect((forecast.backgroundColor as string[])[row]).toBe('#f2c500');
    expect((forecast.backgroundColor as string[])[rowOf('SON-I09').row]).toBe('#2e8540');
    const legend = (page.configuration.options?.plugins?.legend?.labels?.generateLabels as () => { text: string }[])();
    expect(legend.map((l) => l.text)).toContain('Prognos helår (färg efter status)');
  });

  it('keeps value labels off the årsmål marks', () => {
    const options = chart.configuration.options?.plugins?.valueLabels;
    const row = rowOf('SON-I09').row;
    expect(options?.obstacles?.(row)).toEqual([85]);
  });

  it.each([
    // code, periodens utfall, män/pojkar, kvinnor/flickor, prognos helår, årsmål
    ['SON-I09', 90, 92, 88, 85, 85],
    ['SON-I22', 55, 54, 57, 70, 70],
    ['SON-I53', 6.2, 5.1, 6.7, 5.5, 5.5],
    ['SON-I03', 43.1, null, null, 35, 35],
    ['SON-I47', 96, null, null, 92, 92],
    ['SON-I13', null, null, null, 83, 90],
    ['SON-I15', null, null, null, 70, null],
  ])('%s: utfall %p, män %p, kvinnor %p, prognos %p, årsmål %p', (code, outcome, men, women, forecast, target) => {
    const { page, row } = rowOf(code);
    const value = (label: string) => (datasetsOf(page).some((d) => d.label === label) ? dataset(page, label)[row] : null);
    expect(value('Periodens utfall')).toBe(outcome);
    expect(value('Utfall män/pojkar')).toBe(men);
    expect(value('Utfall kvinnor/flickor')).toBe(women);
    expect(value('Prognos helår')).toBe(forecast);
    expect(value('Årsmål')).toBe(target);
  });

  it('draws horizontal bars on a percent axis with Swedish labels', () => {
    expect(chart.configuration.options?.indexAxis).toBe('y');
    expect(tick(chart, 'x', 50)).toBe('50 %');
    expect(valueLabel(chart, 43.1)).toBe('43,1 %');
    expect(datasetsOf(chart).map((d) => d.label)).toEqual([
      'Periodens utfall',
      'Utfall män/pojkar',
      'Utfall kvinnor/flickor',
      'Prognos helår',
      'Årsmål',
    ]);
  });

  it('a page grows with its number of indicators, and one page needs no page numbers', () => {
    expect(pages[0].height - pages[3].height).toBeGreaterThan(3 * 70);
    expect(pages[0].height / 8).toBeGreaterThanOrEqual(70);
    const fewer = son2017T1();
    for (const goal of allGoals(fewer.goals)) goal.indicators = goal.indicators.filter((i) => i.code < 'SON-I10');
    const single = chartSpecs(fewer, 'indicators');
    expect(single).toHaveLength(1);
    expect(single[0].title).toBe('Indikatorer');
  });

  it('leaves out a series with no value: no prognos helår in the verksamhetsberättelse', () => {
    const vb = son2017T1();
    vb.period = 'VB';
    for (const i of allIndicators(vb)) i.forecast = null;
    const labelsVb = datasetsOf(chartSpec(vb, 'indicators')).map((d) => d.label);
    expect(labelsVb).not.toContain('Prognos helår');
    expect(labelsVb).toContain('Periodens utfall');
  });
});

describe('budget-per-area (Budget och prognos per verksamhetsområde)', () => {
  const followup = son2017T1();
  const chart = chartSpec(followup, 'budget-per-area');
  const rows = followup.budget.operatingAreaTable.rows;

  it('has one row per verksamhetsområde, labelled with its avvikelse', () => {
    expect(labels(chart)).toHaveLength(10);
    expect(labels(chart)[0]).toBe('Barn och ungdom Avvikelse −1,8 mnkr');
    expect(labels(chart)[1]).toBe('Verksamhet för personer med funktionsnedsättning Avvikelse +0,1 mnkr');
    expect(labels(chart)[4]).toBe('Insatser mot våld i nära relationer Avvikelse ±0,0 mnkr');
  });

  it.each([
    ['Barn och ungdom', 81.0, 82.8],
    ['Hemlöshet och missbruk', 274.1, 273.4],
    ['Omstrukturering', 9.0, 7.3],
  ])('%s: budget %p mnkr, prognos %p mnkr', (name, budget, forecast) => {
    const i = rows.findIndex((r) => r.name === name);
    expect(dataset(chart, 'Budget')[i]).toBeCloseTo(budget, 9);
    expect(dataset(chart, 'Prognos')[i]).toBeCloseTo(forecast, 9);
  });

  it('carries every area in mnkr: kronor / 1 000 000', () => {
    // Nämndens prognos in Tertialrapport 1 2017, area by area.
    const budget = [81.0, 145.8, 274.1, 251.5, 20.9, 85.3, 118.9, 43.5, 185.4, 9.0];
    const forecast = [82.8, 145.7, 273.4, 252.1, 20.9, 85.4, 118.9, 43.5, 186.1, 7.3];
    dataset(chart, 'Budget').forEach((value, i) => expect(value).toBeCloseTo(budget[i], 9));
    dataset(chart, 'Prognos').forEach((value, i) => expect(value).toBeCloseTo(forecast[i], 9));
    expect(dataset(chart, 'Budget')).toHaveLength(10);
  });

  it('writes amounts the Swedish way and Nämnden totalt under the title', () => {
    expect(valueLabel(chart, 81)).toBe('81,0');
    expect(valueLabel(chart, 1215.4)).toBe('1 215,4');
    expect(tick(chart, 'x', 250)).toBe('250');
    expect(subtitle(chart)[1]).toBe('Belopp i mnkr. Nämnden totalt: budget 1 215,4, prognos 1 216,1, avvikelse −0,7 mnkr');
  });
});

describe('consumption (Förbrukning per kontogrupp)', () => {
  const followup = son2017T1();
  const chart = chartSpec(followup, 'consumption');
  const table = followup.budget.accountTable;
  const rows = [...table.revenues, table.revenueSum, ...table.costs, table.costSum, table.net];
  /** A row's förbrukning in the chart, whichever series (intäkter, kostnader, summor) carries it. */
  const valueAt = (i: number) => datasetsOf(chart).map((d) => d.data[i]).find((v) => v !== null) ?? null;

  it('has the kontogrupper and the sum rows in the order of the driftbudget table', () => {
    expect(labels(chart)).toEqual([
      'Taxor och avgifter',
      'Hyres- intäkter',
      'Bidrag, ersättningar',
      'Försäljning',
      'Övriga externa intäkter',
      'Summa intäkter',
      'Personal- kostnader',
      'Lokal- kostnader',
      'Ekonomiskt bistånd',
      'Entreprenad, köp av verks, konsulter',
      'Övriga kostnader',
      'Summa kostnader',
      'Netto',
    ]);
  });

  it.each([
    ['Taxor och avgifter', 0, 29.05, '29,1 %'],
    ['Hyresintäkter', 1, 54.13, '54,1 %'],
    ['Summa intäkter', 5, 38.72, '38,7 %'],
    ['Summa kostnader', 11, 30.0, '30,0 %'],
    ['Netto', 12, 26.03, '26,0 %'],
  ])('%s (row %i): förbrukning ≈ %p %%, written %p', (name, i, percent, text) => {
    expect(rows[i].name).toBe(name);
    expect(valueAt(i)).toBeCloseTo(percent, 2);
    expect(valueLabel(chart, valueAt(i)!)).toBe(text);
  });

  it('carries every row as förbrukning × 100, in one series each', () => {
    // Utfall / budget of T1 2017 in per cent, worked out by hand: intäkter, Summa intäkter, kostnader, Summa kostnader, Netto.
    const percent = [29.05, 54.13, 39.71, 38.54, 36.62, 38.72, 31.84, 35.91, 18.56, 25.85, 32.61, 30.0, 26.03];
    expect(rows).toHaveLength(13);
    rows.forEach((_row, i) => {
      expect(valueAt(i)).toBeCloseTo(percent[i], 1);
      expect(datasetsOf(chart).filter((d) => d.data[i] !== null)).toHaveLength(1);
    });
    expect(datasetsOf(chart).map((d) => d.label)).toEqual(['Intäkter', 'Kostnader', 'Summa intäkter, Summa kostnader och Netto']);
    expect(tick(chart, 'y', 30)).toBe('30 %');
  });

  it.each([
    ['T1', 4 / 12, 33.33, 'Riktvärde 33,3 %', 'april'],
    ['T2', 8 / 12, 66.67, 'Riktvärde 66,7 %', 'augusti'],
    ['VB', 1, 100, 'Riktvärde 100,0 %', 'december'],
  ] as const)('%s: riktvärde %p, line at %p %%, "%s", utfall till och med %s', (period, rate, percent, label, month) => {
    const f = son2017T1();
    f.period = period;
    f.budget.guideRate = rate;
    const c = chartSpec(f, 'consumption');
    const guide = c.configuration.options?.plugins?.guideLine;
    expect(guide?.value).toBeCloseTo(percent, 2);
    expect(plain((guide?.label ?? []).join(' '))).toBe(label);
    expect(plain(guideRateLabel(rate).join(' '))).toBe(label);
    expect(pluginIds(c)).toContain('guideLine');
    expect(subtitle(c)[1]).toBe(`Utfall till och med ${month} 2017 i procent av årsbudgeten`);
    const max = (c.configuration.options?.scales?.y as { suggestedMax: number }).suggestedMax;
    expect(max).toBeGreaterThan(percent);
  });
});

describe('a board or period with nothing to show', () => {
  function emptied(): PeriodFollowup {
    const f = son2017T1();
    f.goals = [];
    const { operatingAreaTable, accountTable } = f.budget;
    operatingAreaTable.rows = [];
    for (const row of [...accountTable.revenues, accountTable.revenueSum, ...accountTable.costs, accountTable.costSum, accountTable.net]) {
      row.actual = null;
      row.consumption = null;
    }
    return f;
  }

  it.each([
    ['goal-fulfilment', 'Nämnden har inga mål att bedöma för perioden.'],
    ['indicators', 'Nämnden har inga indikatorer för perioden.'],
    ['budget-per-area', 'Nämnden har ingen budget per verksamhetsområde för perioden.'],
    ['consumption', 'Det finns inget utfall mot budget att redovisa för perioden.'],
  ] as const)('%s says so: %p', (kind, message) => {
    const chart = chartSpec(emptied(), kind);
    expect(datasetsOf(chart)).toHaveLength(0);
    expect(chart.configuration.options?.plugins?.emptyMessage?.text).toBe(message);
    expect(pluginIds(chart)).toEqual(expect.arrayContaining(['whiteBackground', 'emptyMessage']));
    expect(subtitle(chart)[0]).toBe('Tertialrapport 1 2017 – Socialnämnden');
  });

  it('indicators with only årsmål give the empty chart', () => {
    const f = son2017T1();
    for (const i of allIndicators(f)) Object.assign(i, { outcome: null, men: null, women: null, forecast: null });
    const chart = chartSpec(f, 'indicators');
    expect(datasetsOf(chart)).toHaveLength(0);
    const message = chart.configuration.options?.plugins?.emptyMessage?.text;
    expect(message).toBe('Inga indikatorer har utfall eller prognos för perioden.');
    expect(subtitle(chart)[1]).toBe('Indikatorer med utfall eller prognos för perioden: 0 av 62');
  });
});
