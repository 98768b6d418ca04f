import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { attachmentDisposition } from '../common/content-disposition';
import { parsePeriod, YearPipe } from '../common/params';
import { CreateReportJobDto } from './dto/create-report-job.dto';
import { ReportJobsService, ReportJobView } from './report-jobs.service';

/**
 * Reports for many boards as a job with a status URL (issue 11): start a run, follow its
 * progress, download each board's files. Every signed-in person may start a run; it covers
 * only the boards they may read, and only they (and administrators) see it.
 */
@ApiTags('Rapportkörningar')
@ApiBearerAuth()
@Controller('api')
export class ReportJobsController {
  constructor(private readonly jobs: ReportJobsService) {}

  @Post('years/:year/periods/:period/report-jobs')
  @Requires('signedIn')
  @HttpCode(202)
  @ApiParam({ name: 'year', example: 2017 })
  @ApiParam({ name: 'period', example: 'T1' })
  @ApiOperation({ summary: 'Starta en körning av rapporterna för alla nämnder du kan läsa (eller de som anges); svarar 202 med adressen till körningens status' })
  async create(
    @Param('year', YearPipe) year: number, @Param('period') period: string, @Body() body: CreateReportJobDto,
    @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response,
  ): Promise<ReportJobView> {
    const job = await this.jobs.create(principal, year, parsePeriod(period), body);
    res.setHeader('Location', job.statusUrl);
    return job;
  }

  @Get('report-jobs')
  @Requires('signedIn')
  @ApiOperation({ summary: 'Dina senaste rapportkörningar (en administratörs: allas)' })
  recent(@CurrentPrincipal() principal: Principal): Promise<ReportJobView[]> {
    return this.jobs.recent(principal);
  }

  @Get('report-jobs/:id')
  @Requires('signedIn')
  @ApiOperation({ summary: 'En körnings läge: hur många nämnder som är klara, varje nämnds filer eller fel' })
  view(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ReportJobView> {
    return this.jobs.view(principal, id);
  }

  @Get('report-jobs/:id/files/:fileId')
  @Requires('signedIn')
  @ApiOperation({ summary: 'En färdig fil ur körningen, under sitt svenska filnamn' })
  async file(@Param('id') id: string, @Param('fileId') fileId: string, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const file = await this.jobs.file(principal, id, fileId);
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.type(file.contentType);
    res.send(file.content);
  }
}
