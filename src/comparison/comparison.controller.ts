import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { attachmentDisposition } from '../common/content-disposition';
import { parsePeriod, YearPipe } from '../common/params';
import { XLSX_TYPE } from '../reports/reports.service';
import { ComparisonService } from './comparison.service';

/**
 * Comparison between boards over the API: every board the person may read (a `city` reader
 * or an administrator: all of them) that has reported the year's period.
 */
@ApiTags('Jämförelse mellan nämnder')
@ApiBearerAuth()
@ApiParam({ name: 'year', example: 2017 })
@ApiParam({ name: 'period', example: 'T1' })
@ApiQuery({ name: 'indicator', example: 'SON-I07', required: false })
@ApiQuery({ name: 'councilGoal', example: '1.1', required: false, description: 'Ett av KF:s mål i stället för en indikator' })
@Controller('api/years/:year/periods/:period')
export class ComparisonController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Get('comparison')
  @Requires('signedIn')
  @ApiOperation({ summary: 'En indikator i alla nämnder du kan läsa (värde, män, kvinnor, könsskillnad, mot KF:s årsmål; min, median och max), eller ett av KF:s mål (nämndernas bedömningar)' })
  compare(
    @Param('year', YearPipe) year: number, @Param('period') period: string, @Query('indicator') indicator: string | undefined,
    @Query('councilGoal') councilGoal: string | undefined, @CurrentPrincipal() principal: Principal,
  ) {
    const subject = ComparisonService.subject(indicator, councilGoal);
    return 'indicator' in subject
      ? this.comparisons.compare(principal, year, parsePeriod(period), subject.indicator)
      : this.comparisons.compareGoal(principal, year, parsePeriod(period), subject.councilGoal);
  }

  @Get('comparison.xlsx')
  @Requires('signedIn')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: 'Jämförelsen som Excel-arbetsbok' })
  async xlsx(
    @Param('year', YearPipe) year: number, @Param('period') period: string, @Query('indicator') indicator: string | undefined,
    @Query('councilGoal') councilGoal: string | undefined, @CurrentPrincipal() principal: Principal, @Res() res: Response,
  ) {
    const subject = ComparisonService.subject(indicator, councilGoal);
    const file = 'indicator' in subject
      ? await this.comparisons.workbook(principal, year, parsePeriod(period), subject.indicator)
      : await this.comparisons.goalWorkbook(principal, year, parsePeriod(period), subject.councilGoal);
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.type(XLSX_TYPE).send(file.content);
  }

  @Get('comparison.png')
  @Requires('signedIn')
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'Jämförelsen som diagram (PNG)' })
  async png(
    @Param('year', YearPipe) year: number, @Param('period') period: string, @Query('indicator') indicator: string | undefined,
    @CurrentPrincipal() principal: Principal, @Res() res: Response,
  ) {
    const chart = await this.comparisons.chart(principal, year, parsePeriod(period), indicator);
    res.type('image/png').send(chart.png);
  }
}
