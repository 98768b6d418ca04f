import type { ChartConfiguration, ChartDataset, ChartOptions, Plugin } from 'chart.js';
import { kronorToMnkr } from '../common/money';
import { monthsElapsed, PERIODS, periodShortLabel } from '../common/period';
import { indicatorsThatMovedMost } from '../followup/forecast-reliability.calc';
import { AccountRow } from '../budget/budget.calc';
import { ASSESSMENT_LABELS, AssessmentOrNone } from '../goals/goal-assessment.calc';
import { GoalLevel } from '../goals/goal.entity';
import { GoalFollowup, IndicatorFollowup, PeriodFollowup } from '../followup/period-followup';
import { AnyChartKind, ChartKind } from './chart-kinds';
import type { BoardComparison } from '../comparison/board-comparison.calc';
import { clean } from '../common/decimal';
import { AssessmentFlag, formatIndicatorValue, LOWER_IS_BETTER_TEXT, UNIT_LABELS } from '../common/vocabulary';
import { IndicatorStatus } from '../indicators/indicator-status.calc';
import { formatCount, formatDeviation, formatMnkr, formatPercent, formatShare } from './chart-format';
import { emptyMessage, FONT_FAMILY, guideLine, legendMargin, TEXT_COLOUR, valueLabels, whiteBackground } from './chart-plugins';

/*
 * The chart.js configurations of the report charts (SPEC 5), built from an already computed
 * PeriodFollowup. Pure: no Nest, no canvas. Sized for a page of A4 landscape: 1 600 px wide,
 * with fonts that stay readable when the image is printed at that width.
 */

/** A category label; an array is written as several lines. */
export type ChartLabel = string | string[];
export type ReportChartConfiguration = ChartConfiguration<'bar' | 'line', (number | null)[], ChartLabel>;
type PluginOptions = NonNullable<ChartOptions<'bar' | 'line'>['plugins']>;

/** Everything needed to render one chart: what it is, its caption, its size and its configuration. */
export interface ChartSpec {
  kind: AnyChartKind;
  /** Swedish caption, e.g. "Måluppfyllelse" or "Indikatorer (2 av 3)"; the image's own title adds the report and the board. */
  title: string;
  /** Which page of the chart this is (1-based), for a chart that runs over several pages. */
  part: number;
  /** How many pages the chart has; 1 for every chart but a long indicator chart. */
  parts: number;
  width: number;
  height: number;
  configuration: ReportChartConfiguration;
}

export const CHART_WIDTH = 1600;

const FONT_SIZE = { title: 30, subtitle: 20, legend: 20, ticks: 19, categoryTicks: 17, values: 17, message: 24 } as const;
const GRID_COLOUR = '#d9d9d9';

/** Traffic-light colours of a bedömning, as the city's reports mark goals. */
export const ASSESSMENT_COLOURS: Record<AssessmentOrNone, string> = {
  full: '#2e8540',
  partial: '#f2c500',
  none: '#c8102e',
  notAssessed: '#a6a6a6',
};
const ASSESSMENT_ORDER: AssessmentOrNone[] = ['full', 'partial', 'none', 'notAssessed'];

/** The goal levels a board assesses; KF:s inriktningsmål carry no bedömning of their own. */
const ASSESSED_LEVELS: GoalLevel[] = ['councilGoal', 'boardGoal'];

const COLOURS = {
  outcome: '#0b4f8a',
  men: '#3a9bd9',
  women: '#e08a00',
  forecast: '#9a9a9a',
  target: '#000000',
  budget: '#0b4f8a',
  areaForecast: '#e08a00',
  revenue: '#2a9d8f',
  cost: '#3a7cc0',
  sum: '#1d3557',
  guide: '#c8102e',
} as const;

const MONTH_NAMES = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
];

function font(size: number, weight: 'normal' | 'bold' = 'normal') {
  return { family: FONT_FAMILY, size, weight };
}

/** "Tertialrapport 1 2017 – Socialnämnden": the line under every chart's title. */
function reportLine(followup: PeriodFollowup): string {
  return `${followup.title} – ${followup.board.name}`;
}

/**
 * The last parts of the Swedish compounds that name the city's kontogrupper. A compound too
 * long for its line is broken before them with a hyphen ("Personal-" / "kostnader"), as a
 * typesetter would.
 */
const COMPOUND_TAILS = ['kostnader', 'intäkter', 'avgifter', 'ersättningar'];

function splitCompound(word: string, maxChars: number): string[] {
  if (word.length <= maxChars) return [word];
  const tail = COMPOUND_TAILS.find((t) => word.toLowerCase().endsWith(t) && word.length - t.length >= 3);
  return tail === undefined ? [word] : [`${word.slice(0, word.length - tail.length)}-`, word.slice(word.length - tail.length)];
}

function truncate(line: string, maxChars: number): string {
  return line.length <= maxChars ? line : `${line.slice(0, maxChars - 1).trimEnd()}…`;
}

