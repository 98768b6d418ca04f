import type { Activity } from '../activities/activity.entity';
import type { ActivityResult } from '../activities/activity-result.entity';
import type { AccountGroup } from '../budget/account-group.entity';
import type { AccountGroupResult } from '../budget/account-group-result.entity';
import { AccountTable, accountTable, budgetCompliance, guideRate, OperatingAreaTable, operatingAreaTable } from '../budget/budget.calc';
import { forecastAccuracyTable } from '../budget/forecast-accuracy.calc';
import type { OperatingArea } from '../budget/operating-area.entity';
import type { OperatingAreaResult } from '../budget/operating-area-result.entity';
import { Period, PERIODS, periodShortLabel, reportTitle } from '../common/period';
import { FLAG_TEXTS, indicatorDecimals, LEVEL_LABELS, PERIOD_STATE_LABELS } from '../common/vocabulary';
import type { FollowupPeriod } from '../boards/followup-period.entity';
import { ASSESSMENT_LABELS, AssessmentOrNone, assessmentFlag, suggestAssessment } from '../goals/goal-assessment.calc';
import type { GoalAssessment } from '../goals/goal-assessment.entity';
import type { Goal } from '../goals/goal.entity';
import { genderAnalysis } from '../indicators/gender-gap.calc';
import { comparedValue, INDICATOR_STATUS_LABELS, indicatorStatus } from '../indicators/indicator-status.calc';
import type { Indicator } from '../indicators/indicator.entity';
import type { IndicatorResult } from '../indicators/indicator-result.entity';
import { measurementPeriodLabel } from '../indicators/measurement-period.calc';
import type { PeriodText } from './period-text.entity';
import {
  ActivityFollowup,
  BudgetFollowup,
  GoalFollowup,
  IndicatorFollowup,
  PeriodFollowup,
  Reconciliation,
  ReportTexts,
  ForecastPoint,
  ForecastSeriesLine,
} from './period-followup';

/*
 * One period's follow-up built from loaded rows, with every computed figure: the pure
 * heart of the product. Services load rows and call assembleFollowup; the API, the
 * workbook, the document, the charts and the exports only read what it returns.
 *
 * The row types name only the fields the assembly reads, so a row from the database, a
 * test's hand-made object or a row with more fields (a version, a state) all fit.
 */

export type GoalRow = Pick<Goal, 'id' | 'parentId' | 'level' | 'code' | 'name' | 'expectedResult'>;
export type IndicatorRow = Pick<
  Indicator,
  | 'id'
  | 'goalId'
  | 'code'
  | 'name'
  | 'source'
  | 'unit'
  | 'direction'
  | 'genderSplit'
  | 'frequency'
  | 'annualTarget'
  | 'councilTarget'
  | 'tolerance'
  | 'partialThreshold'
  | 'previousYearOutcome'
> &
  Partial<Pick<Indicator, 'deteriorationThreshold'>>;
export type ActivityRow = Pick<Activity, 'id' | 'goalId' | 'code' | 'name' | 'startDate' | 'endDate'>;
export type OperatingAreaRowInput = Pick<OperatingArea, 'id' | 'name' | 'previousYearActual' | 'budget'>;
export type AccountGroupRow = Pick<AccountGroup, 'id' | 'name' | 'type' | 'budget'>;
/** `version` counts a result row's changes (the ETag of a correction); 0 when a row is not given one. */
type Versioned<T extends { version: number }> = Partial<Pick<T, 'version'>>;
export type AssessmentRow = Pick<GoalAssessment, 'goalId' | 'assessment' | 'analysis'> & Versioned<GoalAssessment>;
export type IndicatorResultRow = Pick<IndicatorResult, 'indicatorId' | 'outcome' | 'men' | 'women' | 'forecast' | 'analysis'> &
  Versioned<IndicatorResult>;
export type ActivityResultRow = Pick<ActivityResult, 'activityId' | 'deviation' | 'comment'> & Versioned<ActivityResult>;
export type OperatingAreaResultRow = Pick<OperatingAreaResult, 'operatingAreaId' | 'forecast' | 'adjustment'> &
  Partial<Pick<OperatingAreaResult, 'volumeChange' | 'returned'>> &
  Partial<Pick<OperatingAreaResult, 'comment'>> &
  Versioned<OperatingAreaResult>;
