import { Period } from '../common/period';
import { AccountTable, OperatingAreaTable } from '../budget/budget.calc';
import { ForecastAccuracyTable } from '../budget/forecast-accuracy.calc';
import type { ForecastReliability } from './forecast-reliability.calc';
import { AssessmentFlag, PeriodState } from '../common/vocabulary';
import { AssessmentOrNone } from '../goals/goal-assessment.calc';
import { GoalLevel } from '../goals/goal.entity';
import { IndicatorStatus } from '../indicators/indicator-status.calc';
import type { TrendFlag } from '../indicators/indicator-trend.calc';
import { Direction, Frequency, IndicatorSource, IndicatorUnit } from '../indicators/indicator.entity';

/*
 * One board's follow-up for one period with every figure computed: what the API returns,
 * and what the workbook and the charts are rendered from. Plain data, no behaviour.
 * Amounts are whole kronor; shares and rates are fractions (0.29 = 29 %), indicator values
 * as written (85 = 85 %).
 */

export interface IndicatorFollowup {
  code: string;
  name: string;
  source: IndicatorSource;
  unit: IndicatorUnit;
  direction: Direction;
  genderSplit: boolean;
  frequency: Frequency;
  annualTarget: number | null;
  councilTarget: number | null;
  tolerance: number | null;
  partialThreshold: number | null;
  previousYearOutcome: number | null;
  /** The measurement period the outcome refers to, e.g. "Tertial 1 2017". */
  periodLabel: string;
  outcome: number | null;
  men: number | null;
  women: number | null;
  forecast: number | null;
  analysis: string | null;
  /** Prognos helår in T1/T2, utfall in VB. */
  comparedValue: number | null;
  status: IndicatorStatus;
  statusLabel: string;
  genderGap: number | null;
  genderGapFlagged: boolean;
  /** Version of the period's row for this indicator (0 = nothing reported yet): the ETag of a PATCH. */
  version: number;
  /** The indicator's own number of decimals, used for every value of it in every renderer. */
  decimals: number;
  /** The indicator's series: earlier years' VB and this year's periods up to this one (issue 10). */
  history?: IndicatorHistoryPoint[];
  /** "Försämring mot föregående år", "Återkommande". */
  trendFlags?: TrendFlag[];
  trendFlagTexts?: string[];
}

/** One point of an indicator's series across years. */
export interface IndicatorHistoryPoint {
  year: number;
  period: Period;
  /** "2015" for a year's VB, "T1 2017" for a tertial. */
  label: string;
  outcome: number | null;
  forecast: number | null;
  /** The value held against that year's årsmål: prognos in T1/T2, the outcome in the VB. */
  value: number | null;
  annualTarget: number | null;
  status: IndicatorStatus;
}

export interface ActivityFollowup {
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  /** Null when the period has no report for the activity. */
  deviation: boolean | null;
  comment: string | null;
  /** Version of the period's row for this activity (0 = nothing reported yet). */
  version: number;
}

export interface GoalFollowup {
  level: GoalLevel;
  levelLabel: string;
  code: string;
  name: string;
  expectedResult: string | null;
  /** The board's own bedömning. */
  assessment: AssessmentOrNone;
  assessmentLabel: string;
  analysis: string | null;
  /** What the indicators (and sub-goals) carry. */
  suggestion: AssessmentOrNone;
  suggestionLabel: string;
  /** The bedömning is better than the indicators carry. */
  assessmentMorePositive: boolean;
  /** Version of the period's bedömning row for this goal (0 = nothing reported yet). */
  version: number;
  /** The bedömning is Uppfylls helt or delvis but no assessed indicator or sub-goal carries it. */
  assessmentUnsupported: boolean;
  /** Which flag of SPEC 3.3 the bedömning carries, if any, and its text. */
  flag: AssessmentFlag | null;
  flagText: string | null;
  indicators: IndicatorFollowup[];
  activities: ActivityFollowup[];
  children: GoalFollowup[];
}