/**
 * Splits a label into lines of at most `maxChars` characters at spaces (and within the
 * compounds above), at most `maxLines` lines; what does not fit is cut with "…". Long names
 * stay readable on a category axis.
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= maxChars) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    const parts = splitCompound(word, maxChars);
    lines.push(...parts.slice(0, -1));
    current = parts[parts.length - 1];
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines.map((line) => truncate(line, maxChars));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} …`, maxChars);
  return kept;
}

/** Title, subtitle, legend and (no) tooltips: the same on every chart. */
function commonPlugins(title: string, subtitle: string[], legend: boolean) {
  return {
    title: {
      display: true,
      text: title,
      align: 'start',
      color: TEXT_COLOUR,
      font: font(FONT_SIZE.title, 'bold'),
      padding: { top: 0, bottom: 6 },
    },
    subtitle: {
      display: true,
      text: subtitle,
      align: 'start',
      color: TEXT_COLOUR,
      font: font(FONT_SIZE.subtitle),
      padding: { bottom: 18 },
    },
    legend: {
      display: legend,
      position: 'top',
      align: 'start',
      labels: { color: TEXT_COLOUR, font: font(FONT_SIZE.legend), boxWidth: 30, boxHeight: 20, padding: 24 },
    },
    legendMargin: { bottom: 12 },
    tooltip: { enabled: false },
  } satisfies PluginOptions;
}

const PADDING = { top: 20, right: 48, bottom: 16, left: 20 };

/** The linear value axis: gridlines, Swedish tick labels and an axis title. */
function valueAxis(title: string | null, format: (value: number) => string) {
  return {
    beginAtZero: true,
    ticks: { color: TEXT_COLOUR, font: font(FONT_SIZE.ticks), callback: (value: number | string) => format(Number(value)) },
    title: { display: title !== null, text: title ?? '', color: TEXT_COLOUR, font: font(FONT_SIZE.ticks) },
    grid: { color: GRID_COLOUR },
  };
}

/** The category axis of a horizontal bar chart: every label shown, left-aligned, rows separated by lines. */
const ROWS_AXIS = {
  ticks: { color: TEXT_COLOUR, font: font(FONT_SIZE.categoryTicks), autoSkip: false, crossAlign: 'far' },
  grid: { color: GRID_COLOUR, offset: true, drawTicks: false },
} as const;

const COMMON_PLUGINS: Plugin[] = [whiteBackground, legendMargin];

function spec(kind: AnyChartKind, title: string, height: number, configuration: ReportChartConfiguration, part = 1, parts = 1): ChartSpec {
  return { kind, title, part, parts, width: CHART_WIDTH, height, configuration };
}

/** A chart with only its title and a message, for a board or period with nothing to show. */
function emptySpec(kind: AnyChartKind, title: string, subtitle: string[], message: string): ChartSpec {
  return spec(kind, title, 420, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      layout: { padding: PADDING },
      plugins: { ...commonPlugins(title, subtitle, false), emptyMessage: { text: message, fontSize: FONT_SIZE.message } },
      scales: { x: { display: false }, y: { display: false } },
    },
    plugins: [whiteBackground, emptyMessage],
  });
}

function walkGoals(goals: GoalFollowup[]): GoalFollowup[] {
  return goals.flatMap((goal) => [goal, ...walkGoals(goal.children)]);
}

/** Goals per bedömning at one level of the goal tree. */
export interface LevelCounts {
  level: GoalLevel;
  levelLabel: string;
  total: number;
  counts: Record<AssessmentOrNone, number>;
  /** How many bedömningar at the level carry each flag of SPEC 3.3. */
  flags: Record<AssessmentFlag, number>;
}

/**
 * How many KF:s mål för verksamhetsområdet and how many nämndmål the board has assessed as
 * Uppfylls helt, delvis or inte, or left Ej bedömd. Levels without goals are left out.
 */
export function goalCountsByLevel(followup: PeriodFollowup): LevelCounts[] {
  const goals = walkGoals(followup.goals);
  return ASSESSED_LEVELS.flatMap((level) => {
    const atLevel = goals.filter((g) => g.level === level);
    if (atLevel.length === 0) return [];
    const counts: Record<AssessmentOrNone, number> = { full: 0, partial: 0, none: 0, notAssessed: 0 };
    const flags: Record<AssessmentFlag, number> = { morePositive: 0, unsupported: 0 };
    for (const goal of atLevel) {
      counts[goal.assessment] += 1;
      if (goal.flag) flags[goal.flag] += 1;
    }
    return [{ level, levelLabel: atLevel[0].levelLabel, total: atLevel.length, counts, flags }];
  });
}

/** "2 mer positiva än indikatorerna, 23 utan stöd i indikatorerna" (only the flags that occur). */
export function flagSummary(flags: Record<AssessmentFlag, number>): string {
  const parts = [
    flags.morePositive > 0 ? `${formatCount(flags.morePositive)} mer positiv${flags.morePositive === 1 ? '' : 'a'} än indikatorerna` : null,
    flags.unsupported > 0 ? `${formatCount(flags.unsupported)} utan stöd i indikatorerna` : null,
  ];
  return parts.filter((p): p is string => p !== null).join(', ');
}

/**
 * "Måluppfyllelse": one stacked bar per goal level (KF:s mål för verksamhetsområdet,
 * nämndmål), split by the board's bedömning in traffic-light colours (Uppfylls helt green,
 * delvis yellow, inte red, Ej bedömd grey), with the number of goals written in each part.
 */
