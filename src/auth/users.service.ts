import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { AccessAction, AccessAuditEntry } from './access-audit-entry.entity';
import { AuthToken } from './auth-token.entity';
import { hashPassword, normalizeUsername } from './identity-provider';
import { Grant, Principal } from './principal';
import { isEveryBoardRole, isRole, Role, ROLES } from './roles';
import { UserGrant } from './user-grant.entity';
import { AppUser } from './user.entity';

export const MIN_PASSWORD_LENGTH = 12;

/** An account as `user list` shows it. */
export interface UserSummary {
  username: string;
  disabled: boolean;
  grants: Grant[];
}

/** Who changes access: an administrator on the admin pages, or (username null) the server's command line. */
export interface AccessActor {
  username: string | null;
  source: 'web' | 'cli';
}

const COMMAND_LINE: AccessActor = { username: null, source: 'cli' };

/** One row of the access audit trail, as the admin page lists it. */
export interface AccessLogRow {
  changedAt: Date;
  actor: string | null;
  source: 'web' | 'cli';
  targetUsername: string;
  action: AccessAction;
  role: string | null;
  boardCode: string | null;
}

/** A new password: long, random, readable; shown once and never stored in clear. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * Accounts and their roles per board (SPEC 7), as the command line and the admin pages
 * manage them. Every change is written to the access audit trail in its own transaction.
 */
@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates an account with a role (on each board, or admin); returns the generated password when none was given. */
  async add(
    username: string, role: string, boards: string[], password: string | null, actor: AccessActor = COMMAND_LINE,
  ): Promise<{ username: string; generatedPassword: string | null }> {
    const name = checkUsername(username);
    const checkedRole = checkRole(role);
    const boardCodes = checkBoards(checkedRole, boards);
    if (password !== null && password.length < MIN_PASSWORD_LENGTH) {
      throw DomainError.invalid(`Lösenordet måste vara minst ${MIN_PASSWORD_LENGTH} tecken långt.`);
    }
    const generatedPassword = password === null ? generatePassword() : null;
    const passwordHash = await hashPassword(password ?? generatedPassword!);
    await this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(AppUser).findOneBy({ username: name })) {
        throw new DomainError(DomainErrorCode.Conflict, `Det finns redan en användare "${name}".`);
      }
      const user = await manager.getRepository(AppUser).save({ username: name, passwordHash, disabledAt: null });
      const grants = isEveryBoardRole(checkedRole) ? [null] : boardCodes;
      await manager.getRepository(UserGrant).insert(grants.map((boardCode) => ({ userId: user.id, role: checkedRole, boardCode })));
      await record(manager, actor, name, 'add', checkedRole, null);
      for (const boardCode of grants) await record(manager, actor, name, 'grant', checkedRole, boardCode);
    });
    return { username: name, generatedPassword };
  }

  /** Gives the role on the board (replacing the user's earlier role there), or makes the user an administrator. */
  async grant(username: string, role: string, board: string | null, actor: AccessActor = COMMAND_LINE): Promise<void> {
    const checkedRole = checkRole(role);
    const [boardCode] = isEveryBoardRole(checkedRole) ? [null] : checkBoards(checkedRole, board ? [board] : []);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.findUser(manager, username);
      const grants = manager.getRepository(UserGrant);
      await grants.delete({ userId: user.id, boardCode: boardCode ?? IsNull() });
      await grants.insert({ userId: user.id, role: checkedRole, boardCode });
      await record(manager, actor, user.username, 'grant', checkedRole, boardCode);
    });
  }

  /** Takes away the user's role on the board, or (board null) the administrator role. */
  async revoke(username: string, board: string | null, actor: AccessActor = COMMAND_LINE): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.findUser(manager, username);
      const boardCode = board ? board.trim().toUpperCase() : null;
      const where = { userId: user.id, boardCode: boardCode ?? IsNull() };
      const removed = await manager.getRepository(UserGrant).find({ where });
      await manager.getRepository(UserGrant).delete(where);
      for (const grant of removed) await record(manager, actor, user.username, 'revoke', grant.role, grant.boardCode);
      return removed.length;
    });
  }

  /** Stops the account from signing in and ends its sign-ins at once. */
  async disable(username: string, actor: AccessActor = COMMAND_LINE): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.findUser(manager, username);
      if (!user.disabledAt) await record(manager, actor, user.username, 'disable', null, null);
      await manager.getRepository(AppUser).update(user.id, { disabledAt: user.disabledAt ?? new Date() });
      await manager.getRepository(AuthToken).delete({ userId: user.id });
    });
  }

  async list(): Promise<UserSummary[]> {
    const users = await this.dataSource.getRepository(AppUser).find({ relations: { grants: true }, order: { username: 'ASC' } });
    return users.map((u) => ({ username: u.username, disabled: u.disabledAt !== null, grants: u.grants.map(toGrant).sort(byBoard) }));
  }

  /** The latest changes of access, newest first. */
  async accessLog(limit = 200): Promise<AccessLogRow[]> {
    const rows = await this.dataSource.getRepository(AccessAuditEntry).find({ order: { id: 'DESC' }, take: limit });
    return rows.map(({ changedAt, actor, source, targetUsername, action, role, boardCode }) => ({ changedAt, actor, source, targetUsername, action, role, boardCode }));
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(AppUser).count();
  }

  /** The signed-in person with their grants, or null when the account is disabled or gone. */
  async principalOf(userId: number): Promise<Principal | null> {
    const user = await this.dataSource.getRepository(AppUser).findOne({ where: { id: userId }, relations: { grants: true } });
    if (!user || user.disabledAt) return null;
    return new Principal(user.id, user.username, user.grants.map(toGrant));
  }

  private async findUser(manager: EntityManager, username: string): Promise<AppUser> {
    const user = await manager.getRepository(AppUser).findOneBy({ username: normalizeUsername(username) });
    if (!user) throw DomainError.notFound(`Det finns ingen användare "${username}".`);
    return user;
  }
}

async function record(
  manager: EntityManager, actor: AccessActor, targetUsername: string, action: AccessAction, role: string | null, boardCode: string | null,
): Promise<void> {
  await manager.getRepository(AccessAuditEntry).insert({ actor: actor.username, source: actor.source, targetUsername, action, role, boardCode });
}

function toGrant(g: UserGrant): Grant {
  return { role: g.role, boardCode: g.boardCode };
}

function byBoard(a: Grant, b: Grant): number {
  return (a.boardCode ?? '').localeCompare(b.boardCode ?? '');
}

function checkUsername(username: string): string {
  const name = normalizeUsername(username);
  if (!/^[\p{L}\p{N}._@-]{2,100}$/u.test(name)) {
    throw DomainError.invalid(
      `Användarnamnet "${username}" går inte att använda: 2–100 tecken, bokstäver, siffror och . _ @ - (inga mellanslag).`,
    );
  }
  return name;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw DomainError.invalid(`Rollen "${role}" finns inte. Välj en av ${ROLES.join(', ')}.`);
  return role;
}

function checkBoards(role: Role, boards: string[]): string[] {
  const codes = [...new Set(boards.map((b) => b.trim().toUpperCase()).filter(Boolean))];
  if (isEveryBoardRole(role)) {
    if (codes.length > 0) throw DomainError.invalid(`Rollen ${role} gäller alla nämnder; ange ingen --board för den.`);
    return [];
  }
  if (codes.length === 0) throw DomainError.invalid(`Rollen ${role} gäller en nämnd: ange --board med nämndens kod, t.ex. --board SON.`);
  return codes;
}