export type AccountGroupResultRow = Pick<
  AccountGroupResult,
  'accountGroupId' | 'actual' | 'forecast' | 'previousYearBudget' | 'previousYearActual'
>;
export type PeriodTextRow = Pick<PeriodText, 'key' | 'heading' | 'text' | 'position'>;

/** Where a period stands in the workflow, as its row records it. */
export type PeriodWorkflowRow = Pick<FollowupPeriod, 'state' | 'submittedAt' | 'submittedBy' | 'approvedAt' | 'approvedBy'>;

/** The period's place in the workflow, as the follow-up shows it; a period not yet created is open. */
export function workflowOf(row: PeriodWorkflowRow | null) {
  const state = row?.state ?? 'open';
  return {
    state,
    stateLabel: PERIOD_STATE_LABELS[state],
    submittedAt: row?.submittedAt ?? null,
    submittedBy: row?.submittedBy ?? null,
    approvedAt: row?.approvedAt ?? null,
    approvedBy: row?.approvedBy ?? null,
    locked: state === 'approved',
    lockedAt: row?.approvedAt ?? null,
  };
}

/** A plan year's rows (the same for every period of the year). */
export interface PlanRows {
  board: { code: string; name: string };
  year: number;
  goals: GoalRow[];
  indicators: IndicatorRow[];
  activities: ActivityRow[];
  operatingAreas: OperatingAreaRowInput[];
  accountGroups: AccountGroupRow[];
}

/** One period's reported rows; `reported` is false when the period has no follow-up yet. */
export interface PeriodRows {
  period: Period;
  reported: boolean;
  /** The period's place in the workflow; null when the period does not exist yet (open). */
  workflow: PeriodWorkflowRow | null;
  assessments: AssessmentRow[];
  indicatorResults: IndicatorResultRow[];
  activityResults: ActivityResultRow[];
  operatingAreaResults: OperatingAreaResultRow[];
  accountGroupResults: AccountGroupResultRow[];
  texts: PeriodTextRow[];
}

/**
 * The whole follow-up of one period. `t2` is tertialrapport 2's rows of the same year,
 * given for the verksamhetsberättelse to compute prognossäkerhet; without it (or when T2
 * has no follow-up) there is no comparison.
 */
export function assembleFollowup(plan: PlanRows, rows: PeriodRows, t2: PeriodRows | null = null): PeriodFollowup {
  const { period } = rows;
  const indicatorResultOf = indexBy(rows.indicatorResults, (r) => r.indicatorId);
  const indicatorsByGoal = groupBy(
    plan.indicators.map((indicator) => ({
      goalId: indicator.goalId,
      row: indicatorFollowup(indicator, indicatorResultOf.get(indicator.id), rows.period, plan.year),
    })),
  );
  const activityResultOf = indexBy(rows.activityResults, (r) => r.activityId);
  const activitiesByGoal = groupBy(
    plan.activities.map((activity): { goalId: number; row: ActivityFollowup } => {
      const result = activityResultOf.get(activity.id);
      return {
        goalId: activity.goalId,
        row: {
          code: activity.code,
          name: activity.name,
          startDate: activity.startDate,
          endDate: activity.endDate,
          deviation: result?.deviation ?? null,
          comment: result?.comment ?? null,
          version: result?.version ?? 0,
        },
      };
    }),
  );

  const assessmentOf = indexBy(rows.assessments, (a) => a.goalId);
  const childrenOf = new Map<number | null, GoalRow[]>();
  for (const goal of plan.goals) {
    const siblings = childrenOf.get(goal.parentId) ?? [];
    siblings.push(goal);
    childrenOf.set(goal.parentId, siblings);
  }
  const buildNode = (goal: GoalRow): GoalFollowup => {
    const children = (childrenOf.get(goal.id) ?? []).map(buildNode);
    const indicators = indicatorsByGoal.get(goal.id) ?? [];
    const suggestion = suggestAssessment(
      indicators.map((i) => i.status),
      children.map((c) => c.suggestion),
    );
    const assessmentRow = assessmentOf.get(goal.id);
    const assessment: AssessmentOrNone = assessmentRow?.assessment ?? 'notAssessed';
    const flag = assessmentFlag(assessment, suggestion);
    return {
      level: goal.level,
      levelLabel: LEVEL_LABELS[goal.level],
      code: goal.code,
      name: goal.name,
      expectedResult: goal.expectedResult,
      assessment,
      assessmentLabel: ASSESSMENT_LABELS[assessment],
      analysis: assessmentRow?.analysis ?? null,
      suggestion,
      suggestionLabel: ASSESSMENT_LABELS[suggestion],
      assessmentMorePositive: flag === 'morePositive',
      assessmentUnsupported: flag === 'unsupported',
      flag,
      flagText: flag ? FLAG_TEXTS[flag] : null,
      version: assessmentRow?.version ?? 0,
      indicators,
      activities: activitiesByGoal.get(goal.id) ?? [],
      children,
    };
  };

  const budget = budgetFollowup(plan, rows, t2);
  return {
    board: { code: plan.board.code, name: plan.board.name },
    year: plan.year,
    period,
    title: reportTitle(period, plan.year),
    reported: rows.reported,
    ...workflowOf(rows.workflow),
    texts: reportTexts(rows.texts),
    goals: (childrenOf.get(null) ?? []).map(buildNode),
    budget,
  };
}