export function goalFulfilmentChart(followup: PeriodFollowup): ChartSpec {
  const title = 'Måluppfyllelse';
  const subtitle = [reportLine(followup), 'Antal mål per bedömning och målnivå'];
  const levels = goalCountsByLevel(followup);
  const flagged = (flag: AssessmentFlag) => levels.reduce((n, l) => n + l.flags[flag], 0);
  if (flagged('morePositive') + flagged('unsupported') > 0) {
    subtitle.push(`Flaggade bedömningar: ${flagSummary({ morePositive: flagged('morePositive'), unsupported: flagged('unsupported') })}`);
  }
  if (levels.length === 0) return emptySpec('goal-fulfilment', title, subtitle, 'Nämnden har inga mål att bedöma för perioden.');

  const datasets: ChartDataset<'bar', number[]>[] = ASSESSMENT_ORDER.map((assessment) => ({
    type: 'bar',
    label: ASSESSMENT_LABELS[assessment],
    data: levels.map((l) => l.counts[assessment]),
    backgroundColor: ASSESSMENT_COLOURS[assessment],
    borderColor: '#ffffff',
    borderWidth: { right: 2, left: 0, top: 0, bottom: 0 },
    borderSkipped: false,
    maxBarThickness: 90,
  }));
  const onLightColour = new Set<AssessmentOrNone>(['partial', 'notAssessed']);
  const countAxis = valueAxis('Antal mål', formatCount);
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    layout: { padding: PADDING },
    plugins: {
      ...commonPlugins(title, subtitle, true),
      valueLabels: {
        format: formatCount,
        position: 'center',
        fontSize: FONT_SIZE.ticks,
        insideColour: (i) => (onLightColour.has(ASSESSMENT_ORDER[i]) ? TEXT_COLOUR : '#ffffff'),
      },
    },
    scales: {
      x: { ...countAxis, stacked: true, ticks: { ...countAxis.ticks, precision: 0 } },
      y: { stacked: true, ticks: { color: TEXT_COLOUR, font: font(FONT_SIZE.ticks), autoSkip: false }, grid: { display: false } },
    },
  };
  return spec('goal-fulfilment', title, 340 + 150 * levels.length, {
    type: 'bar',
    data: {
      labels: levels.map((l) => [
        l.levelLabel,
        `${formatCount(l.total)} mål`,
        ...(l.flags.morePositive + l.flags.unsupported > 0 ? wrapLabel(`⚠ ${flagSummary(l.flags)}`, 40, 2) : []),
      ]),
      datasets,
    },
    options,
    plugins: [...COMMON_PLUGINS, valueLabels],
  });
}

/** Traffic-light colours of an indicator's status, the same lights as the bedömningar. */
export const STATUS_COLOURS: Record<IndicatorStatus, string> = {
  achieved: ASSESSMENT_COLOURS.full,
  partial: ASSESSMENT_COLOURS.partial,
  notAchieved: ASSESSMENT_COLOURS.none,
  notAssessed: ASSESSMENT_COLOURS.notAssessed,
};

/**
 * One row of the indicator chart. A percent indicator is drawn as it is; any other unit
 * (st, index, dagar, kr) as a share of its own reference, so that counts of 2 850 and
 * indices of 80 share a percent axis with shares: the årsmål when it has one (the årsmål
 * then sits at 100 %), otherwise the previous year's outcome, otherwise its own largest value.
 */
export interface ChartedIndicator {
  indicator: IndicatorFollowup;
  /** What 100 % stands for, in the indicator's unit; null for a percent indicator. */
  reference: number | null;
  referenceLabel: string | null;
  /**
   * Which axis the indicator is drawn on: 0 the common 0–100 % axis; 1 a percent indicator
   * whose values and target all lie below 10 %; 2 below 1 %. Tiers 1 and 2 get pages of
   * their own with an axis fitted to them, so that 0,04 % is as readable as 85 %.
   */
  tier: number;
}

/** The upper bounds of the small-share tiers, in percent. */
const SMALL_SHARE_TIERS = [10, 1];

function indicatorValues(i: IndicatorFollowup): (number | null)[] {
  return [i.outcome, i.genderSplit ? i.men : null, i.genderSplit ? i.women : null, i.forecast];
}

function chartedIndicator(indicator: IndicatorFollowup): ChartedIndicator {
  const values = indicatorValues(indicator).filter((v): v is number => v !== null);
  if (indicator.unit === 'percent') {
    const extent = Math.max(...[...values, indicator.annualTarget ?? 0].map(Math.abs));
    return { indicator, reference: null, referenceLabel: null, tier: SMALL_SHARE_TIERS.filter((bound) => extent < bound).length };
  }
  const unit = UNIT_LABELS[indicator.unit];
  const show = (v: number) => formatIndicatorValue(v, indicator.unit, indicator.decimals);
  if (indicator.annualTarget !== null && indicator.annualTarget > 0) {
    return { indicator, reference: indicator.annualTarget, referenceLabel: `i % av årsmålet ${show(indicator.annualTarget)}`, tier: 0 };
  }
  if (indicator.previousYearOutcome !== null && indicator.previousYearOutcome > 0) {
    return { indicator, reference: indicator.previousYearOutcome, referenceLabel: `i % av utfallet året innan, ${show(indicator.previousYearOutcome)}`, tier: 0 };
  }
  const largest = Math.max(...values.map(Math.abs));
  return { indicator, reference: largest > 0 ? largest : 1, referenceLabel: `i % av största värdet (${unit})`, tier: 0 };
}

/**
 * The indicators the indicator chart shows: every indicator with a periodens utfall, an
 * utfall per kön or a prognos helår (an årsmål alone says nothing about the period), in the
 * order of the goal tree; first those on the common axis, then the small shares on theirs.
 */
export function chartedIndicators(followup: PeriodFollowup): ChartedIndicator[] {
  const rows = walkGoals(followup.goals)
    .flatMap((goal) => goal.indicators)
    .filter((i) => indicatorValues(i).some((v) => v !== null))
    .map(chartedIndicator);
  return [0, 1, 2].flatMap((tier) => rows.filter((r) => r.tier === tier));
}

