import { Injectable } from '@nestjs/common';
import { ActivitiesService } from '../activities/activities.service';
import { BoardsService } from '../boards/boards.service';
import { BudgetService } from '../budget/budget.service';
import { DomainError } from '../common/domain-error';
import { isMonthPeriod, Period, PERIODS, TERTIAL_PERIODS } from '../common/period';
import { GoalsService } from '../goals/goals.service';
import { IndicatorsService } from '../indicators/indicators.service';
import { assembleFollowup, forecastSeries, indicatorFollowup, PeriodAreaResults, PeriodRows, PlanRows } from './assemble-followup.calc';
import { allIndicators, IndicatorFollowup, PeriodFollowup } from './period-followup';
import { PeriodTextsService } from './period-texts.service';
import { ForecastReliability, forecastReliability } from './forecast-reliability.calc';
import { HISTORY_YEARS, HistoryPeriodRows, indicatorHistory, withHistory } from './indicator-history.calc';

export { LEVEL_LABELS } from '../common/vocabulary';

/**
 * Period follow-up: gathers a plan year's goal tree, indicators, activities and budget
 * with one period's reported figures, and computes everything the report shows.
 */
@Injectable()
export class FollowupService {
  constructor(
    private readonly boards: BoardsService,
    private readonly goals: GoalsService,
    private readonly indicators: IndicatorsService,
    private readonly activities: ActivitiesService,
    private readonly budget: BudgetService,
    private readonly texts: PeriodTextsService,
  ) {}

  async getFollowup(boardCode: string, year: number, period: Period): Promise<PeriodFollowup> {
    const ref = await this.boards.findPlanYear(boardCode, year);
    const planYearId = ref.planYear.id;
    const [goals, indicators, activities, operatingAreas, accountGroups] = await Promise.all([
      this.goals.findByPlanYear(planYearId),
      this.indicators.findByPlanYear(planYearId),
      this.activities.findByPlanYear(planYearId),
      this.budget.findOperatingAreas(planYearId),
      this.budget.findAccountGroups(planYearId),
    ]);
    const plan: PlanRows = { board: { code: ref.board.code, name: ref.board.name }, year, goals, indicators, activities, operatingAreas, accountGroups };
    const rows = await this.loadPeriodRows(planYearId, period);
    // The verksamhetsberättelse is compared with tertialrapport 2 (prognossäkerhet).
    const t2 = period === 'VB' ? await this.loadPeriodRows(planYearId, 'T2') : null;
    const followup = assembleFollowup(plan, rows, t2);
    followup.budget.forecastSeries = forecastSeries(plan, await this.loadAreaResults(planYearId), period);
    followup.forecastReliability = period === 'VB' ? await this.reliabilityOf(plan, followup, planYearId, t2!) : null;
    if (!isMonthPeriod(period)) {
      const thresholds = new Map(plan.indicators.map((i) => [i.code, i.deteriorationThreshold ?? null]));
      withHistory(followup, indicatorHistory(await this.historyRows(ref.board.code, year, planYearId, plan, period), year), thresholds);
    }
    return followup;
  }

  /**
   * The rows an indicator's series is built from: the VB of each of up to five earlier plan
   * years of the board, and this year's T1, T2 and VB up to the period shown.
   */
  private async historyRows(boardCode: string, year: number, planYearId: number, plan: PlanRows, upTo: Period): Promise<HistoryPeriodRows[]> {
    const rows: HistoryPeriodRows[] = [];
    for (let earlier = year - HISTORY_YEARS; earlier < year; earlier++) {
      const ref = await this.boards.findPlanYearOrNull(boardCode, earlier);
      const vb = ref ? await this.boards.findPeriod(ref.planYear.id, 'VB') : null;
      if (!ref || !vb) continue;
      rows.push({ year: earlier, period: 'VB', indicators: await this.indicators.findByPlanYear(ref.planYear.id), results: await this.indicators.findResults(vb.id) });
    }
    for (const period of TERTIAL_PERIODS.filter((p) => PERIODS.indexOf(p) <= PERIODS.indexOf(upTo))) {
      const row = await this.boards.findPeriod(planYearId, period);
      if (row) rows.push({ year, period, indicators: plan.indicators, results: await this.indicators.findResults(row.id) });
    }
    return rows;
  }

