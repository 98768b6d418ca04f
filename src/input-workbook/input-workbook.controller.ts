import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ApiActor, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Actor } from '../audit/audit-actor';
import { Principal } from '../auth/principal';
import { attachmentDisposition } from '../common/content-disposition';
import { DomainError } from '../common/domain-error';
import { ApiPeriodAddress, PeriodAddress, PeriodAddressParam } from '../common/params';
import { InputUploadResult, InputWorkbookService, XLSX_TYPE } from './input-workbook.service';

/** The input workbook over the API: download it, and upload a filled one (preview with ?dryRun=true). */
@ApiTags('Inmatning i Excel')
@ApiBearerAuth()
@ApiPeriodAddress()
@Controller('api/boards/:board/years/:year/periods/:period/input.xlsx')
export class InputWorkbookController {
  constructor(private readonly inputs: InputWorkbookService) {}

  @Get()
  @Requires('read')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: 'Inmatningsarbetsboken för perioden: ett blad per slag (indikatorer, mål, aktiviteter, verksamhetsområden, kontogrupper, texter), ifylld med det som är sparat' })
  async download(@PeriodAddressParam() at: PeriodAddress, @Res() res: Response): Promise<void> {
    const file = await this.inputs.download(at.board, at.year, at.period);
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.type(file.contentType);
    res.send(file.content);
  }

  @Post()
  @Requires('write')
  @HttpCode(200)
  @ApiConsumes(XLSX_TYPE)
  @ApiBody({ description: 'Den ifyllda arbetsboken (xlsx) som den är' })
  @ApiQuery({ name: 'dryRun', required: false, description: 'true: visa vad som skulle ändras utan att spara' })
  @ApiOperation({ summary: 'Ladda upp en ifylld inmatningsarbetsbok: allt eller inget, som en import; varje fel med blad, rad och kolumn' })
  upload(
    @PeriodAddressParam() at: PeriodAddress, @Query('dryRun') dryRun: string | undefined, @Body() body: unknown, @Req() req: Request,
    @ApiActor() actor: Actor, @CurrentPrincipal() principal: Principal,
  ): Promise<InputUploadResult> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== XLSX_TYPE && type !== 'application/octet-stream') {
      throw DomainError.invalid(`Skicka arbetsboken som xlsx (Content-Type: ${XLSX_TYPE}), inte "${type || 'ingen typ'}".`, [{ path: 'body', message: 'Måste vara en xlsx-fil.' }]);
    }
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
      throw DomainError.invalid(`dryRun ska vara true eller false, inte "${dryRun}".`, [{ path: 'dryRun', message: 'Måste vara true eller false.' }]);
    }
    return this.inputs.upload(at.board, at.year, at.period, Buffer.isBuffer(body) ? body : Buffer.alloc(0), actor, principal, { apply: dryRun !== 'true' });
  }
}
