import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { UsersService } from '../src/auth/users.service';
import { BrowserApp, SCREENS, startBrowserApp } from './support/browser';
import { TEST_PASSWORD, TestApp } from './support/test-app';

/*
 * The web pages (SPEC 8) in a real browser: Debian's Chromium driven by playwright-core.
 * Screenshots go to test-output/screens (ignored by git) at a laptop's and a phone's width.
 */
const PERIOD = '/namnder/SON/2017/T1';

describe('web pages in a browser (SPEC 8)', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
    const users = t.app.get(UsersService);
    // One account per page (sign-ins are slowed down to 5 a minute per user name).
    for (const name of ['kalle', 'kerstin', 'karin', 'klas', 'kent', 'konrad', 'kim']) await users.add(name, 'controller', ['SON'], TEST_PASSWORD);
    await users.add('rut.revisor', 'auditor', ['SON'], TEST_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  const signedIn = (username: string, width = 1280): Promise<Page> => app.signIn(username, { width });

  const fieldset = (page: Page, code: string) => page.locator('fieldset', { has: page.locator('legend', { hasText: new RegExp(`^${code} `) }) });

  it('sign-in refuses a wrong password beside the field, then lets the controller in to the start page', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    expect(page.url()).toContain('/logga-in');
    await page.getByLabel('Användarnamn').fill('kalle');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.locator('.field-error').textContent()).resolves.toBe('Fel användarnamn eller lösenord, eller så är kontot avstängt.');
    await page.screenshot({ path: join(SCREENS, 'logga-in-fel-375.png'), fullPage: true });
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${base}/`);
    const row = page.locator('tr', { hasText: 'Tertialrapport 1 2017' });
    await expect(row.textContent()).resolves.toMatch(/Öppen/);
    await expect(row.textContent()).resolves.toMatch(/\d+ av \d+/);
    await page.screenshot({ path: join(SCREENS, 'start-375.png'), fullPage: true });
    await context.close();
  });

  it('the overview shows the goal tree with traffic lights, both flags, key figures and downloads', async () => {
    for (const width of [1280, 375]) {
      const page = await signedIn('kerstin', width);
      await page.goto(`${base}${PERIOD}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tertialrapport 1 2017 – Socialnämnden');
      const figures = await page.locator('dl.figures').textContent();
      for (const label of ['Nettobudget', 'Prognos (netto)', 'Avvikelse', 'Förbrukning', 'Riktvärde', 'Budgetföljsamhet']) expect(figures).toContain(label);
      expect(await page.locator('.light-gron').count()).toBeGreaterThan(0);
      const report = await page.request.get(await page.getByRole('link', { name: /report\.xlsx/ }).getAttribute('href').then((h) => `${base}${h}`));
      expect(report.status()).toBe(200);
      expect((await report.body()).subarray(0, 2).toString()).toBe('PK');
      await page.screenshot({ path: join(SCREENS, `oversikt-${width}.png`), fullPage: width === 375 ? false : true });
      await page.context().close();
    }
  });

  it('a controller enters a forecast with a decimal comma and sees the status change', async () => {
    const page = await signedIn('karin');
    await page.goto(`${base}${PERIOD}/indikatorer`);
    const fs = fieldset(page, 'SON-I07');
    const before = await fs.locator('.status-text').textContent();
    await fs.getByLabel('Prognos helår').fill('12,5 %');
    await fs.getByRole('button', { name: 'Spara SON-I07' }).click();
    await page.waitForURL(/sparad=SON-I07/);
    const after = fieldset(page, 'SON-I07');
    await expect(after.locator('.status-text').textContent()).resolves.toBe('Uppnås inte');
    expect(before).not.toBe('Uppnås inte');
    await expect(after.getByLabel('Prognos helår').inputValue()).resolves.toBe('12,5');
    const api = await t.http().get('/api/boards/SON/years/2017/periods/T1/indicators/SON-I07'.replace('/indicators/SON-I07', '')).expect(200);
    const saved = JSON.stringify(api.body);
    expect(saved).toContain('"forecast":12.5');
    await page.screenshot({ path: join(SCREENS, 'indikatorer-1280.png') });
    await page.context().close();
  });

  it('a bad value gets its message beside the field, keeps what was typed and saves nothing', async () => {
    const page = await signedIn('klas', 375);
    await page.goto(`${base}${PERIOD}/indikatorer`);
    const before = await t.rowCounts();
    const fs = fieldset(page, 'SON-I07');
    await fs.getByLabel('Periodens utfall').fill('tolv');
    await fs.getByLabel('Prognos helår').fill('70');
    await fs.getByRole('button', { name: 'Spara SON-I07' }).click();
    const again = fieldset(page, 'SON-I07');
    await expect(again.locator('.field-error').first().textContent()).resolves.toMatch(/^Periodens utfall: Skriv ett tal/);
    await expect(again.getByLabel('Periodens utfall').inputValue()).resolves.toBe('tolv');
    await expect(page.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#SON-I07-outcome');
    expect(await t.rowCounts()).toEqual(before);
    await page.screenshot({ path: join(SCREENS, 'indikatorer-fel-375.png') });
    await page.context().close();
  });

  it('two pages edit the same indicator: the second save shows the other value and keeps what was typed', async () => {
    const first = await signedIn('kent');
    const second = await signedIn('konrad');
    await first.goto(`${base}${PERIOD}/indikatorer`);
    await second.goto(`${base}${PERIOD}/indikatorer`);
    await fieldset(first, 'SON-I07').getByLabel('Prognos helår').fill('88');
    await fieldset(first, 'SON-I07').getByRole('button', { name: 'Spara SON-I07' }).click();
    await first.waitForURL(/sparad=SON-I07/);
    await fieldset(second, 'SON-I07').getByLabel('Prognos helår').fill('77,5');
    await fieldset(second, 'SON-I07').getByRole('button', { name: 'Spara SON-I07' }).click();
    const conflict = fieldset(second, 'SON-I07').locator('.conflict');
    await expect(conflict.textContent()).resolves.toMatch(/Någon annan har ändrat SON-I07[\s\S]*Prognos helår: 88/);
    await expect(fieldset(second, 'SON-I07').getByLabel('Prognos helår').inputValue()).resolves.toBe('77,5');
    const api = await t.http().get('/api/boards/SON/years/2017/periods/T1').expect(200);
    expect(JSON.stringify(api.body)).toContain('"forecast":88');
    await expect(second.locator('.error-summary').textContent()).resolves.toMatch(/Någon annan har ändrat SON-I07/);
    await second.screenshot({ path: join(SCREENS, 'konflikt-sammanfattning-1280.png') });
    await conflict.scrollIntoViewIfNeeded();
    await second.screenshot({ path: join(SCREENS, 'konflikt-1280.png') });
    await first.context().close();
    await second.context().close();
  });

  it('an auditor sees no edit controls and gets 403 when posting anyway', async () => {
    const page = await signedIn('rut.revisor');
    await page.goto(`${base}${PERIOD}/indikatorer`);
    expect(await page.getByRole('button', { name: /^Spara/ }).count()).toBe(0);
    expect(await page.locator('input[type=text]:enabled, textarea:enabled').count()).toBe(0);
    await expect(page.locator('main').textContent()).resolves.toContain('Du kan läsa uppgifterna men inte ändra dem.');
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const posted = await page.request.post(`${base}${PERIOD}/indikatorer/SON-I07`, { form: { _csrf: csrf, forecast: '1', version: '0' } });
    expect(posted.status()).toBe(403);
    await page.screenshot({ path: join(SCREENS, 'revisor-1280.png') });
    await page.context().close();
  });
});
