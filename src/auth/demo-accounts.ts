import { UsersService } from './users.service';
import { isEveryBoardRole, Role } from './roles';

/** The demo's accounts: one per role, on the demo board (the administrator on every board). */
export const DEMO_ACCOUNTS: { username: string; role: Role }[] = [
  { username: 'demo-controller', role: 'controller' },
  { username: 'demo-manager', role: 'manager' },
  { username: 'demo-auditor', role: 'auditor' },
  { username: 'demo-city', role: 'city' },
  { username: 'demo-admin', role: 'admin' },
];

/**
 * Creates the demo accounts with random passwords and returns the lines to print once.
 * Only ever called for the embedded database right after the demo data was loaded into an
 * empty one: a deployment never gets an account, or a password, it did not ask for.
 */
export async function createDemoAccounts(users: UsersService, board: string): Promise<string[]> {
  if ((await users.count()) > 0) return [];
  const lines = ['Demokonton att prova med (lösenorden visas bara nu):'];
  for (const account of DEMO_ACCOUNTS) {
    const { generatedPassword } = await users.add(account.username, account.role, isEveryBoardRole(account.role) ? [] : [board], null);
    lines.push(`  ${account.username.padEnd(16)} ${generatedPassword}   (${account.role}${isEveryBoardRole(account.role) ? ', alla nämnder' : `, ${board}`})`);
  }
  return lines;
}
