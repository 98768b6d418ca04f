import { allGoals, PeriodFollowup, GoalFollowup, IndicatorFollowup } from '../followup/period-followup';
import { decimalsOf, formatIndicatorTarget, formatIndicatorValue, formatMnkr, formatNumber, LOWER_IS_BETTER_TEXT } from '../common/vocabulary';

/*
 * What the pages show, read from the assembled follow-up (which computes everything):
 * figures formatted the Swedish way, traffic-light classes, completeness counts.
 */

/** The traffic-light class of a status or bedömning. */
const LIGHTS: Record<string, string> = {
  achieved: 'gron', full: 'gron', partial: 'gul', notAchieved: 'rod', none: 'rod', notAssessed: 'gra',
};

export function lightOf(status: string): string {
  return LIGHTS[status] ?? 'gra';
}

/** A share (0.29) as "29,0 %". */
export function formatShare(value: number | null): string {
  return value === null ? '–' : `${formatNumber(value * 100, 1)}\u00a0%`;
}

export { allGoals };

/** How far a period has come: indicators with a value, goals with a bedömning, texts written. */
export interface Completeness {
  indicatorsWithValue: number;
  indicators: number;
  goalsAssessed: number;
  goals: number;
  textsWritten: number;
}

export function completenessOf(f: PeriodFollowup): Completeness {
  const goals = allGoals(f.goals);
  const indicators = goals.flatMap((g) => g.indicators);
  const withValue = indicators.filter((i) => [i.outcome, i.men, i.women, i.forecast].some((v) => v !== null));
  const texts = [f.texts.summary, f.texts.budgetComment, ...f.texts.sections.map((s) => s.text), ...f.budget.areaComments.map((c) => c.comment)];
  return {
    indicatorsWithValue: withValue.length,
    indicators: indicators.length,
    goalsAssessed: goals.filter((g) => g.assessment !== 'notAssessed').length,
    goals: goals.length,
    textsWritten: texts.filter((t) => t !== null && t.trim() !== '').length,
  };
}

/** A value as typed into a field: the Swedish form with every decimal it has. */
export function fieldValue(value: number | null): string {
  return value === null ? '' : formatNumber(value, decimalsOf(value)).replace(/\u00a0/g, ' ');
}

export interface IndicatorView {
  code: string;
  name: string;
  genderSplit: boolean;
  percent: boolean;
  unitHint: string;
  light: string;
  statusLabel: string;
  lowerIsBetter: string | null;
  outcome: string;
  men: string;
  women: string;
  forecast: string;
  previousYearOutcome: string;
  annualTarget: string;
  councilTarget: string;
  genderGapFlagged: boolean;
  analysis: string;
  version: number;
  periodLabel: string;
  /** "Försämring mot föregående år, Återkommande", or empty. */
  trendFlags: string;
  /** The series as one line: "2015: 70,0 %, 2016: 84,6 %, T1 2017: 72,0 %". */
  history: string;
}

export function indicatorView(i: IndicatorFollowup): IndicatorView {
  const show = (v: number | null) => (v === null ? '–' : formatIndicatorValue(v, i.unit, i.decimals));
  return {
    code: i.code,
    name: i.name,
    genderSplit: i.genderSplit,
    percent: i.unit === 'percent',
    unitHint: i.unit === 'percent' ? 'I procent, t.ex. 12,5' : `Enhet: ${formatIndicatorValue(0, i.unit, 0).replace(/^0\u00a0/, '')}`,
    light: lightOf(i.status),
    statusLabel: i.statusLabel,
    lowerIsBetter: i.direction === 'decrease' ? LOWER_IS_BETTER_TEXT : null,
    outcome: show(i.outcome),
    men: show(i.men),
    women: show(i.women),
    forecast: show(i.forecast),
    previousYearOutcome: show(i.previousYearOutcome),
    annualTarget: formatIndicatorTarget(i.annualTarget, i.unit, i.decimals, i.tolerance) || 'Saknas',
    councilTarget: i.councilTarget === null ? 'Tas fram av nämnden' : formatIndicatorTarget(i.councilTarget, i.unit, i.decimals, i.tolerance),
    genderGapFlagged: i.genderGapFlagged,
    analysis: i.analysis ?? '',
    version: i.version,
    periodLabel: i.periodLabel,
    trendFlags: (i.trendFlagTexts ?? []).join(', '),
    history: (i.history ?? []).length > 1 ? i.history!.map((p) => `${p.label}: ${show(p.value)}`).join(', ') : '',
  };
}

export interface GoalView {
  code: string;
  name: string;
  levelLabel: string;
  headingLevel: number;
  light: string;
  assessmentLabel: string;
  suggestionLabel: string;
  suggestionLight: string;
  flagText: string | null;
  expectedResult: string | null;
  indicators: IndicatorView[];
  children: GoalView[];
}

export function goalView(g: GoalFollowup, depth = 0): GoalView {
  return {
    code: g.code,
    name: g.name,
    levelLabel: g.levelLabel,
    headingLevel: Math.min(3 + depth, 6),
    light: lightOf(g.assessment),
    assessmentLabel: g.assessmentLabel,
    suggestionLabel: g.suggestionLabel,
    suggestionLight: lightOf(g.suggestion),
    flagText: g.flagText,
    expectedResult: g.expectedResult,
    indicators: g.indicators.map(indicatorView),
    children: g.children.map((c) => goalView(c, depth + 1)),
  };
}

/** The key budget figures of a period's overview. */
export function keyFigures(f: PeriodFollowup): { label: string; value: string }[] {
  const net = f.budget.accountTable.net;
  const total = f.budget.operatingAreaTable.total;
  const mnkr = (v: number | null) => (v === null ? '–' : `${formatMnkr(v)} mnkr`);
  const vb = f.period === 'VB';
  return [
    { label: 'Nettobudget', value: mnkr(net.budget) },
    { label: vb ? 'Bokslut (netto)' : 'Prognos (netto)', value: mnkr(vb ? net.actual : net.forecast) },
    { label: 'Avvikelse (Nämnden totalt)', value: mnkr(total.deviation) },
    { label: 'Förbrukning (netto)', value: formatShare(net.consumption) },
    { label: 'Riktvärde', value: formatShare(f.budget.guideRate) },
    { label: 'Budgetföljsamhet', value: formatShare(f.budget.budgetCompliance) },
  ];
}
