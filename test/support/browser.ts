import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startTestAppWith2017, TEST_PASSWORD, TestApp } from './test-app';

/*
 * The browser tests' common ground (SPEC 8): the app with the 2017 data listening on a free
 * port, Debian's Chromium driven by playwright-core (npm cannot download a browser here;
 * another one in CHROMIUM_PATH), and a sign-in through the real form. Screenshots go to
 * test-output/screens (not committed).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS = join(__dirname, '..', '..', 'test-output', 'screens');

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
  /** A new browser context at the width, signed in through the form, then at `path` (or the start page). */
  signIn(username: string, options?: { width?: number; path?: string; password?: string }): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  mkdirSync(SCREENS, { recursive: true });
  const t = await startTestAppWith2017();
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    t,
    browser,
    base,
    async signIn(username, { width = 1280, path, password = TEST_PASSWORD } = {}) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
      const page = await context.newPage();
      await page.goto(`${base}/logga-in`);
      await page.getByLabel('Användarnamn').fill(username);
      await page.getByLabel('Lösenord').fill(password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL(`${base}/`);
      if (path) await page.goto(`${base}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
