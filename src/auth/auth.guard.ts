import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Response } from 'express';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { AuthenticatedRequest, PERMISSION_KEY, PUBLIC, RouteAccess } from './permission.decorator';
import { BOARD_PERMISSIONS, PERMISSION_DESCRIPTIONS } from './roles';
import { SessionsService } from './sessions.service';

export const NOT_SIGNED_IN =
  'Du är inte inloggad eller så har inloggningen gått ut. Logga in med POST /api/auth/login och skicka token som "Authorization: Bearer <token>".';

/** The cookie that carries a web session's token (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'vu_session';
/** The header in which a cookie session's writes must repeat the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** The hidden form field in which a page's form post repeats the CSRF token. */
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How a request proves who it is: a bearer token (the API) or a session cookie (the web pages). */
export interface Credential {
  token: string;
  via: 'bearer' | 'cookie';
}

export function credentialOf(request: AuthenticatedRequest): Credential | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (match) return { token: match[1], via: 'bearer' };
  const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * The CSRF token of a cookie session: derived from the session's token, so only a page
 * that was given it (not another site, which can make the browser send the cookie but
 * cannot read anything) can repeat it in the X-CSRF-Token header.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The one guard in front of every route, deny by default: a route that declares neither a
 * permission nor @Public() is refused; otherwise the caller must be signed in (401) and hold
 * the permission, on the route's board for board permissions (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (access === PUBLIC) return true;
    if (!access) throw new DomainError(DomainErrorCode.Forbidden, 'Åtkomst nekas.');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential = credentialOf(request);
    const principal = credential ? await this.sessions.resolve(credential.token) : null;
    if (!principal) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new DomainError(DomainErrorCode.Unauthenticated, NOT_SIGNED_IN);
    }
    // A browser sends a cookie to any site's form or script; a write on a cookie session must also show the CSRF token.
    if (credential!.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      // The header (scripts), or the hidden field `_csrf` of a server-rendered form post.
      const header = request.headers[CSRF_HEADER];
      const field = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      const sent = typeof header === 'string' ? header : field;
      if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenOf(credential!.token))) {
        throw new DomainError(DomainErrorCode.Forbidden, 'Begäran saknar giltig CSRF-token (X-CSRF-Token). Ladda om sidan och försök igen.');
      }
    }
    request.principal = principal;

    const board = (request.params as Record<string, string | undefined>).board ?? null;
    if (!principal.can(access, board)) {
      const what = PERMISSION_DESCRIPTIONS[access];
      throw new DomainError(
        DomainErrorCode.Forbidden,
        BOARD_PERMISSIONS.includes(access) && board
          ? `Du (${principal.username}) har inte behörighet att ${what} nämnden ${board}.`
          : `Du (${principal.username}) har inte behörighet att ${what} detta.`,
      );
    }
    return true;
  }
}