/** "SON-I09 Andel barn och ungdomar som …": code and name on at most two lines, then what the scale and direction are. */
function indicatorLabel(row: ChartedIndicator): string[] {
  const { indicator } = row;
  const notes = [row.referenceLabel, indicator.direction === 'decrease' ? LOWER_IS_BETTER_TEXT : null].filter((n): n is string => n !== null);
  const name = wrapLabel(`${indicator.code} ${indicator.name.trim().replace(/\.$/, '')}`, 48, 2);
  return notes.length > 0 ? [...name, ...wrapLabel(`(${notes.join('; ')})`, 52, 2)] : name;
}

const INDICATOR_ROW_HEIGHT = 96;

/**
 * Indicators per page of the indicator chart: eight rows make an image of about 1 600 ×
 * 1 100 px, which fills an A4 landscape page at a scale where the text stays readable,
 * so that a board with 150 indicators gets readable pages instead of one image metres long.
 */
export const INDICATORS_PER_PAGE = 8;

/** The pages of the indicator chart: the common axis's rows, then the small shares', each in pages of eight. */
function indicatorPages(followup: PeriodFollowup): ChartedIndicator[][] {
  const rows = chartedIndicators(followup);
  const pagesOf = (group: ChartedIndicator[]) =>
    Array.from({ length: Math.ceil(group.length / INDICATORS_PER_PAGE) }, (_, i) => group.slice(i * INDICATORS_PER_PAGE, (i + 1) * INDICATORS_PER_PAGE));
  return [0, 1, 2].flatMap((tier) => pagesOf(rows.filter((r) => r.tier === tier)));
}

/** How many pages the indicator chart has (at least one, which may say there is nothing to show). */
export function indicatorPageCount(followup: PeriodFollowup): number {
  return Math.max(1, indicatorPages(followup).length);
}

const INDICATOR_SERIES: { label: string; colour: string; value: (i: IndicatorFollowup) => number | null; compared: 'outcome' | 'forecast' | null }[] = [
  { label: 'Periodens utfall', colour: COLOURS.outcome, value: (i) => i.outcome, compared: 'outcome' },
  { label: 'Utfall män/pojkar', colour: COLOURS.men, value: (i) => (i.genderSplit ? i.men : null), compared: null },
  { label: 'Utfall kvinnor/flickor', colour: COLOURS.women, value: (i) => (i.genderSplit ? i.women : null), compared: null },
  { label: 'Prognos helår', colour: COLOURS.forecast, value: (i) => i.forecast, compared: 'forecast' },
];

/**
 * "Indikatorer": per indicator the periodens utfall, the utfall for män/pojkar and
 * kvinnor/flickor beside it when the indicator is könsuppdelat, the prognos helår, and the
 * årsmål as a black mark across the row. The bar of the value held against the årsmål
 * (prognos in T1/T2, utfall in VB) carries the status colour. Horizontal bars, one row per
 * indicator, at most INDICATORS_PER_PAGE to a page; `part` chooses the page. A page of
 * small shares has an axis fitted to them. A series without any value is left out.
 */
