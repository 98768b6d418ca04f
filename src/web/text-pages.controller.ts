import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedRequest, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { PeriodAddress, PeriodAddressParam } from '../common/params';
import { CorrectionsService } from '../followup/corrections.service';
import { FollowupService } from '../followup/followup.service';
import { textDigest } from '../followup/period-texts.service';
import { formText, pageCommon, periodPath } from './page-context';

type Form = Record<string, string | undefined>;

/** The longest section heading: the text's key (`section:` + heading) is at most 400 characters. */
const MAX_HEADING_LENGTH = 300;

/** A form that was not saved: what was typed, its error, and on a conflict the text saved since. */
interface Typed {
  formId: string;
  form: Form;
  error?: string;
  headingError?: string;
  conflict?: string;
}

/**
 * The texts page of SPEC 8: the report's narrative texts of SPEC 2.2 (Sammanfattande analys,
 * the comment under the driftbudget, the headed sections) as the board's report prints them,
 * each saved on its own through an audited correction. An emptied text is removed.
 */
@ApiExcludeController()
@Controller('namnder/:board/:year/:period/texter')
export class TextPagesController {
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
    await this.render(at, principal, req, res, { savedId: saved });
  }

  @Post()
  @Requires('write')
  async save(
    @PeriodAddressParam() at: PeriodAddress, @Body() form: Form,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    const which = form.which ?? '';
    const isNew = which === 'new';
    const heading = (form.heading ?? '').trim();
    const formId = which === 'summary' || which === 'budgetComment' ? `text-${which}` : isNew ? 'text-nytt' : sectionId(heading);
    const typed: Typed = { formId, form };
    const text = formText(form.text, 'Text');
    if (!text.ok) typed.error = text.message;
    let target: { key: 'summary' | 'budgetComment' } | { section: string };
    if (which === 'summary' || which === 'budgetComment') target = { key: which };
    else if (which === 'section' || isNew) {
      if (heading === '') typed.headingError = 'Rubrik: skriv avsnittets rubrik.';
      else if (heading.length > MAX_HEADING_LENGTH) typed.headingError = `Rubrik: högst ${MAX_HEADING_LENGTH} tecken.`;
      if (isNew && text.ok && text.value === null) typed.error = 'Text: skriv avsnittets text.';
      target = { section: heading };
    } else {
      throw DomainError.invalid('Okänd text: välj sammanfattningen, budgetkommentaren eller ett avsnitt.', [{ path: 'which', message: 'Okänd text.' }]);
    }
    if (isNew && !typed.headingError) {
      const f = await this.followup.getReportedFollowup(at.board, at.year, at.period);
      if (f.texts.sections.some((s) => s.heading === heading)) typed.headingError = `Rubrik: det finns redan ett avsnitt som heter "${heading}".`;
    }
    if (typed.error || typed.headingError || !text.ok) return this.render(at, principal, req, res.status(400), { typed });
    try {
      await this.corrections.correctText(at, target, text.value, isNew ? textDigest(null) : (form.from || null), { username: principal.username, source: 'web' });
    } catch (error) {
      if (error instanceof DomainError && error.code === DomainErrorCode.StaleVersion) {
        const current = (error.details.current as { text: string | null }).text;
        return this.render(at, principal, req, res.status(409), { typed: { ...typed, conflict: current ?? '(texten är borttagen)' } });
      }
      throw error;
    }
    const savedId = isNew ? sectionId(heading) : formId;
    return res.redirect(303, `${periodPath(at)}/texter?sparad=${encodeURIComponent(savedId)}#${encodeURIComponent(savedId)}`);
  }

  private async render(at: PeriodAddress, principal: Principal, req: AuthenticatedRequest, res: Response, state: { savedId?: string; typed?: Typed }) {
    const f = await this.followup.getReportedFollowup(at.board, at.year, at.period);
    const canWrite = principal.can('write', f.board.code) && !f.locked;
    const base = periodPath({ board: f.board.code, year: at.year, period: at.period });
    const errorSummary: { href: string; message: string }[] = [];
    const view = (formId: string, label: string, which: string, heading: string | null, saved: string | null) => {
      const typed = state.typed?.formId === formId ? state.typed : undefined;
      if (typed?.conflict) errorSummary.push({ href: `#${formId}`, message: `Någon annan har ändrat "${label}" medan du skrev; se deras text vid fältet.` });
      if (typed?.error) errorSummary.push({ href: `#${formId}-text`, message: `${label}: ${typed.error}` });
      if (typed?.headingError) errorSummary.push({ href: `#${formId}-heading`, message: typed.headingError });
      return {
        id: formId, label, which, heading,
        value: typed ? (typed.form.text ?? '') : (saved ?? ''),
        headingValue: typed ? (typed.form.heading ?? '') : (heading ?? ''),
        // After a conflict the form continues from the text saved since, so that saving again replaces it.
        from: typed?.conflict !== undefined ? textDigest(typed.conflict === '(texten är borttagen)' ? null : typed.conflict) : textDigest(saved),
        error: typed?.error, headingError: typed?.headingError, conflict: typed?.conflict, saved: state.savedId === formId,
      };
    };
    const texts = [
      view('text-summary', 'Sammanfattande analys', 'summary', null, f.texts.summary),
      view('text-budgetComment', 'Kommentar till driftbudgeten', 'budgetComment', null, f.texts.budgetComment),
    ];
    const sections = f.texts.sections.map((s) => view(sectionId(s.heading), s.heading, 'section', s.heading, s.text));
    const newSection = view('text-nytt', 'Nytt avsnitt', 'new', null, null);
    res.render('texts', {
      ...pageCommon(principal, req),
      title: `Texter – ${f.title} – ${f.board.name}`,
      f, texts, sections, newSection, canWrite, errorSummary, overviewHref: base, action: `${base}/texter`,
    });
  }
}

/** A section's anchor: a readable slug of its heading plus a short digest, since headings carry any letters. */
function sectionId(heading: string): string {
  const slug = heading.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `avsnitt-${slug}-${textDigest(heading).slice(0, 6)}`;
}
