import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedRequest, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { parsePeriod, YearPipe } from '../common/params';
import { reportTitle } from '../common/period';
import { formatIndicatorValue, formatNumber } from '../common/vocabulary';
import { ComparisonService } from '../comparison/comparison.service';
import { INDICATOR_STATUS_LABELS } from '../indicators/indicator-status.calc';
import { lightOf } from './page-models';
import { pageCommon } from './page-context';

/**
 * The comparison page (issue 10): choose an indicator reported by several boards and see
 * each board's value, women and men, the gap and KF:s årsmål beside each other, with the
 * spread and the chart, over the boards the person may read.
 */
@ApiExcludeController()
@Controller('jamforelse/:year/:period')
export class ComparisonPagesController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Get()
  @Requires('signedIn')
  async page(
    @Param('year', YearPipe) year: number, @Param('period') periodText: string, @Query('indikator') code: string | undefined,
    @Query('mal') goalCode: string | undefined,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    const period = parsePeriod(periodText);
    const options = await this.comparisons.comparable(principal, year, period);
    const goalOptions = await this.comparisons.comparableGoals(principal, year, period);
    const chosen = goalCode ? undefined : (code ?? options.find((o) => o.boards > 1)?.code ?? options[0]?.code);
    const comparison = chosen ? await this.comparisons.compare(principal, year, period, chosen) : null;
    const goal = goalCode ? await this.comparisons.compareGoal(principal, year, period, goalCode) : null;
    const show = (v: number | null) => (v === null || !comparison ? '–' : formatIndicatorValue(v, comparison.unit, comparison.decimals));
    const api = `/api/years/${year}/periods/${period}`;
    res.render('comparison', {
      ...pageCommon(principal, req),
      title: `Jämförelse mellan nämnder – ${reportTitle(period, year)}`,
      reportTitle: reportTitle(period, year),
      action: `/jamforelse/${year}/${period}`,
      options: options.map((o) => ({ ...o, selected: o.code === chosen, label: `${o.code} ${o.name} (${o.boards} ${o.boards === 1 ? 'nämnd' : 'nämnder'})` })),
      goalOptions: goalOptions.map((o) => ({ ...o, selected: o.code === goal?.code, label: `${o.code} ${o.name} (${o.boards} ${o.boards === 1 ? 'nämnd' : 'nämnder'})` })),
      goal: goal && {
        code: goal.code, name: goal.name, flagged: goal.flagged.join(', '),
        counts: [['Uppfylls helt', goal.counts.full], ['Uppfylls delvis', goal.counts.partial], ['Uppfylls inte', goal.counts.none], ['Ej bedömd', goal.counts.notAssessed]].map(([label, n]) => ({ label, n })),
        rows: goal.rows.map((r) => ({
          board: r.board.name, assessment: r.assessmentLabel, light: lightOf(r.assessment), suggestion: r.suggestionLabel, flagText: r.flagText,
          href: `/namnder/${encodeURIComponent(r.board.code)}/${year}/${period}`,
        })),
        xlsx: `${api}/comparison.xlsx?councilGoal=${encodeURIComponent(goal.code)}`,
      },
      comparison: comparison && {
        code: comparison.code,
        name: comparison.name,
        min: show(comparison.min), median: show(comparison.median), max: show(comparison.max),
        missing: comparison.missing.join(', '),
        rows: comparison.rows.map((r) => ({
          board: r.board.name, code: r.board.code, value: show(r.value), men: show(r.men), women: show(r.women),
          gap: r.genderGap === null ? '–' : formatNumber(r.genderGap, comparison.decimals), councilTarget: show(r.councilTarget),
          status: INDICATOR_STATUS_LABELS[r.councilStatus], light: lightOf(r.councilStatus),
          href: `/namnder/${encodeURIComponent(r.board.code)}/${year}/${period}`,
        })),
        chart: `${api}/comparison.png?indicator=${encodeURIComponent(comparison.code)}`,
        xlsx: `${api}/comparison.xlsx?indicator=${encodeURIComponent(comparison.code)}`,
      },
    });
  }
}
