import { Body, Controller, Get, Headers, Param, Patch, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor } from '../audit/audit-actor';
import { ApiActor, Requires } from '../auth/permission.decorator';
import { ApiPeriodAddress, PeriodAddress, PeriodAddressParam } from '../common/params';
import { CorrectionsService, CorrectionMode, parseIfMatch } from './corrections.service';
import { ActivityCorrectionDto, GoalCorrectionDto, OperatingAreaCorrectionDto } from './dto/corrections.dto';
import { IndicatorValuesDto } from './dto/indicator-values.dto';
import { FollowupService } from './followup.service';
import { IndicatorFollowup } from './period-followup';

const IF_MATCH = ApiHeader({ name: 'If-Match', required: false, description: 'Radens version (ETag) från periodens GET eller förra svaret; en äldre version ger 412' });

/** The row's version as an ETag: `"3"`. */
function setETag(res: Response, version: number): void {
  res.setHeader('ETag', `"${version}"`);
}

@ApiTags('Uppföljning')
@ApiBearerAuth()
@ApiPeriodAddress()
@Controller('api/boards/:board/years/:year/periods/:period')
export class FollowupController {
  constructor(
    private readonly followup: FollowupService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Get()
  @Requires('read')
  @ApiOperation({
    summary: 'Periodens uppföljning med alla beräknade värden',
    description:
      'Målträdet med bedömningar, indikatorernas status och könsskillnader, aktiviteter och budgettabellerna ' +
      '(förbrukning, riktvärde, avvikelse, budgetföljsamhet). Belopp i hela kronor, andelar som bråk (0,29 = 29 %). ' +
      'Periodens status i arbetsflödet (state, approvedBy, approvedAt) och varje rads version för If-Match.',
  })
  get(@PeriodAddressParam() at: PeriodAddress) {
    return this.followup.getFollowup(at.board, at.year, at.period);
  }

  @Patch('indicators/:code')
  @Requires('write')
  @IF_MATCH
  @ApiOperation({ summary: 'Rätta de fält som skickas (outcome, men, women, forecast, analysis; null tömmer); svarar med indikatorns nya status och version' })
  patchIndicator(
    @PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() body: IndicatorValuesDto,
    @Headers('if-match') ifMatch: string | undefined, @ApiActor() actor: Actor, @Res({ passthrough: true }) res: Response,
  ) {
    return this.indicator(at, code, body, 'patch', ifMatch, actor, res);
  }

  @Put('indicators/:code')
  @Requires('write')
  @IF_MATCH
  @ApiOperation({
    summary: 'Registrera eller rätta alla fem värden på en gång',
    description: 'Alla fem värden ersätts; ett värde som utelämnas eller är null blir tomt. Samma versioner och If-Match som PATCH.',
  })
  putIndicator(
    @PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() body: IndicatorValuesDto,
    @Headers('if-match') ifMatch: string | undefined, @ApiActor() actor: Actor, @Res({ passthrough: true }) res: Response,
  ) {
    return this.indicator(at, code, body, 'put', ifMatch, actor, res);
  }

  @Patch('goals/:code')
  @Requires('write')
  @IF_MATCH
  @ApiOperation({ summary: 'Rätta målets bedömning (full, partial, none) och analys; bara de fält som skickas' })
  async patchGoal(
    @PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() body: GoalCorrectionDto,
    @Headers('if-match') ifMatch: string | undefined, @ApiActor() actor: Actor, @Res({ passthrough: true }) res: Response,
  ) {
    const saved = await this.corrections.correctGoal(at, code, body, parseIfMatch(ifMatch), actor);
    setETag(res, saved.version);
    return { code, ...saved };
  }

  @Patch('activities/:code')
  @Requires('write')
  @IF_MATCH
  @ApiOperation({ summary: 'Rätta aktivitetens avvikelse och kommentar; bara de fält som skickas' })
  async patchActivity(
    @PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() body: ActivityCorrectionDto,
    @Headers('if-match') ifMatch: string | undefined, @ApiActor() actor: Actor, @Res({ passthrough: true }) res: Response,
  ) {
    const saved = await this.corrections.correctActivity(at, code, body, parseIfMatch(ifMatch), actor);
    setETag(res, saved.version);
    return { code, ...saved };
  }

  @Patch('operating-areas/:name')
  @Requires('write')
  @IF_MATCH
  @ApiOperation({ summary: 'Rätta verksamhetsområdets prognos och justering (hela kronor); bara de fält som skickas' })
  async patchOperatingArea(
    @PeriodAddressParam() at: PeriodAddress, @Param('name') name: string, @Body() body: OperatingAreaCorrectionDto,
    @Headers('if-match') ifMatch: string | undefined, @ApiActor() actor: Actor, @Res({ passthrough: true }) res: Response,
  ) {
    const saved = await this.corrections.correctOperatingArea(at, name, body, parseIfMatch(ifMatch), actor);
    setETag(res, saved.version);
    return { name, ...saved };
  }

  private async indicator(
    at: PeriodAddress, code: string, body: IndicatorValuesDto, mode: CorrectionMode, ifMatch: string | undefined, actor: Actor, res: Response,
  ): Promise<IndicatorFollowup> {
    const saved = await this.corrections.correctIndicator(at, code, body, mode, parseIfMatch(ifMatch), actor);
    setETag(res, saved.version);
    return this.followup.getIndicator(at.board, at.year, at.period, code);
  }
}
