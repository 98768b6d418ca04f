import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedRequest, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { PeriodAddress, PeriodAddressParam } from '../common/params';
import { ActivityValues, GoalValues } from '../followup/corrections.service';
import { CorrectionsService } from '../followup/corrections.service';
import { FollowupService } from '../followup/followup.service';
import { ASSESSMENT_LABELS } from '../goals/goal-assessment.calc';
import { ASSESSMENTS, Assessment } from '../goals/goal-assessment.entity';
import { allGoals, lightOf } from './page-models';
import { formText, pageCommon, periodPath } from './page-context';

type Form = Record<string, string | undefined>;

/** What was typed into one form that was not saved: kept, with its errors and (on a conflict) the other person's values. */
interface Typed {
  kind: 'goal' | 'activity';
  code: string;
  form: Form;
  fieldErrors: Record<string, string>;
  conflict?: { label: string; value: string }[];
  version?: number;
}

const DEVIATION_LABELS = { true: 'Ja, avvikelse', false: 'Nej, ingen avvikelse' } as const;

/**
 * The goals' page of SPEC 8: each goal's bedömning and analysis beside what its indicators
 * suggest, its förväntat resultat for reading, and its activities' avvikelse and comment.
 * Saving goes through the same corrections (rules, If-Match version, audit) as the API's PATCH.
 */
