import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/permission.decorator';
import { Response } from 'express';
import { CHART_KINDS, ChartKind } from '../charts/chart-kinds';
import { attachmentDisposition } from '../common/content-disposition';
import { DomainError } from '../common/domain-error';
import { ApiPeriodAddress, PeriodAddress, PeriodAddressParam } from '../common/params';
import { ReportFile, ReportsService } from './reports.service';

/** Sends a file as a download under its Swedish name (Content-Disposition with a UTF-8 filename*). */
function download(res: Response, file: ReportFile): void {
  res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
  res.type(file.contentType);
  res.send(file.content);
}

@ApiTags('Rapporter')
@ApiBearerAuth()
@Requires('read')
@ApiPeriodAddress()
@Controller('api/boards/:board/years/:year/periods/:period')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('report.xlsx')
  @ApiOperation({ summary: 'Periodens rapport som Excel-arbetsbok med diagram (t.ex. "Tertialrapport 1 2017 – Socialnämnden.xlsx")' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async report(
    @PeriodAddressParam() at: PeriodAddress,
    @Res() res: Response,
  ): Promise<void> {
    download(res, await this.reports.reportWorkbook(at.board, at.year, at.period));
  }

  @Get('report.docx')
  @ApiOperation({ summary: 'Periodens rapport som Word-dokument (t.ex. "Tertialrapport 1 2017 – Socialnämnden.docx")' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async reportDocx(@PeriodAddressParam() at: PeriodAddress, @Res() res: Response): Promise<void> {
    download(res, await this.reports.reportDocument(at.board, at.year, at.period));
  }

  @Get('budget.xlsx')
  @ApiOperation({ summary: 'Budgettabellerna (Driftbudget och Verksamhetsområden) som Excel-arbetsbok, för revisorer' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async budgetXlsx(
    @PeriodAddressParam() at: PeriodAddress,
    @Res() res: Response,
  ): Promise<void> {
    download(res, await this.reports.budgetExport(at.board, at.year, at.period, 'xlsx'));
  }

  @Get('budget.csv')
  @ApiOperation({ summary: 'Budgettabellerna som CSV för svenskt Excel (UTF-8 med BOM, semikolon, decimalkomma)' })
  @ApiProduces('text/csv')
  async budgetCsv(
    @PeriodAddressParam() at: PeriodAddress,
    @Res() res: Response,
  ): Promise<void> {
    download(res, await this.reports.budgetExport(at.board, at.year, at.period, 'csv'));
  }

  @Get('charts/:kind.png')
  @ApiOperation({
    summary: 'Ett av rapportens diagram som PNG-bild',
    description: 'Ett långt indikatordiagram delas i sidor; ?part=2 ger sida 2. Svarshuvudet X-Chart-Parts säger hur många sidor diagrammet har.',
  })
  @ApiParam({ name: 'kind', enum: CHART_KINDS })
  @ApiQuery({ name: 'part', required: false, type: Number })
  @ApiProduces('image/png')
  async chart(
    @PeriodAddressParam() at: PeriodAddress,
    @Param('kind') kind: string,
    @Query('part') partText: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!(CHART_KINDS as readonly string[]).includes(kind)) {
      throw DomainError.notFound(`Det finns inget diagram "${kind}". Diagrammen heter ${CHART_KINDS.join(', ')}.`);
    }
    const part = partText === undefined ? 1 : Number(partText);
    if (!/^\d+$/.test(partText ?? '1') || part < 1) {
      throw DomainError.invalid(`part måste vara ett heltal från 1, inte "${partText}".`, [{ path: 'part', message: 'Måste vara ett heltal från 1.' }]);
    }
    const chart = await this.reports.chart(at.board, at.year, at.period, kind as ChartKind, part);
    res.setHeader('X-Chart-Parts', String(chart.parts));
    res.type('image/png');
    res.send(chart.png);
  }
}
