import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/auth/users.service';
import { BrowserApp, SCREENS, startBrowserApp } from './support/browser';
import { TEST_PASSWORD, TestApp } from './support/test-app';

/*
 * The administrators' page in a real browser: an account created with a generated password
 * that works at once, a role changed, a refused change explained with nothing written, an
 * account disabled (its sign-ins end), the access audit trail, and a controller refused.
 */
describe('users and grants on the admin page (SPEC 7, 8)', () => {
  let app: BrowserApp;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, base } = app);
    const users = t.app.get(UsersService);
    await users.add('astrid.admin', 'admin', [], TEST_PASSWORD);
    await users.add('kurt.controller', 'controller', ['SON'], TEST_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  const signedIn = (username: string, password = TEST_PASSWORD, width = 1280) => app.signIn(username, { width, password });

  const accessRows = async () => (await t.app.get(DataSource).query('SELECT actor, source, target_username, action, role, board_code FROM access_audit_entry ORDER BY id')) as Record<string, string | null>[];

  it('an administrator creates an account whose shown password works, changes its role and disables it', async () => {
    const admin = await signedIn('astrid.admin', TEST_PASSWORD, 375);
    await admin.getByRole('link', { name: 'Användare' }).click();
    await admin.waitForURL(`${base}/admin/anvandare`);
    await admin.getByLabel('Användarnamn').fill('Nils.Nyman');
    await admin.getByLabel('Roll', { exact: true }).first().selectOption('controller');
    await admin.getByLabel('Nämndkoder').fill('son');
    await admin.getByRole('button', { name: 'Skapa kontot' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toBe('Kontot nils.nyman är skapat.');
    const password = (await admin.locator('code.password').textContent())!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    await admin.screenshot({ path: join(SCREENS, 'admin-nytt-konto-375.png') });

    const nils = await signedIn('nils.nyman', password);
    await expect(nils.locator('tr', { hasText: 'Tertialrapport 1 2017' }).count()).resolves.toBe(1);

    // Manager on SON instead of controller: the role on a board is replaced.
    await admin.goto(`${base}/admin/anvandare`);
    const account = admin.locator('#konto-nils\\.nyman');
    await account.getByLabel('Roll', { exact: true }).selectOption('manager');
    await account.getByLabel('Nämndkod').fill('SON');
    await account.getByRole('button', { name: 'Ge behörigheten' }).click();
    await admin.waitForURL(/klart=behorighet/);
    await expect(admin.locator('#konto-nils\\.nyman ul.grants').textContent()).resolves.toContain('förvaltningsledning för SON');

    await admin.locator('#konto-nils\\.nyman').getByRole('button', { name: 'Stäng av nils.nyman' }).click();
    await admin.waitForURL(/klart=avstangd/);
    await expect(admin.locator('#konto-nils\\.nyman h3').textContent()).resolves.toContain('Avstängt');
    // His open sign-in ends at once.
    await nils.goto(`${base}/`);
    expect(nils.url()).toContain('/logga-in');

    const log = await accessRows();
    expect(log.filter((r) => r.target_username === 'nils.nyman')).toEqual([
      { actor: 'astrid.admin', source: 'web', target_username: 'nils.nyman', action: 'add', role: 'controller', board_code: null },
      { actor: 'astrid.admin', source: 'web', target_username: 'nils.nyman', action: 'grant', role: 'controller', board_code: 'SON' },
      { actor: 'astrid.admin', source: 'web', target_username: 'nils.nyman', action: 'grant', role: 'manager', board_code: 'SON' },
      { actor: 'astrid.admin', source: 'web', target_username: 'nils.nyman', action: 'disable', role: null, board_code: null },
    ]);
    // Accounts made on the command line are in the trail too, as the command line's.
    expect(log.find((r) => r.target_username === 'astrid.admin')).toEqual({ actor: null, source: 'cli', target_username: 'astrid.admin', action: 'add', role: 'admin', board_code: null });
    await admin.goto(`${base}/admin/anvandare#logg`);
    await expect(admin.locator('#logg + div table tbody tr').first().textContent()).resolves.toContain('Konto avstängt');
    await admin.screenshot({ path: join(SCREENS, 'admin-1280.png'), fullPage: true });
    await admin.context().close();
    await nils.context().close();
  });

  it('a refused change is explained and writes nothing; an administrator cannot remove their own role', async () => {
    const admin = await signedIn('astrid.admin');
    await admin.goto(`${base}/admin/anvandare`);
    const before = await accessRows();
    await admin.getByLabel('Användarnamn').fill('utan.namnd');
    await admin.getByLabel('Roll', { exact: true }).first().selectOption('auditor');
    await admin.getByRole('button', { name: 'Skapa kontot' }).click();
    await expect(admin.locator('.error-summary').textContent()).resolves.toContain('Rollen auditor gäller en nämnd');
    await expect(admin.getByLabel('Användarnamn').inputValue()).resolves.toBe('utan.namnd');
    expect(await admin.locator('#konto-utan\\.namnd').count()).toBe(0);

    await admin.locator('#konto-astrid\\.admin').getByRole('button', { name: 'Ta bort admin från astrid.admin' }).click();
    await expect(admin.locator('#konto-astrid\\.admin .field-error').textContent()).resolves.toBe('Du kan inte ta bort din egen administratörsroll; be en annan administratör.');
    expect(await admin.locator('#konto-astrid\\.admin').getByRole('button', { name: /^Stäng av/ }).count()).toBe(0);
    expect(await accessRows()).toEqual(before);
    await admin.context().close();
  });

  it('anyone but an administrator is refused the page and its posts (403)', async () => {
    const controller = await signedIn('kurt.controller');
    expect(await controller.getByRole('link', { name: 'Användare' }).count()).toBe(0);
    const page = await controller.goto(`${base}/admin/anvandare`);
    expect(page!.status()).toBe(403);
    await controller.goto(`${base}/`);
    const csrf = await controller.locator('header input[name=_csrf]').inputValue();
    const before = await accessRows();
    for (const [path, form] of [
      ['/admin/anvandare', { username: 'smygare', role: 'admin', boards: '' }],
      ['/admin/anvandare/kurt.controller/behorighet', { role: 'admin' }],
      ['/admin/anvandare/astrid.admin/stang-av', {}],
    ] as const) {
      const refused = await controller.request.post(`${base}${path}`, { form: { _csrf: csrf, ...form }, maxRedirects: 0 });
      expect(refused.status()).toBe(403);
    }
    expect(await accessRows()).toEqual(before);
    await controller.context().close();
  });
});
