import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Request } from 'express';
import type { Actor } from '../audit/audit-actor';
import { Principal } from './principal';
import { Permission } from './roles';

export const PERMISSION_KEY = 'permission';
export const PUBLIC = 'public' as const;

/** What a route declares: one permission, or that it is open to everyone. */
export type RouteAccess = Permission | typeof PUBLIC;

/**
 * Declares the permission a route needs (on the route's `:board` for board permissions).
 * Every route declares one or is @Public(); the guard refuses any route that does neither.
 */
export const Requires = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** Open without sign-in: only /health and the sign-in itself. */
export const Public = () => SetMetadata(PERMISSION_KEY, PUBLIC);

/** The request's signed-in person, once the guard has let it through. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal on a route without sign-in.');
  return principal;
});

/** The signed-in person as the audit trail records a change made through the API. */
export const ApiActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('ApiActor on a route without sign-in.');
  return { username: principal.username, source: 'api' };
});