export function indicatorsChart(followup: PeriodFollowup, part = 1): ChartSpec {
  const total = walkGoals(followup.goals).reduce((n, goal) => n + goal.indicators.length, 0);
  const pages = indicatorPages(followup);
  const charted = pages.reduce((n, p) => n + p.length, 0);
  const parts = Math.max(1, pages.length);
  const title = parts > 1 ? `Indikatorer (${part} av ${parts})` : 'Indikatorer';
  if (total === 0) return emptySpec('indicators', title, [reportLine(followup)], 'Nämnden har inga indikatorer för perioden.');
  const subtitle = [reportLine(followup), `Indikatorer med utfall eller prognos för perioden: ${charted} av ${total}`];
  if (charted === 0) {
    return emptySpec('indicators', title, subtitle, 'Inga indikatorer har utfall eller prognos för perioden.');
  }
  const rows = pages[part - 1];
  const small = rows[0].tier > 0;
  const compared = followup.period === 'VB' ? 'outcome' : 'forecast';
  const comparedLabel = INDICATOR_SERIES.find((s) => s.compared === compared)!.label.toLowerCase();
  subtitle.push(
    small
      ? `Små andelar, på en egen skala. Färgen på ${comparedLabel} visar status: grön uppnås, gul delvis, röd uppnås inte, grå ej bedömd`
      : `Andelar i procent; antal, index, dagar och kronor i procent av sitt årsmål. Färgen på ${comparedLabel} visar status: grön uppnås, gul delvis, röd uppnås inte, grå ej bedömd`,
  );
  const scaled = (row: ChartedIndicator, value: number | null) =>
    value === null ? null : row.reference === null ? value : clean((value / row.reference) * 100);

  const series = INDICATOR_SERIES.map((s) => ({ ...s, raw: rows.map((r) => s.value(r.indicator)) })).filter((s) => s.raw.some((v) => v !== null));
  const bars: ChartDataset<'bar', (number | null)[]>[] = series.map((s) => ({
    type: 'bar',
    label: s.label,
    data: rows.map((r, i) => scaled(r, s.raw[i])),
    backgroundColor: s.compared === compared ? rows.map((r) => STATUS_COLOURS[r.indicator.status]) : s.colour,
    skipNull: true,
    maxBarThickness: 18,
    categoryPercentage: 0.92,
    barPercentage: 0.95,
    pointStyle: 'rect',
  }));
  const targets = rows.map((r) => scaled(r, r.indicator.annualTarget));
  const targetMarks: ChartDataset<'line', (number | null)[]> = {
    type: 'line',
    label: 'Årsmål',
    data: targets,
    // Drawn over the bars (a lower order is drawn later).
    order: -1,
    showLine: false,
    pointStyle: 'line',
    pointRotation: 90,
    pointRadius: INDICATOR_ROW_HEIGHT * 0.4,
    pointBorderWidth: 4,
    borderColor: COLOURS.target,
    backgroundColor: COLOURS.target,
  };
  // Each label writes the value as the report does ("2 420 st", "0,04 %"), whatever the bar's scale.
  const labelOf = (_value: number, datasetIndex: number, index: number) => {
    const raw = series[datasetIndex]?.raw[index];
    const indicator = rows[index].indicator;
    return raw === null || raw === undefined ? '' : formatIndicatorValue(raw, indicator.unit, indicator.decimals);
  };
  const common = commonPlugins(title, subtitle, true);
  const axis = valueAxis('Procent', (v) => formatPercent(v, small ? 2 : 0));
  // The legend shows each series in its own colour, also the one whose bars carry the status colours.
  const legendItems = [
    ...series.map((s, datasetIndex) => ({
      text: s.compared === compared ? `${s.label} (färg efter status)` : s.label,
      fillStyle: s.colour,
      strokeStyle: s.colour,
      lineWidth: 0,
      pointStyle: 'rect' as const,
      datasetIndex,
      hidden: false,
    })),
    ...(targets.some((t) => t !== null)
      ? [{ text: 'Årsmål', fillStyle: COLOURS.target, strokeStyle: COLOURS.target, lineWidth: 4, pointStyle: 'line' as const, rotation: 90, datasetIndex: series.length, hidden: false }]
      : []),
  ];
  return spec('indicators', title, 360 + INDICATOR_ROW_HEIGHT * rows.length, {
    type: 'bar',
    data: {
      labels: rows.map(indicatorLabel),
      datasets: targets.some((t) => t !== null) ? [...bars, targetMarks] : bars,
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { ...PADDING, right: 130 } },
      plugins: {
        ...common,
        legend: {
          ...common.legend,
          // Årsmål is drawn over the bars (order −1) but listed after them, in dataset order.
          labels: { ...common.legend.labels, usePointStyle: true, generateLabels: () => legendItems },
        },
        valueLabels: {
          format: (v) => formatPercent(v),
          label: labelOf,
          position: 'end',
          fontSize: FONT_SIZE.values,
          obstacles: (index) => (targets[index] === null ? [] : [targets[index]!]),
        },
      },
      scales: {
        x: small ? { ...axis, grace: '12%' } : { ...axis, suggestedMax: 100, grace: '5%' },
        y: ROWS_AXIS,
      },
    },
    plugins: [...COMMON_PLUGINS, valueLabels],
  }, part, parts);
}

/** Whole kronor as mnkr, or null. */
function mnkr(kronor: number | null): number | null {
  return kronor === null ? null : kronorToMnkr(kronor);
}

/**
 * "Budget och prognos per verksamhetsområde": the year's budget beside the prognos for each
 * verksamhetsområde, in mnkr, each labelled with its avvikelse (budget − prognos: plus is a
 * surplus, minus an overspend). Nämnden totalt is written under the title rather than drawn,
 * as its bar would dwarf every area.
 */
export function budgetPerAreaChart(followup: PeriodFollowup): ChartSpec {
  const title = 'Budget och prognos per verksamhetsområde';
  const { rows, total } = followup.budget.operatingAreaTable;
  const totals = [
    total.budget === null ? null : `budget ${formatMnkr(kronorToMnkr(total.budget))}`,
    total.forecast === null ? null : `prognos ${formatMnkr(kronorToMnkr(total.forecast))}`,
    total.deviation === null ? null : `avvikelse ${formatDeviation(kronorToMnkr(total.deviation))}`,
  ].filter((part): part is string => part !== null);
  const subtitle = [
    reportLine(followup),
    totals.length === 0 ? 'Belopp i mnkr' : `Belopp i mnkr. Nämnden totalt: ${totals.join(', ')} mnkr`,
  ];
  const areas = rows.filter((r) => r.budget !== null || r.forecast !== null);
  if (areas.length === 0) {
    return emptySpec('budget-per-area', title, subtitle, 'Nämnden har ingen budget per verksamhetsområde för perioden.');
  }
  if (areas.some((r) => r.deviation !== null)) subtitle.push('Avvikelse = budget − prognos: plus är ett överskott, minus ett underskott');

  const datasets: ChartDataset<'bar', (number | null)[]>[] = [
    { label: 'Budget', colour: COLOURS.budget, data: areas.map((r) => mnkr(r.budget)) },
    { label: 'Prognos', colour: COLOURS.areaForecast, data: areas.map((r) => mnkr(r.forecast)) },
  ]
    .filter((d) => d.data.some((v) => v !== null))
    .map((d) => ({
      type: 'bar',
      label: d.label,
      data: d.data,
      backgroundColor: d.colour,
      maxBarThickness: 26,
      categoryPercentage: 0.8,
      barPercentage: 0.9,
    }));
  const labels = areas.map((r) => [
    ...wrapLabel(r.name, 36, 2),
    ...(r.deviation === null ? [] : [`Avvikelse ${formatDeviation(kronorToMnkr(r.deviation))} mnkr`]),
  ]);
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    layout: { padding: { ...PADDING, right: 90 } },
    plugins: {
      ...commonPlugins(title, subtitle, true),
      valueLabels: { format: formatMnkr, position: 'end', fontSize: FONT_SIZE.values },
    },
    scales: { x: valueAxis('mnkr', formatCount), y: ROWS_AXIS },
  };
  return spec('budget-per-area', title, 330 + 80 * areas.length, {
    type: 'bar',
    data: { labels, datasets },
    options,
    plugins: [...COMMON_PLUGINS, valueLabels],
  });
}