/** One indicator of the period with its status, gender gap and decimals (also a correction's answer). */
export function indicatorFollowup(
  indicator: IndicatorRow,
  result: IndicatorResultRow | undefined,
  period: Period,
  year: number,
): IndicatorFollowup {
  const values = {
    outcome: result?.outcome ?? null,
    men: result?.men ?? null,
    women: result?.women ?? null,
    forecast: result?.forecast ?? null,
  };
  const compared = comparedValue(period, values);
  const status = indicatorStatus(indicator, compared);
  const gender = genderAnalysis(indicator, values);
  return {
    code: indicator.code,
    name: indicator.name,
    source: indicator.source,
    unit: indicator.unit,
    direction: indicator.direction,
    genderSplit: indicator.genderSplit,
    frequency: indicator.frequency,
    annualTarget: indicator.annualTarget,
    councilTarget: indicator.councilTarget,
    tolerance: indicator.tolerance,
    partialThreshold: indicator.partialThreshold,
    previousYearOutcome: indicator.previousYearOutcome,
    periodLabel: measurementPeriodLabel(indicator.frequency, period, year),
    ...values,
    analysis: result?.analysis ?? null,
    comparedValue: compared,
    status,
    statusLabel: INDICATOR_STATUS_LABELS[status],
    genderGap: gender.gap,
    genderGapFlagged: gender.flagged,
    version: result?.version ?? 0,
    decimals: indicatorDecimals([
      values.outcome,
      values.men,
      values.women,
      values.forecast,
      indicator.annualTarget,
      indicator.councilTarget,
      indicator.previousYearOutcome,
    ]),
  };
}

/** The driftbudget's table of one period from its rows (also the import's reconciliation check). */
export function accountTableOf(plan: Pick<PlanRows, 'accountGroups'>, rows: Pick<PeriodRows, 'period' | 'accountGroupResults'>): AccountTable {
  const groupResultOf = indexBy(rows.accountGroupResults, (r) => r.accountGroupId);
  return accountTable(
    rows.period,
    plan.accountGroups.map((g) => {
      const r = groupResultOf.get(g.id);
      return {
        name: g.name,
        type: g.type,
        budget: g.budget,
        forecast: r?.forecast ?? null,
        actual: r?.actual ?? null,
        previousYearBudget: r?.previousYearBudget ?? null,
        previousYearActual: r?.previousYearActual ?? null,
      };
    }),
  );
}

/** The verksamhetsområden's table of one period from its rows (also the import's reconciliation check). */
export function areaTableOf(plan: Pick<PlanRows, 'operatingAreas'>, rows: Pick<PeriodRows, 'operatingAreaResults'>): OperatingAreaTable {
  const resultOf = indexBy(rows.operatingAreaResults, (r) => r.operatingAreaId);
  return operatingAreaTable(
    plan.operatingAreas.map((a) => {
      const r = resultOf.get(a.id);
      return { name: a.name, previousYearActual: a.previousYearActual, budget: a.budget, forecast: r?.forecast ?? null, adjustment: r ? r.adjustment : null, volumeChange: r?.volumeChange ?? null, returned: r?.returned ?? null };
    }),
  );
}

