import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { UsersService } from '../src/auth/users.service';
import { BrowserApp, SCREENS, startBrowserApp } from './support/browser';
import { TEST_PASSWORD, TestApp } from './support/test-app';

/*
 * The period's workflow from the overview page in a real browser: a controller hands the
 * period in, a manager approves it, an administrator reopens it with a reason, an auditor
 * sees no buttons and is refused when posting anyway, and the audit trail downloaded from
 * the page holds every step.
 */
const PERIOD = '/namnder/SON/2017/T1';

describe('the period workflow on the overview page (SPEC 7, 8)', () => {
  let app: BrowserApp;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, base } = app);
    const users = t.app.get(UsersService);
    await users.add('cilla.controller', 'controller', ['SON'], TEST_PASSWORD);
    await users.add('maja.chef', 'manager', ['SON'], TEST_PASSWORD);
    await users.add('adam.admin', 'admin', [], TEST_PASSWORD);
    await users.add('rolf.revisor', 'auditor', ['SON'], TEST_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  const signedIn = (username: string, width = 1280) => app.signIn(username, { width, path: PERIOD });

  const stateOf = (page: Page) => page.locator('h1 + p .state').textContent();

  it('hands in, approves, refuses a reopening without a reason, reopens with one, and audits every step', async () => {
    const controller = await signedIn('cilla.controller', 375);
    await expect(stateOf(controller)).resolves.toBe('Öppen');
    // A controller may hand in but not approve or reopen.
    expect(await controller.getByRole('button', { name: 'Godkänn perioden' }).count()).toBe(0);
    expect(await controller.getByRole('button', { name: 'Öppna perioden igen' }).count()).toBe(0);
    await controller.getByRole('button', { name: 'Lämna in för godkännande' }).click();
    await controller.waitForURL(/klart=inlamnad/);
    await expect(controller.getByRole('status').textContent()).resolves.toBe('Perioden är inlämnad för godkännande.');
    await expect(stateOf(controller)).resolves.toBe('Inlämnad');
    await expect(controller.locator('#arbetsgang + ul').textContent()).resolves.toContain('Inlämnad av cilla.controller');
    expect(await controller.getByRole('button', { name: 'Lämna in för godkännande' }).count()).toBe(0);
    await controller.screenshot({ path: join(SCREENS, 'arbetsgang-inlamnad-375.png'), fullPage: false });
    await controller.context().close();

    const manager = await signedIn('maja.chef');
    await manager.getByRole('button', { name: 'Godkänn perioden' }).click();
    await manager.waitForURL(/klart=godkand/);
    await expect(stateOf(manager)).resolves.toBe('Godkänd');
    await expect(manager.getByRole('link', { name: 'Visa indikatorer' }).count()).resolves.toBe(1);
    const api = await t.http().get('/api/boards/SON/years/2017/periods/T1').expect(200);
    expect(api.body.state).toBe('approved');
    expect(api.body.approvedBy).toBe('maja.chef');
    await manager.screenshot({ path: join(SCREENS, 'arbetsgang-godkand-1280.png'), fullPage: true });
    await manager.context().close();

    const admin = await signedIn('adam.admin', 375);
    await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
    await expect(admin.locator('#reason-error').textContent()).resolves.toBe('Ett skäl krävs för att öppna en period igen.');
    await expect(stateOf(admin)).resolves.toBe('Godkänd');
    await admin.screenshot({ path: join(SCREENS, 'arbetsgang-skal-saknas-375.png'), fullPage: false });
    await admin.getByLabel('Skäl till att öppna perioden igen').fill('Revisorerna hittade ett fel i SON-I07; rättas före nämndens sammanträde.');
    await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
    await admin.waitForURL(/klart=oppnad/);
    await expect(stateOf(admin)).resolves.toBe('Öppen');

    // The audit trail from the page's link holds each step and the reason, as the readers of the trail see it.
    const href = await admin.getByRole('link', { name: /audit\.xlsx/ }).getAttribute('href');
    const download = await admin.request.get(`${base}${href}`);
    expect(download.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download.body()) as never);
    const text: string[] = [];
    workbook.worksheets[0].eachRow((row) => text.push((row.values as unknown[]).slice(1).map(String).join(' | ')));
    const all = text.join('\n');
    for (const who of ['cilla.controller', 'maja.chef', 'adam.admin']) expect(all).toContain(who);
    expect(all).toContain('Revisorerna hittade ett fel i SON-I07; rättas före nämndens sammanträde.');
    await admin.context().close();
  });

  it('an auditor sees the audit trail but no workflow buttons, and a post anyway is refused with 403', async () => {
    const auditor = await signedIn('rolf.revisor');
    for (const name of ['Lämna in för godkännande', 'Godkänn perioden', 'Öppna perioden igen']) {
      expect(await auditor.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await auditor.getByRole('link', { name: /audit\.csv/ }).count()).toBe(1);
    const csrf = await auditor.locator('input[name=_csrf]').first().inputValue();
    const before = await t.rowCounts();
    for (const step of ['lamna-in', 'godkann', 'oppna-igen']) {
      const refused = await auditor.request.post(`${base}${PERIOD}/${step}`, { form: { _csrf: csrf, reason: 'försök' }, maxRedirects: 0 });
      expect(refused.status()).toBe(403);
    }
    expect(await t.rowCounts()).toEqual(before);
    await auditor.context().close();
  });

  it('a step the state does not allow shows why, on the page, with 409', async () => {
    const manager = await signedIn('maja.chef');
    const csrf = await manager.locator('input[name=_csrf]').first().inputValue();
    await manager.getByRole('button', { name: 'Godkänn perioden' }).click();
    await manager.waitForURL(/klart=godkand/);
    // A second approval from a page opened before the first (a stale tab) is refused with the reason.
    const stale = await manager.request.post(`${base}${PERIOD}/godkann`, { form: { _csrf: csrf }, maxRedirects: 0 });
    expect(stale.status()).toBe(409);
    expect(await stale.text()).toContain('är redan godkänd');
    await manager.context().close();
  });
});