  /** The verksamhetsberättelse's prognossäkerhet: the year's series and the indicators' T1 and T2 prognoses against the outcome. */
  private async reliabilityOf(plan: PlanRows, vb: PeriodFollowup, planYearId: number, t2: PeriodRows): Promise<ForecastReliability> {
    const t1 = await this.loadPeriodRows(planYearId, 'T1');
    const forecastOf = (rows: PeriodRows) => new Map(rows.indicatorResults.map((r) => [r.indicatorId, r.forecast]));
    const [t1Forecasts, t2Forecasts] = [forecastOf(t1), forecastOf(t2)];
    const vbIndicators = new Map(allIndicators(vb.goals).map((i) => [i.code, i]));
    const table = vb.budget.operatingAreaTable;
    return forecastReliability(
      vb.budget.forecastSeries ?? [],
      [...table.rows.map((r) => r.budget), table.total.budget],
      plan.indicators.flatMap((indicator) => {
        const followed = vbIndicators.get(indicator.code);
        if (!followed) return [];
        return [{
          code: indicator.code, name: indicator.name, unit: followed.unit, decimals: followed.decimals, annualTarget: followed.annualTarget,
          t1Forecast: t1Forecasts.get(indicator.id) ?? null, t2Forecast: t2Forecasts.get(indicator.id) ?? null, outcome: followed.outcome,
        }];
      }),
    );
  }

  /** Every period's prognoser per verksamhetsområde, for the årsprognos month by month. */
  private async loadAreaResults(planYearId: number): Promise<PeriodAreaResults[]> {
    const periods = await this.boards.findPeriods(planYearId);
    return Promise.all(
      periods.map(async (p) => ({ period: p.period, operatingAreaResults: await this.budget.findOperatingAreaResults(p.id) })),
    );
  }

  /** One period's reported rows; empty lists when the period has no follow-up yet. */
  private async loadPeriodRows(planYearId: number, period: Period): Promise<PeriodRows> {
    const periodRow = await this.boards.findPeriod(planYearId, period);
    const periodId = periodRow?.id ?? -1;
    const [assessments, indicatorResults, activityResults, operatingAreaResults, accountGroupResults, texts] = await Promise.all([
      this.goals.findAssessments(periodId),
      this.indicators.findResults(periodId),
      this.activities.findResults(periodId),
      this.budget.findOperatingAreaResults(periodId),
      this.budget.findAccountGroupResults(periodId),
      this.texts.findByPeriod(periodId),
    ]);
    return {
      period,
      reported: periodRow !== null,
      workflow: periodRow,
      assessments,
      indicatorResults,
      activityResults,
      operatingAreaResults,
      accountGroupResults,
      texts,
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

  /**
   * One indicator of the period with its computed status: what a correction answers with.
   * Worked out from the indicator's own row by the same rule as the period's assembly,
   * without rebuilding the whole period.
   */
  async getIndicator(boardCode: string, year: number, period: Period, code: string): Promise<IndicatorFollowup> {
    const ref = await this.boards.findPlanYear(boardCode, year);
    const indicator = await this.indicators.findByCode(ref.planYear.id, code);
    if (!indicator) {
      throw DomainError.notFound(`Det finns ingen indikator med koden "${code}" i planen för ${ref.board.name} ${year}.`);
    }
    const periodRow = await this.boards.findPeriod(ref.planYear.id, period);
    const results = periodRow ? await this.indicators.findResults(periodRow.id, undefined, [indicator.id]) : [];
    return indicatorFollowup(indicator, results.find((r) => r.indicatorId === indicator.id), period, year);
  }
}