type AccountLineGroup = 'revenue' | 'cost' | 'sum';

/** The series of the förbrukning chart: one colour for intäkter, one for kostnader, one for the sum rows. */
const ACCOUNT_LINE_GROUPS: { group: AccountLineGroup; label: string; colour: string }[] = [
  { group: 'revenue', label: 'Intäkter', colour: COLOURS.revenue },
  { group: 'cost', label: 'Kostnader', colour: COLOURS.cost },
  { group: 'sum', label: 'Summa intäkter, Summa kostnader och Netto', colour: COLOURS.sum },
];

/** "Riktvärde" / "33,3 %": the even pace of the year after the period, as the driftbudget table heads it. */
export function guideRateLabel(guideRate: number): string[] {
  return ['Riktvärde', formatShare(guideRate)];
}

/**
 * "Förbrukning per kontogrupp": utfall as a share of the year's budget for each kontogrupp
 * of the driftbudget, and for Summa intäkter, Summa kostnader and Netto, in percent, against
 * the riktvärde (4/12 after T1, 8/12 after T2, the whole year in the verksamhetsberättelse)
 * drawn as a dashed line. A kontogrupp far above the line spends (or earns) faster than an
 * even pace over the year.
 */
export function consumptionChart(followup: PeriodFollowup): ChartSpec {
  const title = 'Förbrukning per kontogrupp';
  const { guideRate, accountTable } = followup.budget;
  const month = MONTH_NAMES[monthsElapsed(followup.period) - 1];
  const subtitle = [reportLine(followup), `Utfall till och med ${month} ${followup.year} i procent av årsbudgeten`];
  const lines: { row: AccountRow; group: AccountLineGroup }[] = [
    ...accountTable.revenues.map((row) => ({ row, group: 'revenue' as const })),
    { row: accountTable.revenueSum, group: 'sum' },
    ...accountTable.costs.map((row) => ({ row, group: 'cost' as const })),
    { row: accountTable.costSum, group: 'sum' },
    { row: accountTable.net, group: 'sum' },
  ];
  const percent = (row: AccountRow) => (row.consumption === null ? null : row.consumption * 100);
  const values = lines.map((line) => percent(line.row)).filter((v): v is number => v !== null);
  if (values.length === 0) {
    return emptySpec('consumption', title, subtitle, 'Det finns inget utfall mot budget att redovisa för perioden.');
  }

  const datasets: ChartDataset<'bar', (number | null)[]>[] = ACCOUNT_LINE_GROUPS.map(({ group, label, colour }) => ({
    type: 'bar',
    label,
    data: lines.map((line) => (line.group === group ? percent(line.row) : null)),
    backgroundColor: colour,
    skipNull: true,
    maxBarThickness: 64,
    categoryPercentage: 0.8,
  }));
  const guide = guideRate * 100;
  const options: ChartOptions<'bar'> = {
    layout: { padding: { ...PADDING, right: 145 } },
    plugins: {
      ...commonPlugins(title, subtitle, true),
      valueLabels: { format: (v) => formatShare(v / 100), position: 'end', fontSize: FONT_SIZE.values, obstacles: () => [guide] },
      guideLine: { value: guide, label: guideRateLabel(guideRate), colour: COLOURS.guide, fontSize: FONT_SIZE.legend },
    },
    scales: {
      x: {
        ticks: { color: TEXT_COLOUR, font: font(FONT_SIZE.categoryTicks - 1), autoSkip: false, maxRotation: 0 },
        grid: { display: false },
      },
      y: { ...valueAxis(null, (v) => formatPercent(v, 0)), suggestedMax: Math.ceil((Math.max(guide, ...values) + 8) / 10) * 10 },
    },
  };
  return spec('consumption', title, 920, {
    type: 'bar',
    data: { labels: lines.map((line) => wrapLabel(line.row.name, 12, 4)), datasets },
    options,
    plugins: [...COMMON_PLUGINS, valueLabels, guideLine],
  });
}

/** The periods of the year along a line chart's axis, as readable as the other charts' labels. */
const PERIOD_AXIS = { ticks: { color: TEXT_COLOUR, font: font(FONT_SIZE.categoryTicks) }, grid: { color: GRID_COLOUR } };

/** Line colours of the areas in the forecast series; Nämnden totalt is drawn black and thicker. */
const SERIES_COLOURS = ['#0b4f8a', '#e08a00', '#2a9d8f', '#c8102e', '#6a4c93', '#3a9bd9', '#8a6d3b', '#2f7d32', '#d35fb7', '#5f6b73'];

/**
 * "Årsprognos månad för månad": the avvikelse (budget − prognos) of every reported period
 * of the year up to this one, per verksamhetsområde and for Nämnden totalt, in mnkr, so
 * that the report shows how early a deficit was seen. A period not reported is left out.
 */
