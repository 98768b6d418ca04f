import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Response } from 'express';
import { credentialOf, SESSION_COOKIE } from '../auth/auth.guard';
import { IDENTITY_PROVIDER, IdentityProvider } from '../auth/identity-provider';
import { AuthenticatedRequest, CurrentPrincipal, Public, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { SessionsService } from '../auth/sessions.service';
import { BoardsService, WorkflowAction } from '../boards/boards.service';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { PeriodAddress, PeriodAddressParam } from '../common/params';
import { PERIODS } from '../common/period';
import { CorrectionsService, IndicatorValues } from '../followup/corrections.service';
import { FollowupService } from '../followup/followup.service';
import { IndicatorFollowup } from '../followup/period-followup';
import { formText, pageCommon } from './page-context';
import { allGoals, completenessOf, fieldValue, goalView, indicatorView, keyFigures } from './page-models';
import { parseSwedishNumber } from '../common/swedish-number';

type Form = Record<string, string | undefined>;

/** The confirmation shown on the overview after a workflow step (?klart=…). */
const WORKFLOW_DONE = {
  inlamnad: 'Perioden är inlämnad för godkännande.',
  godkand: 'Perioden är godkänd och låst för ändringar.',
  oppnad: 'Perioden är öppnad igen; skälet är sparat i ändringsloggen.',
} as const;

/** A time as Swedish readers write it: 2017-05-12 14:03. */
function swedishDateTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(at);
}

const NUMBER_FIELDS = [
  { key: 'outcome', label: 'Periodens utfall' },
  { key: 'men', label: 'Utfall män/pojkar' },
  { key: 'women', label: 'Utfall kvinnor/flickor' },
  { key: 'forecast', label: 'Prognos helår' },
] as const;

/** Where a sign-in may send a person on: a path of this site only. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)/.test(next) && !next.includes('\\') ? next : '/';
}

/** The web pages of SPEC 8: sign-in, the start page, a period's overview and indicator entry. */
@ApiExcludeController()
@Controller()
export class WebController {
  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identities: IdentityProvider,
    private readonly sessions: SessionsService,
    private readonly boards: BoardsService,
    private readonly followup: FollowupService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Get('logga-in')
  @Public()
  signInPage(@Query('till') next: string | undefined, @Res() res: Response) {
    res.render('sign-in', { title: 'Logga in', next: safeNext(next), username: '' });
  }

