import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Requires } from '../auth/permission.decorator';
import { attachmentDisposition } from '../common/content-disposition';
import { parsePeriod, YearPipe } from '../common/params';
import { Period, PERIODS } from '../common/period';
import { AuditFile, AuditService } from './audit.service';

function download(res: Response, file: AuditFile): void {
  res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
  res.type(file.contentType);
  res.send(file.content);
}

function periodOf(text: string | undefined): Period | null {
  return text === undefined || text === '' ? null : parsePeriod(text);
}

@ApiTags('Ändringslogg')
@ApiBearerAuth()
@ApiParam({ name: 'board', example: 'SON' })
@ApiParam({ name: 'year', example: 2017 })
@ApiQuery({ name: 'period', required: false, enum: PERIODS })
@Controller('api/boards/:board/years/:year')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @Requires('audit')
  @ApiOperation({ summary: 'Ändringsloggen: en rad per ändrat fält (tid, användare, källa, objekt, fält, tidigare och nytt värde)' })
  list(@Param('board') board: string, @Param('year', YearPipe) year: number, @Query('period') period?: string) {
    return this.audit.list(board, year, periodOf(period));
  }

  @Get('audit.xlsx')
  @Requires('audit')
  @ApiOperation({ summary: 'Ändringsloggen som Excel-arbetsbok' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(@Param('board') board: string, @Param('year', YearPipe) year: number, @Res() res: Response, @Query('period') period?: string) {
    download(res, await this.audit.xlsx(board, year, periodOf(period)));
  }

  @Get('audit.csv')
  @Requires('audit')
  @ApiOperation({ summary: 'Ändringsloggen som CSV för svenskt Excel (UTF-8 med BOM, semikolon, decimalkomma)' })
  @ApiProduces('text/csv')
  async csv(@Param('board') board: string, @Param('year', YearPipe) year: number, @Res() res: Response, @Query('period') period?: string) {
    download(res, await this.audit.csv(board, year, periodOf(period)));
  }
}
