import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { UsersService } from '../src/auth/users.service';
import { BrowserApp, SCREENS, startBrowserApp } from './support/browser';
import { TEST_PASSWORD, TestApp } from './support/test-app';

/*
 * The Excel round trip in a real browser (issue 9): a controller downloads the input
 * workbook from the page, fills it in (here with exceljs, as Excel would save it), uploads
 * it, sees the preview and then the change; a bad value is shown by sheet, row and column
 * with nothing saved; an auditor sees no upload form and gets 403 when posting anyway.
 */
describe('Excel-inmatning in a real browser', () => {
  let app: BrowserApp;
  let t: TestApp;
  let base: string;
  const overview = '/namnder/SON/2017/T1';

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, base } = app);
    await t.app.get(UsersService).add('klara.controller', 'controller', ['SON'], TEST_PASSWORD);
    await t.app.get(UsersService).add('rut.revisor', 'auditor', ['SON'], TEST_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The downloaded workbook with SON-I03's outcome set to a value. */
  async function filled(path: string, outcome: number | string): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Indikatorer')!;
    for (let r = 2; r <= sheet.rowCount; r++) {
      if (sheet.getRow(r).getCell(1).value === 'SON-I03') sheet.getRow(r).getCell(9).value = outcome;
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('a controller downloads, fills, previews and applies the workbook, and sees the new value', async () => {
    const page = await app.signIn('klara.controller', { width: 1280, path: overview });
    await page.getByRole('link', { name: 'Excel-inmatning' }).click();
    await page.waitForURL(`${base}${overview}/inmatning`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hämta inmatningsarbetsboken (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('Inmatning Tertialrapport 1 2017 – Socialnämnden.xlsx');
    const bytes = await filled((await download.path())!, 44.5);

    await page.getByLabel('Arbetsbok (xlsx)').setInputFiles({ name: 'ifylld.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('heading', { name: 'Förhandsgranskning av ifylld.xlsx' }).waitFor();
    const rows = page.locator('#andringar tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toMatch(/SON-I03\s+Periodens utfall\s+43,1\s+44,5/);
    await page.screenshot({ path: join(SCREENS, 'inmatning-forhandsgranskning-1280.png'), fullPage: true });
    // Nothing is saved before the change is applied.
    const before = await t.http().get('/api/boards/SON/years/2017/periods/T1').expect(200);
    expect(JSON.stringify(before.body)).toContain('"outcome":43.1');

    await page.getByRole('button', { name: 'Tillämpa ändringarna' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    await expect(page.locator('[role=status]').innerText()).resolves.toContain('Indikatorer');
    await page.screenshot({ path: join(SCREENS, 'inmatning-sparad-1280.png'), fullPage: true });
    const after = await t.http().get('/api/boards/SON/years/2017/periods/T1').expect(200);
    expect(JSON.stringify(after.body)).toContain('"code":"SON-I03"');
    expect(JSON.stringify(after.body)).toContain('"outcome":44.5');
    // The entry page shows the new value the Swedish way.
    await page.goto(`${base}${overview}/indikatorer`);
    await expect(page.locator('fieldset', { hasText: 'SON-I03' }).getByLabel('Periodens utfall').inputValue()).resolves.toBe('44,5');
  });

  it('shows a bad value by sheet, row and column, saves nothing, and works on a phone', async () => {
    const page = await app.signIn('klara.controller', { width: 375, path: `${overview}/inmatning` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hämta inmatningsarbetsboken (xlsx)' }).click()]);
    const bytes = await filled((await download.path())!, 'fyrtiofem');
    await page.getByLabel('Arbetsbok (xlsx)').setInputFiles({ name: 'fel.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('heading', { name: 'Arbetsboken sparades inte' }).waitFor();
    const cells = await page.locator('.error-summary tbody tr').first().locator('th, td').allInnerTexts();
    expect(cells.map((c) => c.trim())).toEqual(['Indikatorer', expect.stringMatching(/^\d+$/), 'I', 'Periodens utfall: "fyrtiofem" är inget tal.']);
    await page.screenshot({ path: join(SCREENS, 'inmatning-fel-375.png'), fullPage: true });
    const now = await t.http().get('/api/boards/SON/years/2017/periods/T1').expect(200);
    expect(JSON.stringify(now.body)).not.toContain('fyrtiofem');
  });

  it('an auditor may download but sees no upload form, and a post anyway is refused', async () => {
    const page = await app.signIn('rut.revisor', { width: 1280, path: `${overview}/inmatning` });
    await expect(page.getByRole('link', { name: 'Hämta inmatningsarbetsboken (xlsx)' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Arbetsbok (xlsx)').count()).resolves.toBe(0);
    const status = await page.evaluate(async (path) => {
      const form = new FormData();
      form.append('_csrf', 'x');
      return (await fetch(path, { method: 'POST', body: form })).status;
    }, new URL(page.url()).pathname);
    expect(status).toBe(403);
  });
});