  @Post('logga-in')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  async signIn(@Body() form: Form, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    const username = (form.username ?? '').trim();
    const password = form.password ?? '';
    const next = safeNext(form.next);
    const errors: { field: string; message: string }[] = [];
    if (!username) errors.push({ field: 'username', message: 'Ange ditt användarnamn.' });
    if (!password) errors.push({ field: 'password', message: 'Ange ditt lösenord.' });
    const user = errors.length === 0 ? await this.identities.authenticate({ username, password }) : null;
    if (errors.length === 0 && !user) errors.push({ field: 'password', message: 'Fel användarnamn eller lösenord, eller så är kontot avstängt.' });
    if (!user) {
      res.status(errors.some((e) => e.field === 'password' && password) ? 401 : 400);
      return res.render('sign-in', { title: 'Logga in', next, username, errors, fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])) });
    }
    const session = await this.sessions.issue(user.id);
    res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', path: '/', expires: session.expiresAt, secure: req.secure });
    return res.redirect(303, next);
  }

  @Post('logga-ut')
  @Requires('signedIn')
  async signOut(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    const credential = credentialOf(req);
    if (credential) await this.sessions.revoke(credential.token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return res.redirect(303, '/logga-in');
  }

  @Get()
  @Requires('signedIn')
  async start(@CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    const visible = principal.visibleBoards();
    const boards = (await this.boards.list()).filter((b) => visible === null || visible.has(b.code.toUpperCase()));
    const rows = [];
    for (const board of boards) {
      for (const year of [...board.years].reverse()) {
        for (const period of PERIODS) {
          const summary = year.periods.find((p) => p.period === period);
          if (!summary) continue;
          const f = await this.followup.getFollowup(board.code, year.year, period);
          const c = completenessOf(f);
          rows.push({
            board: board.name, boardCode: board.code, year: year.year, period, title: f.title,
            stateLabel: summary.stateLabel, state: summary.state, ...c,
            href: `/namnder/${encodeURIComponent(board.code)}/${year.year}/${period}`,
          });
        }
      }
    }
    res.render('start', { ...this.common(principal, req), title: 'Start', rows });
  }

  @Get('namnder/:board/:year/:period')
  @Requires('read')
  async overview(
    @PeriodAddressParam() at: PeriodAddress, @Query('klart') done: string | undefined,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    const notice = done && done in WORKFLOW_DONE ? WORKFLOW_DONE[done as keyof typeof WORKFLOW_DONE] : undefined;
    await this.renderOverview(at, principal, req, res, { notice });
  }

  @Post('namnder/:board/:year/:period/lamna-in')
  @Requires('submit')
  async submitPeriod(@PeriodAddressParam() at: PeriodAddress, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.workflowStep(at, 'submit', principal, req, res);
  }

  @Post('namnder/:board/:year/:period/godkann')
  @Requires('approve')
  async approvePeriod(@PeriodAddressParam() at: PeriodAddress, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.workflowStep(at, 'approve', principal, req, res);
  }

  @Post('namnder/:board/:year/:period/oppna-igen')
  @Requires('admin')
  async reopenPeriod(
    @PeriodAddressParam() at: PeriodAddress, @Body() form: Form,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    await this.workflowStep(at, 'reopen', principal, req, res, form.reason ?? '');
  }

  /**
   * One step of the period's workflow from the overview's buttons, through the same
   * transition (and audit) as the API. A refused step shows the overview again with the
   * reason: a missing skäl beside its field (400), a step the state does not allow (409).
   */
  private async workflowStep(at: PeriodAddress, action: WorkflowAction, principal: Principal, req: AuthenticatedRequest, res: Response, reason?: string) {
    try {
      await this.boards.transition(at.board, at.year, at.period, action, { username: principal.username, source: 'web' }, reason);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === DomainErrorCode.InvalidInput) {
        return this.renderOverview(at, principal, req, res.status(400), { reasonError: error.errors[0]?.message ?? error.message, reason });
      }
      if (error.code === DomainErrorCode.Conflict) return this.renderOverview(at, principal, req, res.status(409), { refused: error.message });
      throw error;
    }
    const done = { submit: 'inlamnad', approve: 'godkand', reopen: 'oppnad' }[action];
    return res.redirect(303, `/namnder/${encodeURIComponent(at.board)}/${at.year}/${at.period}?klart=${done}`);
  }

  private async renderOverview(
    at: PeriodAddress, principal: Principal, req: AuthenticatedRequest, res: Response,
    state: { notice?: string; refused?: string; reasonError?: string; reason?: string },
  ) {
    const f = await this.followup.getReportedFollowup(at.board, at.year, at.period);
    const api = `/api/boards/${encodeURIComponent(f.board.code)}/years/${at.year}/periods/${at.period}`;
    const base = `/namnder/${encodeURIComponent(f.board.code)}/${at.year}/${at.period}`;
    const auditApi = `/api/boards/${encodeURIComponent(f.board.code)}/years/${at.year}`;
    res.render('overview', {
      ...this.common(principal, req),
      title: `${f.title} – ${f.board.name}`,
      f,
      goals: f.goals.map((g) => goalView(g)),
      keyFigures: keyFigures(f),
      completeness: completenessOf(f),
      api,
      canWrite: principal.can('write', f.board.code) && !f.locked,
      entryHref: `${base}/indikatorer`,
      goalsHref: `${base}/mal`,
      budgetHref: `${base}/budget`,
      textsHref: `${base}/texter`,
      inputHref: `${base}/inmatning`,
      comparisonHref: `/jamforelse/${at.year}/${at.period}`,
      workflow: {
        ...state,
        submittedAt: f.submittedAt ? swedishDateTime(f.submittedAt) : null,
        approvedAt: f.approvedAt ? swedishDateTime(f.approvedAt) : null,
        canSubmit: f.state === 'open' && principal.can('submit', f.board.code),
        canApprove: f.state !== 'approved' && principal.can('approve', f.board.code),
        canReopen: f.state !== 'open' && principal.can('admin', f.board.code),
        submitAction: `${base}/lamna-in`,
        approveAction: `${base}/godkann`,
        reopenAction: `${base}/oppna-igen`,
      },
      audit: principal.can('audit', f.board.code)
        ? { xlsx: `${auditApi}/audit.xlsx?period=${at.period}`, csv: `${auditApi}/audit.csv?period=${at.period}` }
        : null,
      charts: [
        { src: `${api}/charts/goal-fulfilment.png`, alt: 'Diagram: antal mål per bedömning och flaggade bedömningar' },
        { src: `${api}/charts/indicators.png`, alt: 'Diagram: indikatorernas utfall, prognos och årsmål' },
        { src: `${api}/charts/budget-per-area.png`, alt: 'Diagram: budget och prognos per verksamhetsområde' },
        { src: `${api}/charts/consumption.png`, alt: 'Diagram: förbrukning per kontogrupp mot riktvärdet' },
      ],
    });
  }

  @Get('namnder/:board/:year/:period/indikatorer')
  @Requires('read')
  async entryPage(
    @PeriodAddressParam() at: PeriodAddress, @CurrentPrincipal() principal: Principal, @Query('sparad') saved: string | undefined,
    @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    await this.renderEntry(at, principal, req, res, saved ? { savedCode: saved } : {});
  }

  @Post('namnder/:board/:year/:period/indikatorer/:code')
  @Requires('write')
  async saveIndicator(
    @PeriodAddressParam() at: PeriodAddress, @Param('code') code: string, @Body() form: Form,
    @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response,
  ) {
    const indicator = await this.followup.getIndicator(at.board, at.year, at.period, code);
    const fieldErrors: Record<string, string> = {};
    const values: Partial<IndicatorValues> = {};
    for (const { key, label } of NUMBER_FIELDS) {
      if ((key === 'men' || key === 'women') && !indicator.genderSplit) continue;
      const parsed = parseSwedishNumber(form[key], indicator.unit === 'percent');
      if (parsed.ok) values[key] = parsed.value;
      else fieldErrors[key] = `${label}: ${parsed.message}`;
    }
    const analysis = formText(form.analysis, 'Analys');
    if (analysis.ok) values.analysis = analysis.value;
    else fieldErrors.analysis = analysis.message;
    const version = Number(form.version);
    const typed = { code, form, fieldErrors };
    if (Object.keys(fieldErrors).length > 0) {
      return this.renderEntry(at, principal, req, res.status(400), { typed });
    }
    try {
      await this.corrections.correctIndicator(at, code, values, 'patch', Number.isInteger(version) ? version : null, {
        username: principal.username, source: 'web',
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === DomainErrorCode.StaleVersion) {
        const current = error.details.current as IndicatorValues & { version: number };
        return this.renderEntry(at, principal, req, res.status(409), { typed: { ...typed, conflict: this.conflictView(indicator, current), version: current.version } });
      }
      if (error.code === DomainErrorCode.InvalidInput) {
        for (const e of error.errors) fieldErrors[e.path.replace(/^\./, '') || 'outcome'] = e.message;
        return this.renderEntry(at, principal, req, res.status(400), { typed });
      }
      throw error;
    }
    return res.redirect(303, `/namnder/${encodeURIComponent(at.board)}/${at.year}/${at.period}/indikatorer?sparad=${encodeURIComponent(code)}#${encodeURIComponent(code)}`);
  }

  /** The other person's saved values, as the conflict message shows them. */
  private conflictView(indicator: IndicatorFollowup, current: IndicatorValues) {
    return NUMBER_FIELDS.filter((f) => indicator.genderSplit || (f.key !== 'men' && f.key !== 'women'))
      .map((f): { label: string; value: string } => ({ label: f.label, value: fieldValue(current[f.key]) || '(tomt)' }))
      .concat([{ label: 'Analys', value: current.analysis ?? '(tomt)' }]);
  }

  private async renderEntry(
    at: PeriodAddress, principal: Principal, req: AuthenticatedRequest, res: Response,
    state: { savedCode?: string; typed?: { code: string; form: Form; fieldErrors: Record<string, string>; conflict?: { label: string; value: string }[]; version?: number } },
  ) {
    const f = await this.followup.getReportedFollowup(at.board, at.year, at.period);
    const canWrite = principal.can('write', f.board.code) && !f.locked;
    const base = `/namnder/${encodeURIComponent(f.board.code)}/${at.year}/${at.period}`;
    const errorSummary: { href: string; message: string }[] = [];
    if (state.typed?.conflict) {
      errorSummary.push({ href: `#${state.typed.code}`, message: `Någon annan har ändrat ${state.typed.code} medan du skrev; se deras värden vid indikatorn.` });
    }
    const goals = allGoals(f.goals)
      .filter((g) => g.indicators.length > 0)
      .map((g) => ({
        code: g.code, name: g.name, levelLabel: g.levelLabel, assessmentLabel: g.assessmentLabel, expectedResult: g.expectedResult,
        indicators: g.indicators.map((i) => {
          const view = indicatorView(i);
          const typed = state.typed?.code === i.code ? state.typed : undefined;
          const fields = NUMBER_FIELDS.filter((nf) => i.genderSplit || (nf.key !== 'men' && nf.key !== 'women')).map((nf) => {
            const error = typed?.fieldErrors[nf.key];
            const id = `${i.code}-${nf.key}`;
            if (error) errorSummary.push({ href: `#${id}`, message: error });
            return { id, name: nf.key, label: nf.label, value: typed ? (typed.form[nf.key] ?? '') : fieldValue(i[nf.key]), error };
          });
          return {
            ...view, fields, action: `${base}/indikatorer/${encodeURIComponent(i.code)}`,
            analysisValue: typed ? (typed.form.analysis ?? '') : view.analysis,
            formVersion: typed?.version ?? (typed ? Number(typed.form.version) : i.version),
            conflict: typed?.conflict, saved: state.savedCode === i.code,
          };
        }),
      }));
    res.render('entry', {
      ...this.common(principal, req),
      title: `Indikatorer – ${f.title} – ${f.board.name}`,
      f, goals, canWrite, errorSummary, overviewHref: base,
      conflict: Boolean(state.typed?.conflict),
    });
  }

  private common(principal: Principal, req: AuthenticatedRequest) {
    return pageCommon(principal, req);
  }
}
