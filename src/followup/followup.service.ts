import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActivitiesService } from '../activities/activities.service';
import { BoardsService } from '../boards/boards.service';
import { BudgetService } from '../budget/budget.service';
import { DomainError } from '../common/domain-error';
import { Period } from '../common/period';
import { GoalsService } from '../goals/goals.service';
import { checkIndicatorValues } from '../indicators/indicator-values.rules';
import { IndicatorsService } from '../indicators/indicators.service';
import { IndicatorValuesDto } from './dto/indicator-values.dto';
import { assembleFollowup, indicatorFollowup, PeriodRows, PlanRows } from './assemble-followup.calc';
import { IndicatorFollowup, PeriodFollowup } from './period-followup';
import { PeriodTextsService } from './period-texts.service';

export { LEVEL_LABELS } from '../common/vocabulary';

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
    return assembleFollowup(plan, rows, t2);
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
      lockedAt: periodRow?.lockedAt ?? null,
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
   * What a controller does: enters or corrects one indicator's outcome, män, kvinnor,
   * prognos and analys for a period. The same rules as the import; one transaction.
   * Returns the indicator with its recomputed status.
   */
  async recordIndicatorValues(
    boardCode: string,
    year: number,
    period: Period,
    indicatorCode: string,
    values: IndicatorValuesDto,
  ): Promise<IndicatorFollowup> {
    return this.dataSource.transaction(async (manager) => {
      const ref = await this.boards.findPlanYear(boardCode, year, manager);
      const indicator = (await this.indicators.findByPlanYear(ref.planYear.id, manager)).find((i) => i.code === indicatorCode);
      if (!indicator) {
        throw DomainError.notFound(`Det finns ingen indikator med koden "${indicatorCode}" i planen för ${ref.board.name} ${year}.`);
      }
      const errors = checkIndicatorValues(indicator, values, '');
      if (errors.length > 0) throw DomainError.invalid('Värdena kunde inte sparas.', errors);
      const periodRow = await this.boards.openPeriodForWriting(manager, ref, period);
      const saved = {
        indicatorId: indicator.id,
        outcome: values.outcome ?? null,
        men: values.men ?? null,
        women: values.women ?? null,
        forecast: values.forecast ?? null,
        analysis: values.analysis ?? null,
      };
      const stats = await this.indicators.upsertResults(manager, periodRow.id, [saved]);
      await this.boards.markChanged(manager, periodRow, [stats]);
      // The answer is worked out from the row just saved, by the same rule as the period's assembly.
      return indicatorFollowup(indicator, saved, period, year);
    });
  }
}
