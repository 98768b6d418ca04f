import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPeriodAddress, PeriodAddress, PeriodAddressParam } from '../common/params';
import { IndicatorValuesDto } from './dto/indicator-values.dto';
import { FollowupService } from './followup.service';

@ApiTags('Uppföljning')
@ApiPeriodAddress()
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
  get(@PeriodAddressParam() at: PeriodAddress) {
    return this.followup.getFollowup(at.board, at.year, at.period);
  }

  @Put('indicators/:code')
  @ApiOperation({
    summary: 'Registrera eller rätta en indikators utfall, utfall för män och kvinnor, prognos och analys',
    description: 'Alla fem värden ersätts; ett värde som utelämnas eller är null blir tomt. Svarar med indikatorns nya status.',
  })
  record(@PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() values: IndicatorValuesDto) {
    return this.followup.recordIndicatorValues(at.board, at.year, at.period, code, values);
  }
}
