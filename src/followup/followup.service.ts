import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActivitiesService } from '../activities/activities.service';
import { BoardsService } from '../boards/boards.service';
import { FollowupPeriod, PERIOD_STATE_LABELS } from '../boards/followup-period.entity';
import { accountTable, budgetCompliance, guideRate, operatingAreaTable } from '../budget/budget.calc';
import { BudgetService } from '../budget/budget.service';
import { DomainError } from '../common/domain-error';
import { Period, reportTitle } from '../common/period';
import { ASSESSMENT_LABELS, AssessmentOrNone, isMorePositiveThanIndicators, suggestAssessment } from '../goals/goal-assessment.calc';
import { Goal, GoalLevel } from '../goals/goal.entity';
import { GoalsService } from '../goals/goals.service';
import { genderAnalysis } from '../indicators/gender-gap.calc';
import { comparedValue, INDICATOR_STATUS_LABELS, indicatorStatus } from '../indicators/indicator-status.calc';
import { IndicatorsService } from '../indicators/indicators.service';
import { measurementPeriodLabel } from '../indicators/measurement-period.calc';
import { ActivityFollowup, GoalFollowup, IndicatorFollowup, PeriodFollowup } from './period-followup';

export const LEVEL_LABELS: Record<GoalLevel, string> = {
  councilAim: 'KF:s inriktningsmål',
  councilGoal: 'KF:s mål för verksamhetsområdet',
  boardGoal: 'Nämndmål',
};

/**
 * Period follow-up: gathers a plan year's goal tree, indicators, activities and budget
 * with one period's reported figures, and computes everything the report shows.
 */
@Injectable()
export class FollowupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly boards: BoardsService,
    private readonly goals: GoalsService,
    private readonly indicators: IndicatorsService,
    private readonly activities: ActivitiesService,
    private readonly budget: BudgetService,
  ) {}

  async getFollowup(boardCode: string, year: number, period: Period): Promise<PeriodFollowup> {
    const ref = await this.boards.findPlanYear(boardCode, year);
    const planYearId = ref.planYear.id;
    const periodRow = await this.boards.findPeriod(planYearId, period);
    const periodId = periodRow?.id ?? -1;

    const [goals, indicators, activities, areas, groups] = await Promise.all([
      this.goals.findByPlanYear(planYearId),
      this.indicators.findByPlanYear(planYearId),
      this.activities.findByPlanYear(planYearId),
      this.budget.findOperatingAreas(planYearId),
      this.budget.findAccountGroups(planYearId),
    ]);
    const [assessments, indicatorResults, activityResults, areaResults, groupResults] = await Promise.all([
      this.goals.findAssessments(periodId),
      this.indicators.findResults(periodId),
      this.activities.findResults(periodId),
      this.budget.findOperatingAreaResults(periodId),
      this.budget.findAccountGroupResults(periodId),
    ]);

    const indicatorResultOf = indexBy(indicatorResults, (r) => r.indicatorId);
    const indicatorRows = new Map<number, IndicatorFollowup[]>();
    for (const indicator of indicators) {
      const result = indicatorResultOf.get(indicator.id);
      const values = {
        outcome: result?.outcome ?? null,
        men: result?.men ?? null,
        women: result?.women ?? null,
        forecast: result?.forecast ?? null,
      };
      const compared = comparedValue(period, values);
      const status = indicatorStatus(indicator, compared);
      const gender = genderAnalysis(indicator, values);
      const row: IndicatorFollowup = {
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
      };
      appendTo(indicatorRows, indicator.goalId, row);
    }

    const activityResultOf = indexBy(activityResults, (r) => r.activityId);
    const activityRows = new Map<number, ActivityFollowup[]>();
    for (const activity of activities) {
      const result = activityResultOf.get(activity.id);
      const row: ActivityFollowup = {
        code: activity.code,
        name: activity.name,
        startDate: activity.startDate,
        endDate: activity.endDate,
        deviation: result?.deviation ?? null,
        comment: result?.comment ?? null,
        version: result?.version ?? 0,
      };
      appendTo(activityRows, activity.goalId, row);
    }

    const assessmentOf = indexBy(assessments, (a) => a.goalId);
    const buildNode = (goal: Goal): GoalFollowup => {
      const children = goals.filter((g) => g.parentId === goal.id).map(buildNode);
      const ownIndicators = indicatorRows.get(goal.id) ?? [];
      const suggestion = suggestAssessment(
        ownIndicators.map((i) => i.status),
        children.map((c) => c.suggestion),
      );
      const assessmentRow = assessmentOf.get(goal.id);
      const assessment: AssessmentOrNone = assessmentRow?.assessment ?? 'notAssessed';
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
        assessmentMorePositive: isMorePositiveThanIndicators(assessment, suggestion),
        version: assessmentRow?.version ?? 0,
        indicators: ownIndicators,
        activities: activityRows.get(goal.id) ?? [],
        children,
      };
    };

    const groupResultOf = indexBy(groupResults, (r) => r.accountGroupId);
    const areaResultOf = indexBy(areaResults, (r) => r.operatingAreaId);
    const table = accountTable(
      period,
      groups.map((g) => {
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
    const areaTable = operatingAreaTable(
      areas.map((a) => {
        const r = areaResultOf.get(a.id);
        return {
          name: a.name,
          previousYearActual: a.previousYearActual,
          budget: a.budget,
          forecast: r?.forecast ?? null,
          adjustment: r ? r.adjustment : null,
        };
      }),
    );

    return {
      board: { code: ref.board.code, name: ref.board.name },
      year,
      period,
      title: reportTitle(period, year),
      reported: periodRow !== null,
      ...workflowOf(periodRow),
      goals: goals.filter((g) => g.parentId === null).map(buildNode),
      budget: {
        guideRate: guideRate(period),
        accountTable: table,
        operatingAreaTable: areaTable,
        budgetCompliance: budgetCompliance(period, table),
        operatingAreaVersions: Object.fromEntries(areas.map((a) => [a.name, areaResultOf.get(a.id)?.version ?? 0])),
      },
    };
  }

  /** Like getFollowup, but refuses a period that nothing has been reported for (for reports and exports). */
  async getReportedFollowup(boardCode: string, year: number, period: Period): Promise<PeriodFollowup> {
    const followup = await this.getFollowup(boardCode, year, period);
    if (!followup.reported) {
      throw DomainError.notFound(
        `Det finns ingen uppföljning för ${period} ${year} för ${followup.board.name} (${followup.board.code}). ` +
          `Importera periodens uppföljning först.`,
      );
    }
    return followup;
  }

  /** One indicator of the period with its computed status (what a correction answers with). */
  async getIndicator(boardCode: string, year: number, period: Period, code: string): Promise<IndicatorFollowup> {
    const followup = await this.getFollowup(boardCode, year, period);
    return findIndicator(followup.goals, code)!;
  }
}

/** The period's place in the workflow, as the follow-up shows it. */
function workflowOf(row: FollowupPeriod | null) {
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

/** Rows by the id of what they report on (one result per indicator, goal, area … and period). */
function indexBy<T>(rows: T[], key: (row: T) => number): Map<number, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

function appendTo<T>(groups: Map<number, T[]>, key: number, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

function findIndicator(goals: GoalFollowup[], code: string): IndicatorFollowup | undefined {
  for (const goal of goals) {
    const found = goal.indicators.find((i) => i.code === code) ?? findIndicator(goal.children, code);
    if (found) return found;
  }
  return undefined;
}