export function forecastSeriesChart(followup: PeriodFollowup): ChartSpec {
  const title = 'Årsprognos månad för månad';
  const series = followup.budget.forecastSeries ?? [];
  const labels = series[0]?.points.map((p) => p.label) ?? [];
  const subtitle = [reportLine(followup), 'Avvikelse mot budget i mnkr per period: plus är ett överskott, minus ett underskott'];
  if (labels.length === 0) {
    return emptySpec('forecast-series', title, subtitle, 'Nämnden har ingen prognos per verksamhetsområde för årets perioder.');
  }
  const datasets: ChartDataset<'line', (number | null)[]>[] = series.map((line, i) => {
    const total = i === series.length - 1;
    const colour = total ? COLOURS.target : SERIES_COLOURS[i % SERIES_COLOURS.length];
    return {
      type: 'line',
      label: line.name,
      data: line.points.map((p) => mnkr(p.deviation)),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: total ? 5 : 2,
      pointRadius: total ? 6 : 3,
      borderDash: total ? [] : [6, 3],
    };
  });
  const options: ChartOptions<'line'> = {
    layout: { padding: PADDING },
    plugins: commonPlugins(title, subtitle, true),
    scales: { x: PERIOD_AXIS, y: valueAxis('mnkr', formatCount) },
  };
  return spec('forecast-series', title, 760, { type: 'line', data: { labels, datasets }, options, plugins: [...COMMON_PLUGINS] } as ReportChartConfiguration);
}

/** How many indicators the forecast accuracy chart shows beside the net budget. */
export const ACCURACY_CHART_INDICATORS = 4;

/**
 * "Prognos T1 → T2 → utfall" (verksamhetsberättelse): how far each earlier period's
 * prognos was from the year's outcome, in % of the budget for Nämnden totalt's net cost and
 * in % of the årsmål for the indicators whose prognoses missed most, ending at 0 (utfallet).
 * A line above 0 forecast more than the outcome, below 0 less.
 */
export function forecastAccuracyChart(followup: PeriodFollowup): ChartSpec {
  const title = 'Prognos T1 → T2 → utfall';
  const subtitle = [
    reportLine(followup),
    'Prognosens skillnad mot årets utfall: Nämnden totalt i % av budgeten, indikatorerna i % av årsmålet',
  ];
  const reliability = followup.forecastReliability;
  const total = reliability?.lines.at(-1);
  const indicators = reliability ? indicatorsThatMovedMost(reliability.indicators, ACCURACY_CHART_INDICATORS) : [];
  const periods = [...new Set([...(reliability?.periods ?? []).map((p) => p.period), ...(indicators.length > 0 ? (['T1', 'T2'] as const) : [])])]
    .sort((a, b) => PERIODS.indexOf(a) - PERIODS.indexOf(b));
  if (!reliability || periods.length === 0 || ((total?.points.length ?? 0) === 0 && indicators.length === 0)) {
    return emptySpec('forecast-accuracy', title, subtitle, 'Det finns inga prognoser från årets tidigare perioder att jämföra med utfallet.');
  }
  const labels = [...periods.map((p) => periodShortLabel(p)), 'Utfall'];
  const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : clean(share * 100));
  const datasets: ChartDataset<'line', (number | null)[]>[] = [];
  if (total && total.points.length > 0) {
    datasets.push({
      type: 'line',
      label: 'Nämnden totalt, netto (% av budget)',
      data: [...periods.map((p) => percent(total.points.find((x) => x.period === p)?.errorShare)), 0],
      borderColor: COLOURS.target,
      backgroundColor: COLOURS.target,
      borderWidth: 5,
      pointRadius: 6,
      spanGaps: true,
    });
  }
  indicators.forEach((indicator, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    datasets.push({
      type: 'line',
      label: `${wrapLabel(`${indicator.code} ${indicator.name.trim().replace(/\.$/, '')}`, 80, 1)[0]} (% av årsmålet)`,
      data: [...periods.map((p) => percent(indicator.forecasts.find((f) => f.period === p)?.errorShare)), 0],
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      pointRadius: 4,
      borderDash: [6, 3],
      spanGaps: true,
    });
  });
  const options: ChartOptions<'line'> = {
    layout: { padding: PADDING },
    plugins: commonPlugins(title, subtitle, true),
    scales: { x: PERIOD_AXIS, y: valueAxis('procent', (v) => formatPercent(v, 1)) },
  };
  return spec('forecast-accuracy', title, 820, { type: 'line', data: { labels, datasets }, options, plugins: [...COMMON_PLUGINS] } as ReportChartConfiguration);
}

/** How many indicators the trend chart draws. */
export const TREND_CHART_INDICATORS = 8;

/**
 * "Indikatorer över tid" (issue 10): the flagged indicators' series across years (earlier
 * VB, then this year's periods), each in % of that year's årsmål so that shares, counts and
 * days fit one axis; 100 % is the årsmål. Lower-is-better indicators are marked in the legend.
 */