/** One period's annual forecast of a verksamhetsområde (or Nämnden totalt) with its avvikelse. */
export interface ForecastPoint {
  period: Period;
  /** "Feb", "Mar", "T1", "Maj" … "VB". */
  label: string;
  /** Prognos helår (bokslut in VB). */
  forecast: number | null;
  /** Budget − prognos: positive a surplus. */
  deviation: number | null;
}

/** The year's forecast period by period, for one verksamhetsområde or for Nämnden totalt. */
export interface ForecastSeriesLine {
  name: string;
  points: ForecastPoint[];
}

export interface BudgetFollowup {
  /** Riktvärde: months elapsed / 12. */
  guideRate: number;
  /**
   * Årsprognos månad för månad: every reported period of the year up to this one, in the
   * order of the year (each area, then Nämnden totalt); a period not reported is left out.
   */
  forecastSeries?: ForecastSeriesLine[];
  accountTable: AccountTable;
  operatingAreaTable: OperatingAreaTable;
  /** Budgetföljsamhet. */
  budgetCompliance: number | null;
  /** Version of each verksamhetsområde's period row, by name (0 = nothing reported yet). */
  operatingAreaVersions?: Record<string, number>;
  /** Each commented area with its avvikelse and justerad avvikelse (the heading of the comment). */
  areaComments: { name: string; deviation: number | null; adjustedDeviation?: number | null; comment: string }[];
  /** Netto − Nämnden totalt per column when they differ (SPEC 3.4), otherwise null. */
  reconciliation: Reconciliation | null;
  /** In the verksamhetsberättelse with a T2 follow-up: T2 prognos and prognossäkerhet per area. */
  forecastAccuracy: ForecastAccuracyTable | null;
}

/** Avstämningsdifferens in kronor: the driftbudget's Netto minus the areas' Nämnden totalt. */
export interface Reconciliation {
  budget: number | null;
  /** Prognos in T1/T2, utfall (bokslut) in VB. */
  forecast: number | null;
}

/** The report's narrative texts (SPEC 2.2); null or empty when the follow-up has none. */
export interface ReportTexts {
  /** Sammanfattande analys. */
  summary: string | null;
  /** The text under the driftbudget table. */
  budgetComment: string | null;
  /** The headed parts after the budget, in the document's order. */
  sections: { heading: string; text: string }[];
}

export interface PeriodFollowup {
  board: { code: string; name: string };
  year: number;
  period: Period;
  /** "Tertialrapport 1 2017". */
  title: string;
  /** Whether the period has any reported figures yet. */
  reported: boolean;
  /** Where the period stands in the workflow (open, submitted, approved); open when it does not exist yet. */
  state: PeriodState;
  stateLabel: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  /** Who approved the report, when (the period is then locked). */
  approvedAt: Date | null;
  approvedBy: string | null;
  /** Approved: nothing can change until an administrator reopens the period. */
  locked: boolean;
  /** The same as approvedAt (kept for earlier readers of the API). */
  lockedAt: Date | null;
  texts: ReportTexts;
  goals: GoalFollowup[];
  budget: BudgetFollowup;
  /**
   * In the verksamhetsberättelse: how well every earlier period's prognos foretold the year's
   * outcome, per verksamhetsområde, Nämnden totalt and indicator; null in other periods.
   */
  forecastReliability?: ForecastReliability | null;
}

/** Every indicator of a goal tree, in the tree's order. */
export function allIndicators(goals: GoalFollowup[]): IndicatorFollowup[] {
  return goals.flatMap((g) => [...g.indicators, ...allIndicators(g.children)]);
}

/** Every goal of a goal tree, each before its children. */
export function allGoals(goals: GoalFollowup[]): GoalFollowup[] {
  return goals.flatMap((g) => [g, ...allGoals(g.children)]);
}
