/**
 * Who may do what (SPEC 7). Roles are granted per board; an administrator's reach is every
 * board, and so is the city's (`city`: the city office reading and comparing every board). A route declares one permission; the guard checks it against the signed-in
 * person's role on the route's board.
 */
export const ROLES = ['controller', 'manager', 'auditor', 'city', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  controller: 'controller (controller, ekonom)',
  manager: 'förvaltningsledning',
  auditor: 'revisor',
  city: 'stadsövergripande läsare',
  admin: 'administratör',
};

/** Roles granted on every board at once (no board code): the administrator and the city's reader. */
export const EVERY_BOARD_ROLES: readonly Role[] = ['admin', 'city'];

export function isEveryBoardRole(role: string): boolean {
  return (EVERY_BOARD_ROLES as readonly string[]).includes(role);
}

/**
 * Permissions a route can declare:
 * - `read`: read the board's plans, follow-ups, reports and exports;
 * - `write`: in an open period enter and correct figures and texts, import follow-ups, create a period;
 * - `submit`: submit a period for approval;
 * - `approve`: approve a period (the board's report is decided);
 * - `audit`: read the board's audit trail;
 * - `admin`: plans, users, reopening an approved period — administrators only;
 * - `signedIn`: any signed-in person (what they then see is limited to their boards).
 */
export const PERMISSIONS = ['read', 'write', 'submit', 'approve', 'audit', 'admin', 'signedIn'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The permissions of each role on a board it is granted (an admin holds them on every board). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  controller: ['signedIn', 'read', 'write', 'submit'],
  manager: ['signedIn', 'read', 'write', 'submit', 'approve', 'audit'],
  auditor: ['signedIn', 'read', 'audit'],
  city: ['signedIn', 'read', 'audit'],
  admin: PERMISSIONS,
};

/** Board-scoped permissions need a board in the route (`:board`); the others do not. */
export const BOARD_PERMISSIONS: readonly Permission[] = ['read', 'write', 'submit', 'approve', 'audit'];

/** What a permission lets someone do, in Swedish, for the 403 message. */
export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  read: 'läsa',
  write: 'ändra uppgifter för',
  submit: 'lämna in perioder för',
  approve: 'godkänna perioder för',
  audit: 'läsa ändringsloggen för',
  admin: 'administrera',
  signedIn: 'använda',
};
