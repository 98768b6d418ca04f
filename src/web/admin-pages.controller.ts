import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ACCESS_ACTIONS, AccessAction } from '../auth/access-audit-entry.entity';
import { AuthenticatedRequest, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { isEveryBoardRole, isRole, ROLE_LABELS, ROLES } from '../auth/roles';
import { AccessActor, UsersService } from '../auth/users.service';
import { BoardsService } from '../boards/boards.service';
import { DomainError, HTTP_STATUS_BY_CODE } from '../common/domain-error';
import { pageCommon } from './page-context';

type Form = Record<string, string | undefined>;

const ACTION_LABELS: Record<AccessAction, string> = {
  add: 'Konto skapat',
  grant: 'Behörighet given',
  revoke: 'Behörighet borttagen',
  disable: 'Konto avstängt',
};

const PAGE = '/admin/anvandare';

/** The page's state after a post: a confirmation, a refusal with the form that caused it, a new password shown once. */
interface PageState {
  notice?: string;
  refused?: { form: string; message: string; typed: Form };
  newPassword?: { username: string; password: string };
}

/**
 * The administrators' page of SPEC 7 and 8: every account with its roles per board, a new
 * account (its password generated and shown once), roles given and taken away, accounts
 * disabled, and the access audit trail. The same UsersService as the command line's `user`
 * commands, so the same rules and messages, audited with source `web`.
 */
@ApiExcludeController()
@Controller(PAGE.slice(1))
export class AdminPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly boards: BoardsService,
  ) {}

  @Get()
  @Requires('admin')
  async page(@Query('klart') done: string | undefined, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.render(principal, req, res, { notice: done ? NOTICES[done] : undefined });
  }

  @Post()
  @Requires('admin')
  async add(@Body() form: Form, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    const boards = (form.boards ?? '').split(/[,;\s]+/).filter(Boolean);
    try {
      const { username, generatedPassword } = await this.users.add(form.username ?? '', form.role ?? '', boards, null, actorOf(principal));
      // The password is shown in this response only: never in a URL, a log, a cache or the database.
      res.setHeader('Cache-Control', 'no-store');
      return this.render(principal, req, res.status(201), { notice: `Kontot ${username} är skapat.`, newPassword: { username, password: generatedPassword! } });
    } catch (error) {
      return this.refuse(error, 'ny', form, principal, req, res);
    }
  }

  @Post(':username/behorighet')
  @Requires('admin')
  async grant(@Param('username') username: string, @Body() form: Form, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    try {
      const role = form.role ?? '';
      await this.users.grant(username, role, isEveryBoardRole(role) ? null : (form.board ?? '').trim() || null, actorOf(principal));
      return res.redirect(303, `${PAGE}?klart=behorighet#konto-${encodeURIComponent(username)}`);
    } catch (error) {
      return this.refuse(error, `behorighet-${username}`, form, principal, req, res);
    }
  }

  @Post(':username/ta-bort-behorighet')
  @Requires('admin')
  async revoke(@Param('username') username: string, @Body() form: Form, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    try {
      if (username === principal.username && !form.board) {
        throw DomainError.invalid('Du kan inte ta bort din egen administratörsroll; be en annan administratör.');
      }
      await this.users.revoke(username, form.board || null, actorOf(principal));
      return res.redirect(303, `${PAGE}?klart=borttagen#konto-${encodeURIComponent(username)}`);
    } catch (error) {
      return this.refuse(error, `behorighet-${username}`, form, principal, req, res);
    }
  }

  @Post(':username/stang-av')
  @Requires('admin')
  async disable(@Param('username') username: string, @CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest, @Res() res: Response) {
    try {
      if (username === principal.username) throw DomainError.invalid('Du kan inte stänga av ditt eget konto.');
      await this.users.disable(username, actorOf(principal));
      return res.redirect(303, `${PAGE}?klart=avstangd#konto-${encodeURIComponent(username)}`);
    } catch (error) {
      return this.refuse(error, `behorighet-${username}`, {}, principal, req, res);
    }
  }

  /** A refused change: the service's Swedish message beside the form it came from, nothing changed. */
  private refuse(error: unknown, formName: string, typed: Form, principal: Principal, req: AuthenticatedRequest, res: Response) {
    if (!(error instanceof DomainError)) throw error;
    return this.render(principal, req, res.status(HTTP_STATUS_BY_CODE[error.code]), { refused: { form: formName, message: error.message, typed } });
  }

  private async render(principal: Principal, req: AuthenticatedRequest, res: Response, state: PageState) {
    const users = await this.users.list();
    const boardCodes = (await this.boards.list()).map((b) => ({ code: b.code, name: b.name }));
    const roleOptions = (chosen: string | undefined) => ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], selected: r === chosen }));
    const refusedFor = (form: string) => (state.refused?.form === form ? state.refused : undefined);
    const rows = users.map((u) => {
      const refused = refusedFor(`behorighet-${u.username}`);
      return {
        username: u.username,
        id: `konto-${u.username}`,
        disabled: u.disabled,
        self: u.username === principal.username,
        grants: u.grants.map((g) => ({
          label: `${ROLE_LABELS[g.role] ?? g.role}${g.boardCode ? ` för ${g.boardCode}` : ' för alla nämnder'}`,
          board: g.boardCode ?? '',
          removeLabel: `Ta bort ${g.role}${g.boardCode ? ` för ${g.boardCode}` : ''} från ${u.username}`,
        })),
        grantAction: `${PAGE}/${encodeURIComponent(u.username)}/behorighet`,
        revokeAction: `${PAGE}/${encodeURIComponent(u.username)}/ta-bort-behorighet`,
        disableAction: `${PAGE}/${encodeURIComponent(u.username)}/stang-av`,
        roleOptions: roleOptions(refused?.typed.role),
        boardValue: refused?.typed.board ?? '',
        error: refused?.message,
      };
    });
    const log = (await this.users.accessLog()).map((r) => ({
      at: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(r.changedAt),
      actor: r.actor ?? 'kommandoraden',
      source: r.source,
      target: r.targetUsername,
      action: (ACCESS_ACTIONS as readonly string[]).includes(r.action) ? ACTION_LABELS[r.action] : r.action,
      role: r.role && isRole(r.role) ? ROLE_LABELS[r.role] : (r.role ?? ''),
      board: r.boardCode ?? (r.action === 'grant' || r.action === 'revoke' ? 'alla' : ''),
    }));
    const addRefused = refusedFor('ny');
    res.render('admin-users', {
      ...pageCommon(principal, req),
      title: 'Användare och behörigheter',
      rows, log, boardCodes, state,
      add: { action: PAGE, roleOptions: roleOptions(addRefused?.typed.role ?? 'controller'), username: addRefused?.typed.username ?? '', boards: addRefused?.typed.boards ?? '', error: addRefused?.message },
    });
  }
}

const NOTICES: Record<string, string> = {
  behorighet: 'Behörigheten är given.',
  borttagen: 'Behörigheten är borttagen.',
  avstangd: 'Kontot är avstängt och dess inloggningar avslutade.',
};

function actorOf(principal: Principal): AccessActor {
  return { username: principal.username, source: 'web' };
}
