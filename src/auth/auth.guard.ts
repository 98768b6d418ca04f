import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Response } from 'express';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { AuthenticatedRequest, PERMISSION_KEY, PUBLIC, RouteAccess } from './permission.decorator';
import { BOARD_PERMISSIONS, PERMISSION_DESCRIPTIONS } from './roles';
import { SessionsService } from './sessions.service';

export const NOT_SIGNED_IN =
  'Du är inte inloggad eller så har inloggningen gått ut. Logga in med POST /api/auth/login och skicka token som "Authorization: Bearer <token>".';

/** The bearer token of a request, if any (the web pages' session cookie would be read here too). */
export function credentialOf(request: AuthenticatedRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
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
    const token = credentialOf(request);
    const principal = token ? await this.sessions.resolve(token) : null;
    if (!principal) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new DomainError(DomainErrorCode.Unauthenticated, NOT_SIGNED_IN);
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