export function indicatorTrendChart(followup: PeriodFollowup): ChartSpec {
  const title = 'Indikatorer över tid';
  const subtitle = [reportLine(followup), 'Indikatorer med trendflagga: värdet i % av årets årsmål (100 % = årsmålet), tidigare år och årets perioder'];
  const flagged = walkGoals(followup.goals)
    .flatMap((g) => g.indicators)
    .filter((i) => (i.trendFlags ?? []).length > 0 && (i.history ?? []).length > 1)
    .slice(0, TREND_CHART_INDICATORS);
  if (flagged.length === 0) return emptySpec('indicator-trend', title, subtitle, 'Inga indikatorer har försämrats mot föregående år eller missat målet år efter år.');
  const labels = [...new Map(flagged.flatMap((i) => i.history!).map((p) => [p.label, p])).values()]
    .sort((a, b) => a.year - b.year || PERIODS.indexOf(a.period) - PERIODS.indexOf(b.period))
    .map((p) => p.label);
  const datasets: ChartDataset<'line', (number | null)[]>[] = flagged.map((indicator, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    const share = (label: string) => {
      const p = indicator.history!.find((x) => x.label === label);
      return p && p.value !== null && p.annualTarget ? clean((p.value / p.annualTarget) * 100) : null;
    };
    const flags = (indicator.trendFlagTexts ?? []).join(', ');
    return {
      type: 'line',
      label: `${wrapLabel(`${indicator.code} ${indicator.name.trim().replace(/\.$/, '')}`, 60, 1)[0]} – ${flags}${indicator.direction === 'decrease' ? ` (${LOWER_IS_BETTER_TEXT})` : ''}`,
      data: labels.map(share),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 3,
      pointRadius: 5,
      spanGaps: true,
    };
  });
  const options: ChartOptions<'line'> = {
    layout: { padding: PADDING },
    plugins: {
      ...commonPlugins(title, subtitle, true),
      legend: { ...commonPlugins(title, subtitle, true).legend, position: 'bottom' },
    },
    scales: { x: PERIOD_AXIS, y: { ...valueAxis('% av årsmålet', (v) => formatPercent(v, 0)), beginAtZero: false } },
  };
  return spec('indicator-trend', title, 760 + 36 * flagged.length, { type: 'line', data: { labels, datasets }, options, plugins: [...COMMON_PLUGINS] } as ReportChartConfiguration);
}

/**
 * "Jämförelse mellan nämnder": one bar per board with the indicator's value (prognos in
 * T1/T2, outcome in VB), in the status colour against KF:s årsmål, and KF:s årsmål as a
 * line; the subtitle gives min, median and max.
 */
export function boardComparisonChart(comparison: BoardComparison, subtitleLine: string): ChartSpec {
  const title = `Jämförelse mellan nämnder: ${comparison.code}`;
  const show = (v: number | null) => (v === null ? '–' : formatIndicatorValue(v, comparison.unit, comparison.decimals));
  const subtitle = [
    subtitleLine,
    ...wrapLabel(comparison.name, 110, 1),
    `Min ${show(comparison.min)}, median ${show(comparison.median)}, max ${show(comparison.max)}${comparison.direction === 'decrease' ? ` (${LOWER_IS_BETTER_TEXT})` : ''}`,
  ];
  const rows = comparison.rows;
  if (rows.every((r) => r.value === null)) return emptySpec('board-comparison', title, subtitle, 'Ingen nämnd har ett värde för indikatorn.');
  const statusColour: Record<string, string> = { achieved: ASSESSMENT_COLOURS.full, partial: ASSESSMENT_COLOURS.partial, notAchieved: ASSESSMENT_COLOURS.none, notAssessed: ASSESSMENT_COLOURS.notAssessed };
  const council = rows.find((r) => r.councilTarget !== null)?.councilTarget ?? null;
  const datasets: ChartDataset<'bar', (number | null)[]>[] = [{
    type: 'bar',
    label: 'Värde',
    data: rows.map((r) => r.value),
    backgroundColor: rows.map((r) => statusColour[r.councilStatus]),
    maxBarThickness: 80,
  }];
  const options: ChartOptions<'bar'> = {
    layout: { padding: { ...PADDING, right: council === null ? PADDING.right : 190 } },
    plugins: {
      ...commonPlugins(title, subtitle, false),
      valueLabels: { format: (v) => show(v), position: 'end', fontSize: FONT_SIZE.values, obstacles: () => (council === null ? [] : [council]) },
      ...(council === null ? {} : { guideLine: { value: council, label: ['KF:s årsmål', show(council)], colour: COLOURS.target, fontSize: FONT_SIZE.legend } }),
    },
    scales: {
      x: { ticks: { color: TEXT_COLOUR, font: font(FONT_SIZE.categoryTicks), autoSkip: false, maxRotation: 0 }, grid: { display: false } },
      y: { ...valueAxis(UNIT_LABELS[comparison.unit], (v) => show(v)), suggestedMax: Math.max(council ?? 0, ...rows.map((r) => r.value ?? 0)) * 1.1 },
    },
  };
  return spec('board-comparison', title, 760, {
    type: 'bar',
    data: { labels: rows.map((r) => wrapLabel(r.board.name, 16, 3)), datasets },
    options,
    plugins: [...COMMON_PLUGINS, valueLabels, ...(council === null ? [] : [guideLine])],
  } as ReportChartConfiguration);
}

const BUILDERS: Record<ChartKind, (followup: PeriodFollowup) => ChartSpec> = {
  'indicator-trend': indicatorTrendChart,
  'forecast-accuracy': forecastAccuracyChart,
  'forecast-series': forecastSeriesChart,
  'goal-fulfilment': goalFulfilmentChart,
  indicators: indicatorsChart,
  'budget-per-area': budgetPerAreaChart,
  consumption: consumptionChart,
};

/** One page of the chart of the given kind (the first unless `part` says otherwise). */
export function chartSpec(followup: PeriodFollowup, kind: ChartKind, part = 1): ChartSpec {
  return kind === 'indicators' ? indicatorsChart(followup, part) : BUILDERS[kind](followup);
}

/** How many pages the chart of the given kind has: one for most charts, more for a long indicator chart. */
export function chartPageCount(followup: PeriodFollowup, kind: ChartKind): number {
  return kind === 'indicators' ? indicatorPageCount(followup) : 1;
}

/** Every page of the chart of the given kind. */
export function chartSpecs(followup: PeriodFollowup, kind: ChartKind): ChartSpec[] {
  return Array.from({ length: chartPageCount(followup, kind) }, (_, i) => chartSpec(followup, kind, i + 1));
}