/** One period's prognoser per verksamhetsområde, as the series reads them. */
export interface PeriodAreaResults {
  period: Period;
  operatingAreaResults: OperatingAreaResultRow[];
}

/**
 * Årsprognos månad för månad: for each verksamhetsområde and for Nämnden totalt, the annual
 * forecast (bokslut in VB) and its avvikelse of every period of the year up to `upTo`, in
 * the order of the year (M02, M03, T1, M05 …). A period with no prognos is left out, so a
 * missing month leaves no gap of zeros. Pure: the plan's areas and the periods' rows in.
 */
export function forecastSeries(plan: Pick<PlanRows, 'operatingAreas'>, periods: PeriodAreaResults[], upTo: Period): ForecastSeriesLine[] {
  const order = (period: Period) => PERIODS.indexOf(period);
  const tables = periods
    .filter((p) => order(p.period) <= order(upTo) && p.operatingAreaResults.length > 0)
    .sort((a, b) => order(a.period) - order(b.period))
    .map((p) => ({ period: p.period, table: areaTableOf(plan, p) }));
  const point = (period: Period, row: { forecast: number | null; deviation: number | null }): ForecastPoint => ({
    period,
    label: periodShortLabel(period),
    forecast: row.forecast,
    deviation: row.deviation,
  });
  return [
    ...plan.operatingAreas.map((area, i) => ({ name: area.name, points: tables.map((t) => point(t.period, t.table.rows[i])) })),
    { name: 'Nämnden totalt', points: tables.map((t) => point(t.period, t.table.total)) },
  ];
}

function budgetFollowup(plan: PlanRows, rows: PeriodRows, t2: PeriodRows | null): BudgetFollowup {
  const table = accountTableOf(plan, rows);
  const areaTable = areaTableOf(plan, rows);
  const areaResultOf = indexBy(rows.operatingAreaResults, (r) => r.operatingAreaId);
  const areaComments = plan.operatingAreas.flatMap((area, i) => {
    const comment = areaResultOf.get(area.id)?.comment;
    return comment ? [{ name: area.name, deviation: areaTable.rows[i].deviation, adjustedDeviation: areaTable.rows[i].adjustedDeviation, comment }] : [];
  });
  const comparison = rows.period === 'VB' && t2?.reported ? t2 : null;
  return {
    guideRate: guideRate(rows.period),
    accountTable: table,
    operatingAreaTable: areaTable,
    budgetCompliance: budgetCompliance(rows.period, table),
    operatingAreaVersions: Object.fromEntries(plan.operatingAreas.map((a) => [a.name, areaResultOf.get(a.id)?.version ?? 0])),
    areaComments,
    reconciliation: reconcile(table.net, areaTable.total, rows.period),
    forecastAccuracy: comparison ? forecastAccuracyTable(areaTable, areaTableOf(plan, comparison)) : null,
  };
}

/**
 * SPEC 3.4: the driftbudget's Netto and the verksamhetsområden's "Nämnden totalt" describe
 * the same net cost. The difference per column (Netto − Nämnden totalt) where both have a
 * figure; null when they agree everywhere, so that only a real difference is shown.
 * The year's figure is the prognos in T1/T2 and the utfall in VB (the areas' column).
 */
export function reconcile(
  net: { budget: number | null; forecast: number | null; actual: number | null },
  total: { budget: number | null; forecast: number | null },
  period: Period,
): Reconciliation | null {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const budget = diff(net.budget, total.budget);
  const forecast = diff(period === 'VB' ? net.actual : net.forecast, total.forecast);
  if (!budget && !forecast) return null;
  return { budget, forecast };
}

/** The texts by kind, sections in the document's order. */
function reportTexts(rows: PeriodTextRow[]): ReportTexts {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    summary: byKey.get('summary')?.text ?? null,
    budgetComment: byKey.get('budgetComment')?.text ?? null,
    sections: rows
      .filter((r) => r.key.startsWith('section:'))
      .sort((a, b) => a.position - b.position)
      .map((r) => ({ heading: r.heading ?? r.key.slice('section:'.length), text: r.text })),
  };
}

function indexBy<T>(rows: T[], key: (row: T) => number): Map<number, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

function groupBy<T>(items: { goalId: number; row: T }[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const { goalId, row } of items) {
    const group = groups.get(goalId);
    if (group) group.push(row);
    else groups.set(goalId, [row]);
  }
  return groups;
}