@ApiExcludeController()
@Controller('namnder/:board/:year/:period')
export class GoalPagesController {
  constructor(
    private readonly followup: FollowupService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Get('mal')
  @Requires('read')
  async page(
    @PeriodAddressParam() at: PeriodAddress, @Query('sparad') saved: string | undefined,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    await this.render(at, principal, req, res, { savedCode: saved });
  }

  @Post('mal/:code')
  @Requires('write')
  async saveGoal(
    @PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() form: Form,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    const fieldErrors: Record<string, string> = {};
    const assessment = form.assessment ?? '';
    if (assessment !== '' && !(ASSESSMENTS as readonly string[]).includes(assessment)) {
      fieldErrors.assessment = 'Bedömning: välj Uppfylls helt, Uppfylls delvis, Uppfylls inte eller Ej bedömd.';
    }
    const analysis = formText(form.analysis, 'Analys');
    if (!analysis.ok) fieldErrors.analysis = analysis.message;
    const typed: Typed = { kind: 'goal', code, form, fieldErrors };
    if (Object.keys(fieldErrors).length > 0 || !analysis.ok) return this.render(at, principal, req, res.status(400), { typed });
    const values = { assessment: assessment === '' ? null : (assessment as Assessment), analysis: analysis.value };
    return this.save(at, principal, req, res, typed, () =>
      this.corrections.correctGoal(at, code, values, versionOf(form), { username: principal.username, source: 'web' }),
      (current: GoalValues) => [
        { label: 'Bedömning', value: current.assessment ? ASSESSMENT_LABELS[current.assessment] : 'Ej bedömd' },
        { label: 'Analys', value: current.analysis ?? '(tomt)' },
      ]);
  }

  @Post('aktiviteter/:code')
  @Requires('write')
  async saveActivity(
    @PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() form: Form,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    const fieldErrors: Record<string, string> = {};
    if (form.deviation !== 'true' && form.deviation !== 'false') fieldErrors.deviation = 'Avvikelse: välj Ja eller Nej.';
    const comment = formText(form.comment, 'Kommentar');
    if (!comment.ok) fieldErrors.comment = comment.message;
    const typed: Typed = { kind: 'activity', code, form, fieldErrors };
    if (Object.keys(fieldErrors).length > 0 || !comment.ok) return this.render(at, principal, req, res.status(400), { typed });
    const values = { deviation: form.deviation === 'true', comment: comment.value };
    return this.save(at, principal, req, res, typed, () =>
      this.corrections.correctActivity(at, code, values, versionOf(form), { username: principal.username, source: 'web' }),
      (current: ActivityValues) => [
        { label: 'Avvikelse', value: current.deviation === null ? '(tomt)' : DEVIATION_LABELS[`${current.deviation}`] },
        { label: 'Kommentar', value: current.comment ?? '(tomt)' },
      ]);
  }

  /** Saves one form; a stale version shows the other person's values (409), a refused value its message (400). */
  private async save<V>(
    at: PeriodAddress, principal: Principal, req: AuthenticatedRequest, res: Response, typed: Typed,
    write: () => Promise<unknown>, describe: (current: V) => { label: string; value: string }[],
  ) {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === DomainErrorCode.StaleVersion) {
        const current = error.details.current as V & { version: number };
        return this.render(at, principal, req, res.status(409), { typed: { ...typed, conflict: describe(current), version: current.version } });
      }
      if (error.code === DomainErrorCode.InvalidInput) {
        for (const e of error.errors) typed.fieldErrors[e.path.replace(/^\./, '') || 'analysis'] = e.message;
        return this.render(at, principal, req, res.status(400), { typed });
      }
      throw error;
    }
    const anchor = `${typed.kind === 'goal' ? 'mal' : 'aktivitet'}-${typed.code}`;
    return res.redirect(303, `${periodPath(at)}/mal?sparad=${encodeURIComponent(anchor)}#${encodeURIComponent(anchor)}`);
  }

  private async render(at: PeriodAddress, principal: Principal, req: AuthenticatedRequest, res: Response, state: { savedCode?: string; typed?: Typed }) {
    const f = await this.followup.getReportedFollowup(at.board, at.year, at.period);
    const canWrite = principal.can('write', f.board.code) && !f.locked;
    const base = periodPath({ board: f.board.code, year: at.year, period: at.period });
    const errorSummary: { href: string; message: string }[] = [];
    const typedFor = (kind: Typed['kind'], code: string) => (state.typed?.kind === kind && state.typed.code === code ? state.typed : undefined);
    const goals = allGoals(f.goals).map((g) => {
      const typed = typedFor('goal', g.code);
      const id = `mal-${g.code}`;
      if (typed?.conflict) errorSummary.push({ href: `#${id}`, message: `Någon annan har ändrat målet ${g.code} medan du skrev; se deras värden vid målet.` });
      for (const [field, message] of Object.entries(typed?.fieldErrors ?? {})) errorSummary.push({ href: `#${id}-${field}`, message });
      const chosen = typed ? (typed.form.assessment ?? '') : g.assessment === 'notAssessed' ? '' : g.assessment;
      return {
        id, code: g.code, name: g.name, levelLabel: g.levelLabel, expectedResult: g.expectedResult,
        light: lightOf(g.assessment), assessmentLabel: g.assessmentLabel,
        suggestionLabel: g.suggestionLabel, suggestionLight: lightOf(g.suggestion), flagText: g.flagText,
        indicatorCount: g.indicators.length,
        analysisValue: typed ? (typed.form.analysis ?? '') : (g.analysis ?? ''),
        options: [{ value: '', label: 'Ej bedömd' }, ...ASSESSMENTS.map((a) => ({ value: a, label: ASSESSMENT_LABELS[a] }))]
          .map((o) => ({ ...o, selected: o.value === chosen })),
        action: `${base}/mal/${encodeURIComponent(g.code)}`,
        formVersion: typed?.version ?? (typed ? Number(typed.form.version) : g.version),
        errors: typed?.fieldErrors ?? {}, conflict: typed?.conflict, saved: state.savedCode === id,
        activities: g.activities.map((a) => {
          const typedActivity = typedFor('activity', a.code);
          const activityId = `aktivitet-${a.code}`;
          if (typedActivity?.conflict) {
            errorSummary.push({ href: `#${activityId}`, message: `Någon annan har ändrat aktiviteten ${a.code} medan du skrev; se deras värden vid aktiviteten.` });
          }
          for (const [field, message] of Object.entries(typedActivity?.fieldErrors ?? {})) errorSummary.push({ href: `#${activityId}-${field}`, message });
          const deviation = typedActivity ? (typedActivity.form.deviation ?? '') : a.deviation === null ? '' : String(a.deviation);
          return {
            id: activityId, code: a.code, name: a.name, period: `${a.startDate} – ${a.endDate}`,
            deviationLabel: a.deviation === null ? 'Inte rapporterad' : DEVIATION_LABELS[`${a.deviation}`],
            deviationYes: deviation === 'true', deviationNo: deviation === 'false',
            commentValue: typedActivity ? (typedActivity.form.comment ?? '') : (a.comment ?? ''),
            action: `${base}/aktiviteter/${encodeURIComponent(a.code)}`,
            formVersion: typedActivity?.version ?? (typedActivity ? Number(typedActivity.form.version) : a.version),
            errors: typedActivity?.fieldErrors ?? {}, conflict: typedActivity?.conflict, saved: state.savedCode === activityId,
          };
        }),
      };
    });
    res.render('goals', {
      ...pageCommon(principal, req),
      title: `Mål och aktiviteter – ${f.title} – ${f.board.name}`,
      f, goals, canWrite, errorSummary, overviewHref: base,
    });
  }
}

function versionOf(form: Form): number | null {
  const version = Number(form.version);
  return form.version !== undefined && form.version !== '' && Number.isInteger(version) ? version : null;
}
