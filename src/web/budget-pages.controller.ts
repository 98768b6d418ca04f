import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedRequest, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { PeriodAddress, PeriodAddressParam } from '../common/params';
import { formatDeviationMnkr, formatMnkr } from '../common/vocabulary';
import { CorrectionsService, OperatingAreaValues } from '../followup/corrections.service';
import { FollowupService } from '../followup/followup.service';
import { mnkrFieldValue, parseMnkrField } from './mnkr-field';
import { formText, pageCommon, periodPath } from './page-context';

type Form = Record<string, string | undefined>;

const AMOUNT_FIELDS = [
  { key: 'forecast', label: 'Prognos helår (mnkr)' },
  { key: 'adjustment', label: 'Justering (mnkr)' },
  { key: 'volumeChange', label: 'Prestationsförändring (mnkr)' },
  { key: 'returned', label: 'Återredovisning (mnkr)' },
] as const;

interface Typed {
  area: string;
  form: Form;
  fieldErrors: Record<string, string>;
  conflict?: { label: string; value: string }[];
  version?: number;
}

/**
 * The budget page of SPEC 8: per verksamhetsområde the board's prognos, justering,
 * prestationsförändring and återredovisning, typed in mnkr as the report prints them and
 * saved in whole kronor, with the area's comment, through the API's corrections (rules,
 * If-Match version, audit). Avvikelse and justerad avvikelse are the computed follow-up's.
 */
@ApiExcludeController()
@Controller('namnder/:board/:year/:period/budget')
export class BudgetPagesController {
  constructor(
    private readonly followup: FollowupService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Get()
  @Requires('read')
  async page(
    @PeriodAddressParam() at: PeriodAddress, @Query('sparad') saved: string | undefined,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    await this.render(at, principal, req, res, { savedArea: saved });
  }

  @Post()
  @Requires('write')
  async save(
    @PeriodAddressParam() at: PeriodAddress, @Body() form: Form,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    const area = form.area ?? '';
    const fieldErrors: Record<string, string> = {};
    const values: Partial<OperatingAreaValues> = {};
    for (const { key, label } of AMOUNT_FIELDS) {
      const parsed = parseMnkrField(form[key]);
      if (!parsed.ok) fieldErrors[key] = `${label}: ${parsed.message}`;
      else if (key === 'forecast' && parsed.value === null) fieldErrors[key] = `${label}: ange prognosen; den kan inte vara tom.`;
      else values[key] = key === 'forecast' ? parsed.value! : (parsed.value ?? 0);
    }
    const comment = formText(form.comment, 'Kommentar');
    if (comment.ok) values.comment = comment.value;
    else fieldErrors.comment = comment.message;
    const typed: Typed = { area, form, fieldErrors };
    if (Object.keys(fieldErrors).length > 0) return this.render(at, principal, req, res.status(400), { typed });
    const version = Number(form.version);
    try {
      await this.corrections.correctOperatingArea(at, area, values, form.version && Number.isInteger(version) ? version : null, {
        username: principal.username, source: 'web',
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === DomainErrorCode.StaleVersion) {
        const current = error.details.current as OperatingAreaValues & { version: number };
        const conflict = AMOUNT_FIELDS.map((f): { label: string; value: string } => ({ label: f.label, value: mnkrFieldValue(current[f.key]) || '(tomt)' }))
          .concat([{ label: 'Kommentar', value: current.comment ?? '(tomt)' }]);
        return this.render(at, principal, req, res.status(409), { typed: { ...typed, conflict, version: current.version } });
      }
      if (error.code === DomainErrorCode.InvalidInput) {
        for (const e of error.errors) fieldErrors[e.path.replace(/^\./, '') || 'forecast'] = e.message;
        return this.render(at, principal, req, res.status(400), { typed });
      }
      throw error;
    }
    const anchor = areaId(area, await this.areaIndex(at, area));
    return res.redirect(303, `${periodPath(at)}/budget?sparad=${encodeURIComponent(anchor)}#${encodeURIComponent(anchor)}`);
  }

  private async areaIndex(at: PeriodAddress, area: string): Promise<number> {
    const f = await this.followup.getReportedFollowup(at.board, at.year, at.period);
    return f.budget.operatingAreaTable.rows.findIndex((r) => r.name === area);
  }

  private async render(at: PeriodAddress, principal: Principal, req: AuthenticatedRequest, res: Response, state: { savedArea?: string; typed?: Typed }) {
    const f = await this.followup.getReportedFollowup(at.board, at.year, at.period);
    const canWrite = principal.can('write', f.board.code) && !f.locked;
    const base = periodPath({ board: f.board.code, year: at.year, period: at.period });
    const mnkr = (v: number | null) => (v === null ? '–' : `${formatMnkr(v)} mnkr`);
    const deviation = (v: number | null) => (v === null ? '–' : formatDeviationMnkr(v));
    const errorSummary: { href: string; message: string }[] = [];
    const comments = new Map(f.budget.areaComments.map((c) => [c.name, c.comment]));
    const areas = f.budget.operatingAreaTable.rows.map((row, index) => {
      const id = areaId(row.name, index);
      const typed = state.typed?.area === row.name ? state.typed : undefined;
      if (typed?.conflict) errorSummary.push({ href: `#${id}`, message: `Någon annan har ändrat ${row.name} medan du skrev; se deras värden vid verksamhetsområdet.` });
      const fields = AMOUNT_FIELDS.map((field) => {
        const error = typed?.fieldErrors[field.key];
        const fieldId = `${id}-${field.key}`;
        if (error) errorSummary.push({ href: `#${fieldId}`, message: `${row.name}: ${error}` });
        return { id: fieldId, name: field.key, label: field.label, error, value: typed ? (typed.form[field.key] ?? '') : mnkrFieldValue(row[field.key]) };
      });
      const commentError = typed?.fieldErrors.comment;
      if (commentError) errorSummary.push({ href: `#${id}-comment`, message: `${row.name}: ${commentError}` });
      return {
        id, name: row.name, fields, commentError,
        budget: mnkr(row.budget), forecast: mnkr(row.forecast), deviation: deviation(row.deviation), adjustedDeviation: deviation(row.adjustedDeviation),
        commentValue: typed ? (typed.form.comment ?? '') : (comments.get(row.name) ?? ''),
        formVersion: typed?.version ?? (typed ? Number(typed.form.version) : (f.budget.operatingAreaVersions?.[row.name] ?? 0)),
        conflict: typed?.conflict, saved: state.savedArea === id,
      };
    });
    const total = f.budget.operatingAreaTable.total;
    res.render('budget', {
      ...pageCommon(principal, req),
      title: `Budget – ${f.title} – ${f.board.name}`,
      f, areas, canWrite, errorSummary, overviewHref: base, action: `${base}/budget`,
      total: { budget: mnkr(total.budget), forecast: mnkr(total.forecast), deviation: deviation(total.deviation), adjustedDeviation: deviation(total.adjustedDeviation) },
    });
  }
}

/** An area's anchor on the page: its position and a readable slug (names carry spaces and Swedish letters). */
function areaId(name: string, index: number): string {
  const slug = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `omrade-${index + 1}${slug ? `-${slug}` : ''}`;
}
