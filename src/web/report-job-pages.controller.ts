import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedRequest, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { DomainError, HTTP_STATUS_BY_CODE } from '../common/domain-error';
import { isPeriod } from '../common/period';
import { REPORT_FORMATS, ReportFormat } from '../report-jobs/report-job.entity';
import { ReportJobsService, ReportJobView } from '../report-jobs/report-jobs.service';
import { pageCommon } from './page-context';

const PAGE = '/rapportkorningar';

interface RunForm {
  period?: string;
  formats?: string | string[];
}

const FORMAT_LABELS: Record<ReportFormat, string> = { xlsx: 'Excel (xlsx)', docx: 'Word (docx)' };

/**
 * Reports for many boards from the browser (issue 11): start a run for a year and period,
 * follow its progress while the server goes on answering everyone else, and download each
 * board's files. The same runs as the API's /api/report-jobs.
 */
@ApiExcludeController()
@Controller(PAGE.slice(1))
export class ReportJobPagesController {
  constructor(private readonly jobs: ReportJobsService) {}

  @Get()
  @Requires('signedIn')
  async page(@CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.renderList(principal, req, res, {});
  }

  @Post()
  @Requires('signedIn')
  async start(@Body() form: RunForm, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    const errors: Record<string, string> = {};
    const [yearText, periodText] = (form.period ?? '').split('-');
    if (!/^\d{4}$/.test(yearText ?? '') || !isPeriod(periodText ?? '')) errors.period = 'Välj år och period.';
    const formats = (Array.isArray(form.formats) ? form.formats : form.formats ? [form.formats] : []).filter((f): f is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(f));
    if (formats.length === 0) errors.formats = 'Välj minst ett format.';
    if (Object.keys(errors).length > 0) return this.renderList(principal, req, res.status(400), { errors, form });
    try {
      const job = await this.jobs.create(principal, Number(yearText), periodText as never, { formats: [...new Set(formats)] });
      return res.redirect(303, `${PAGE}/${job.id}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.renderList(principal, req, res.status(HTTP_STATUS_BY_CODE[error.code]), { errors: { period: error.message }, form });
    }
  }

  @Get(':id')
  @Requires('signedIn')
  async job(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    const job = await this.jobs.view(principal, id);
    const running = job.state === 'queued' || job.state === 'running';
    res.render('report-job', {
      ...pageCommon(principal, req),
      title: `Rapportkörning – ${job.title}`,
      job: viewModel(job),
      running,
    });
  }

  private async renderList(principal: Principal, req: AuthenticatedRequest, res: Response, state: { errors?: Record<string, string>; form?: RunForm }) {
    const periods = await this.jobs.runnablePeriods(principal);
    const chosen = state.form?.period;
    const chosenFormats = state.form ? (Array.isArray(state.form.formats) ? state.form.formats : state.form.formats ? [state.form.formats] : []) : ['xlsx'];
    res.render('report-jobs', {
      ...pageCommon(principal, req),
      title: 'Rapporter för många nämnder',
      periods: periods.map((p, i) => {
        const value = `${p.year}-${p.period}`;
        return { value, label: `${p.label} (${p.boards} ${p.boards === 1 ? 'nämnd' : 'nämnder'})`, selected: chosen ? chosen === value : i === 0 };
      }),
      formats: REPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f], checked: chosenFormats.includes(f) })),
      errors: state.errors ?? {},
      jobs: (await this.jobs.recent(principal)).map(viewModel),
    });
  }
}

function viewModel(job: ReportJobView) {
  const failed = job.boards.filter((b) => b.state === 'failed').length;
  return {
    ...job,
    href: `${PAGE}/${job.id}`,
    createdAt: job.createdAt.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }),
    formatsText: job.formats.map((f) => FORMAT_LABELS[f]).join(', '),
    summary: `${job.done} av ${job.total} nämnder klara${failed > 0 ? `, ${failed} med fel` : ''}`,
    boards: job.boards.map((b) => ({ ...b, stateText: b.state === 'done' ? 'Klar' : b.state === 'failed' ? 'Fel' : 'Väntar' })),
  };
}
