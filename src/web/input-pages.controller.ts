import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { DomainError, DomainErrorCode, HTTP_STATUS_BY_CODE } from '../common/domain-error';
import { PeriodAddress, PeriodAddressParam } from '../common/params';
import { FollowupService } from '../followup/followup.service';
import { UploadRequest } from '../input-workbook/input-upload';
import { InputWorkbookService } from '../input-workbook/input-workbook.service';
import { InputError } from '../input-workbook/read-input-workbook';
import { pageCommon, periodPath } from './page-context';

type Form = Record<string, string | undefined>;

/**
 * The Excel round trip from the browser (issue 9): download the period's input workbook,
 * upload it filled in, see every change (or every error, by sheet, row and column) before
 * anything is saved, then apply it all or nothing. The preview carries the file and the
 * digest of what was saved when it was made, so applying works on any app instance and is
 * refused when someone has saved in between.
 */
@ApiExcludeController()
@Controller('namnder/:board/:year/:period/inmatning')
export class InputPagesController {
  constructor(
    private readonly inputs: InputWorkbookService,
    private readonly followups: FollowupService,
  ) {}

  @Get()
  @Requires('read')
  async page(@PeriodAddressParam() at: PeriodAddress, @CurrentPrincipal() principal: Principal, @Req() req: UploadRequest, @Res() res: Response) {
    await this.render(at, principal, req, res, {});
  }

  @Post()
  @Requires('write')
  async preview(@PeriodAddressParam() at: PeriodAddress, @CurrentPrincipal() principal: Principal, @Req() req: UploadRequest, @Res() res: Response) {
    if (req.uploadError) return this.render(at, principal, req, res.status(400), { fileError: req.uploadError });
    if (!req.file || req.file.size === 0) return this.render(at, principal, req, res.status(400), { fileError: 'Välj den ifyllda arbetsboken (xlsx) att ladda upp.' });
    const bytes = req.file.buffer;
    try {
      const result = await this.inputs.upload(at.board, at.year, at.period, bytes, { username: principal.username, source: 'web' }, principal, { apply: false });
      return this.render(at, principal, req, res, {
        preview: {
          ...result, fileName: req.file.originalname, file: bytes.toString('base64'),
          changeCount: result.changes.length === 1 ? '1 ändrat värde' : `${result.changes.length} ändrade värden`,
        },
      });
    } catch (error) {
      return this.refused(error, at, principal, req, res);
    }
  }

  @Post('tillampa')
  @Requires('write')
  async apply(@PeriodAddressParam() at: PeriodAddress, @Body() form: Form, @CurrentPrincipal() principal: Principal, @Req() req: UploadRequest, @Res() res: Response) {
    if (req.uploadError) return this.render(at, principal, req, res.status(400), { fileError: req.uploadError });
    const bytes = Buffer.from(form.fil ?? '', 'base64');
    if (bytes.length === 0 || !form.digest) return this.render(at, principal, req, res.status(400), { fileError: 'Förhandsgranskningen saknas; ladda upp arbetsboken igen.' });
    try {
      const result = await this.inputs.upload(at.board, at.year, at.period, bytes, { username: principal.username, source: 'web' }, principal, {
        apply: true, expectedDigest: form.digest,
      });
      return this.render(at, principal, req, res, { applied: result });
    } catch (error) {
      return this.refused(error, at, principal, req, res);
    }
  }

  private refused(error: unknown, at: PeriodAddress, principal: Principal, req: UploadRequest, res: Response) {
    if (!(error instanceof DomainError)) throw error;
    const status = HTTP_STATUS_BY_CODE[error.code];
    const cells = (error.details.cells as InputError[] | undefined) ?? null;
    if (cells) return this.render(at, principal, req, res.status(status), { cells, fileError: error.message });
    if (error.code === DomainErrorCode.Forbidden) throw error;
    return this.render(at, principal, req, res.status(status), { fileError: error.message });
  }

  private async render(
    at: PeriodAddress, principal: Principal, req: UploadRequest, res: Response,
    state: { fileError?: string; cells?: InputError[]; preview?: object; applied?: object },
  ) {
    const f = await this.followups.getReportedFollowup(at.board, at.year, at.period);
    const base = periodPath(at);
    res.render('input', {
      ...pageCommon(principal, req),
      title: `Excel-inmatning – ${f.title} – ${f.board.name}`,
      f,
      overviewHref: base,
      action: `${base}/inmatning`,
      applyAction: `${base}/inmatning/tillampa`,
      downloadHref: `/api/boards/${encodeURIComponent(f.board.code)}/years/${f.year}/periods/${f.period}/input.xlsx`,
      canWrite: principal.can('write', f.board.code) && !f.locked,
      ...state,
      cells: state.cells?.map((c) => ({ ...c, row: c.row ?? '–', column: c.column ?? '–' })),
    });
  }
}
