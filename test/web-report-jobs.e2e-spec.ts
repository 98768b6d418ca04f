import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { UsersService } from '../src/auth/users.service';
import { BrowserApp, SCREENS, startBrowserApp } from './support/browser';
import { followupDocument, planDocument } from './support/documents';
import { TEST_PASSWORD, TestApp } from './support/test-app';

/*
 * Reports for many boards from the browser (issue 9's long work, issue 11's jobs): a
 * manager starts a run, sees its progress reach the end without reloading, and downloads
 * a board's workbook; a missing format is refused beside its field with nothing started.
 */
describe('rapportkörningar in a real browser', () => {
  let app: BrowserApp;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, base } = app);
    // A second board with 2017 T1 beside Socialnämnden.
    await t.importDocument(planDocument({ year: 2017, board: { code: 'ÄLN', name: 'Äldrenämnden i Årsta' } })).expect(200);
    await t.importDocument(followupDocument({ year: 2017 })).expect(200);
    await t.app.get(UsersService).add('maria.chef', 'manager', ['SON', 'ÄLN'], TEST_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a manager starts a run for both boards, follows it to the end and downloads a workbook', async () => {
    const page = await app.signIn('maria.chef', { width: 1280 });
    await page.getByRole('link', { name: 'Rapporter för många nämnder' }).click();
    await page.waitForURL(`${base}/rapportkorningar`);
    await expect(page.getByLabel('År och period').inputValue()).resolves.toBe('2017-T1');
    await expect(page.locator('option', { hasText: 'Tertialrapport 1 2017 (2 nämnder)' }).count()).resolves.toBe(1);
    await page.getByLabel('Word (docx)').check();
    await page.screenshot({ path: join(SCREENS, 'rapportkorningar-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Skapa rapporterna' }).click();
    await page.waitForURL(/\/rapportkorningar\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tertialrapport 1 2017 – rapportkörning');
    // The page follows the run by itself (bounded by the test's timeout, no reload).
    await page.locator('#lage', { hasText: 'klar' }).waitFor({ timeout: 90_000 });
    await expect(page.locator('#sammanfattning').textContent()).resolves.toBe('2 av 2 nämnder klara');
    await expect(page.locator('#framsteg').evaluate((el) => [el.getAttribute('value'), el.getAttribute('max')])).resolves.toEqual(['2', '2']);
    await expect(page.getByRole('link', { name: 'Tertialrapport 1 2017 – Socialnämnden.docx' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(SCREENS, 'rapportkorning-klar-1280.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tertialrapport 1 2017 – Äldrenämnden i Årsta.xlsx' }).click()]);
    expect(download.suggestedFilename()).toBe('Tertialrapport 1 2017 – Äldrenämnden i Årsta.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets[0].name).toBe('Sammanfattning');

    const phone = await app.signIn('maria.chef', { width: 375, path: new URL(page.url()).pathname });
    await expect(phone.locator('#lage').textContent()).resolves.toBe('klar');
    await phone.screenshot({ path: join(SCREENS, 'rapportkorning-klar-375.png'), fullPage: true });
    await phone.goto(`${base}/rapportkorningar`);
    await expect(phone.locator('tbody tr', { hasText: 'Tertialrapport 1 2017' }).count()).resolves.toBe(1);
    await phone.screenshot({ path: join(SCREENS, 'rapportkorningar-375.png'), fullPage: true });
  });

  it('refuses a run without a format beside the field, and starts nothing', async () => {
    const page = await app.signIn('maria.chef', { width: 375, path: '/rapportkorningar' });
    const before = await page.locator('tbody tr').count();
    await page.getByLabel('Excel (xlsx)').uncheck();
    await page.getByRole('button', { name: 'Skapa rapporterna' }).click();
    await expect(page.locator('#format-fel').textContent()).resolves.toBe('Välj minst ett format.');
    await expect(page.locator('tbody tr').count()).resolves.toBe(before);
  });
});
