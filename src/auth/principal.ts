import { BOARD_PERMISSIONS, Permission, Role, ROLE_PERMISSIONS } from './roles';

/** One role on one board, or the administrator role (board null = every board). */
export interface Grant {
  role: Role;
  boardCode: string | null;
}

/**
 * The signed-in person as the guard and the services see them: who, and which role on
 * which board. Built by an IdentityProvider's session; knows nothing about how they signed in.
 */
export class Principal {
  constructor(
    readonly userId: number,
    readonly username: string,
    readonly grants: readonly Grant[],
  ) {}

  get isAdmin(): boolean {
    return this.grants.some((g) => g.role === 'admin');
  }

  /** Whether the person reads every board (the city's role). */
  get isCity(): boolean {
    return this.grants.some((g) => g.role === 'city');
  }

  /** The person's role on a board (admin, or the city's reader, on every board), or null. */
  roleOn(boardCode: string): Role | null {
    if (this.isAdmin) return 'admin';
    const own = this.grants.find((g) => g.boardCode !== null && g.boardCode.toUpperCase() === boardCode.toUpperCase())?.role;
    return own ?? (this.isCity ? 'city' : null);
  }

  /** Whether the permission holds, on the board for board-scoped permissions. */
  can(permission: Permission, boardCode?: string | null): boolean {
    if (this.isAdmin) return true;
    if (!BOARD_PERMISSIONS.includes(permission)) {
      return this.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
    }
    if (!boardCode) return false;
    const role = this.roleOn(boardCode);
    return role !== null && ROLE_PERMISSIONS[role].includes(permission);
  }

  /** The boards the person can see (null = every board). */
  visibleBoards(): Set<string> | null {
    if (this.isAdmin || this.isCity) return null;
    return new Set(this.grants.filter((g) => g.boardCode !== null).map((g) => g.boardCode!.toUpperCase()));
  }
}
