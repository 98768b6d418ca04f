import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PeriodPipe, YearPipe } from '../common/params';
import { Period } from '../common/period';
import { IndicatorValuesDto } from './dto/indicator-values.dto';
import { FollowupService } from './followup.service';

@ApiTags('Uppföljning')
@Controller('api/boards/:board/years/:year/periods/:period')
export class FollowupController {
  constructor(private readonly followup: FollowupService) {}

  @Get()
  @ApiOperation({
    summary: 'Periodens uppföljning med alla beräknade värden',
    description:
      'Målträdet med bedömningar, indikatorernas status och könsskillnader, aktiviteter och budgettabellerna ' +
      '(förbrukning, riktvärde, avvikelse, budgetföljsamhet). Belopp i hela kronor, andelar som bråk (0,29 = 29 %).',
  })
  get(@Param('board') board: string, @Param('year', YearPipe) year: number, @Param('period', PeriodPipe) period: Period) {
    return this.followup.getFollowup(board, year, period);
  }

  @Put('indicators/:code')
  @ApiOperation({
    summary: 'Registrera eller rätta en indikators utfall, utfall för män och kvinnor, prognos och analys',
    description: 'Alla fem värden ersätts; ett värde som utelämnas eller är null blir tomt. Svarar med indikatorns nya status.',
  })
  record(
    @Param('board') board: string,
    @Param('year', YearPipe) year: number,
    @Param('period', PeriodPipe) period: Period,
    @Param('code') code: string,
    @Body() values: IndicatorValuesDto,
  ) {
    return this.followup.recordIndicatorValues(board, year, period, code, values);
  }
}
