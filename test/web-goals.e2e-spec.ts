import { join } from 'node:path';
import { Page } from 'playwright-core';
import { UsersService } from '../src/auth/users.service';
import { BrowserApp, SCREENS, startBrowserApp } from './support/browser';
import { TEST_PASSWORD, TestApp } from './support/test-app';

/*
 * The goals' and the budget page in a real browser: a controller assesses a goal, reports an
 * activity's avvikelse and enters an area's prognos in mnkr with a decimal comma; a bad
 * amount is shown beside its field with nothing saved; two people saving the same area see
 * the conflict; an auditor reads without edit controls and is refused when posting anyway.
 */
const PERIOD = '/namnder/SON/2017/T1';

describe('goals, activities, budget and texts pages in a browser (SPEC 8)', () => {
  let app: BrowserApp;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, base } = app);
    const users = t.app.get(UsersService);
    for (const name of ['greta', 'gunnar', 'gun', 'gustav', 'tove', 'tage']) await users.add(name, 'controller', ['SON'], TEST_PASSWORD);
    await users.add('rebecka.revisor', 'auditor', ['SON'], TEST_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  const signedIn = (username: string, path: string, width = 1280) => app.signIn(username, { width, path: `${PERIOD}${path}` });

  const period = async () => (await t.http().get('/api/boards/SON/years/2017/periods/T1').expect(200)).body;
  const goalIn = (goals: { code: string; children: unknown[] }[], code: string): Record<string, unknown> | undefined => {
    for (const g of goals) {
      if (g.code === code) return g as never;
      const found = goalIn(g.children as never, code);
      if (found) return found;
    }
    return undefined;
  };

  it('a controller assesses a goal and reports an activity, and the page shows what was saved', async () => {
    const page = await signedIn('greta', '/mal', 375);
    const goal = page.locator('#mal-1\\.1\\.a');
    await expect(goal.locator('.assessment-text').textContent()).resolves.toBe('Uppfylls helt');
    await goal.getByLabel('Bedömning').selectOption({ label: 'Uppfylls delvis' });
    await goal.getByLabel('Analys').fill('Målet nås delvis: samverkan med föreningarna har försenats.');
    await goal.getByRole('button', { name: 'Spara 1.1.a' }).click();
    await page.waitForURL(/sparad=mal-1\.1\.a/);
    const saved = page.locator('#mal-1\\.1\\.a');
    await expect(saved.locator('.assessment-text').textContent()).resolves.toBe('Uppfylls delvis');
    await expect(saved.getByRole('status').textContent()).resolves.toBe('Sparat. Bedömning: Uppfylls delvis.');
    await page.screenshot({ path: join(SCREENS, 'mal-375.png') });

    const activity = page.locator('form#aktivitet-SON-A01');
    await activity.getByLabel('Ja, avvikelse').check();
    await activity.getByLabel('Kommentar').fill('Utredningen är försenad till hösten.');
    await activity.getByRole('button', { name: 'Spara SON-A01' }).click();
    await page.waitForURL(/sparad=aktivitet-SON-A01/);
    await expect(page.locator('form#aktivitet-SON-A01').getByRole('status').textContent()).resolves.toBe('Sparat. Ja, avvikelse.');

    const body = await period();
    const g = goalIn(body.goals, '1.1.a')!;
    expect(g.assessment).toBe('partial');
    expect(g.analysis).toBe('Målet nås delvis: samverkan med föreningarna har försenats.');
    const a = goalIn(body.goals, '1.1')!.activities as { code: string; deviation: boolean; comment: string }[];
    expect(a.find((x) => x.code === 'SON-A01')).toMatchObject({ deviation: true, comment: 'Utredningen är försenad till hösten.' });
    const audit = (await t.http().get('/api/boards/SON/years/2017/audit?period=T1').expect(200)).body.entries as { username: string; source: string; field: string }[];
    expect(audit.filter((e) => e.username === 'greta' && e.source === 'web').map((e) => e.field)).toEqual(expect.arrayContaining(['assessment', 'analysis', 'deviation', 'comment']));
    await page.context().close();
  });

  it('a controller enters an area\'s prognos and återredovisning in mnkr and sees avvikelse and justerad avvikelse', async () => {
    const page = await signedIn('gunnar', '/budget');
    const area = page.locator('form#omrade-1-barn-och-ungdom');
    await expect(area.getByLabel('Prognos helår (mnkr)').inputValue()).resolves.toBe('82,8');
    await area.getByLabel('Prognos helår (mnkr)').fill('80,2');
    await area.getByLabel('Återredovisning (mnkr)').fill('0,3');
    await area.getByRole('button', { name: 'Spara Barn och ungdom' }).click();
    await page.waitForURL(/sparad=omrade-1-barn-och-ungdom/);
    // Budget 81,0: avvikelse 81,0 − 80,2 = +0,8; justerad 0,8 + 0 + 0 − 0,3 = +0,5.
    await expect(page.locator('form#omrade-1-barn-och-ungdom').getByRole('status').textContent())
      .resolves.toBe('Sparat. Avvikelse +0,8 mnkr, justerad avvikelse +0,5 mnkr.');
    await page.screenshot({ path: join(SCREENS, 'budget-1280.png') });
    const row = (await period()).budget.operatingAreaTable.rows.find((r: { name: string }) => r.name === 'Barn och ungdom');
    expect(row).toMatchObject({ forecast: 80_200_000, returned: 300_000, deviation: 800_000, adjustedDeviation: 500_000 });
    await page.context().close();
  });

  it('a bad amount is shown beside its field, what was typed is kept and nothing is saved', async () => {
    const page = await signedIn('gun', '/budget', 375);
    const before = await t.rowCounts();
    const beforeRows = (await period()).budget.operatingAreaTable.rows;
    const area = page.locator('form#omrade-3-hemloshet-och-missbruk');
    await area.getByLabel('Prognos helår (mnkr)').fill('tvåhundra');
    await area.getByLabel('Justering (mnkr)').fill('1,5');
    await area.getByRole('button', { name: 'Spara Hemlöshet och missbruk' }).click();
    const again = page.locator('form#omrade-3-hemloshet-och-missbruk');
    await expect(again.locator('.field-error').first().textContent()).resolves.toMatch(/^Prognos helår \(mnkr\): Skriv beloppet i mnkr/);
    await expect(again.getByLabel('Prognos helår (mnkr)').inputValue()).resolves.toBe('tvåhundra');
    await expect(again.getByLabel('Justering (mnkr)').inputValue()).resolves.toBe('1,5');
    await expect(page.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#omrade-3-hemloshet-och-missbruk-forecast');
    expect(await t.rowCounts()).toEqual(before);
    expect((await period()).budget.operatingAreaTable.rows).toEqual(beforeRows);
    await page.screenshot({ path: join(SCREENS, 'budget-fel-375.png') });
    await page.context().close();
  });

  it('two people save the same area: the second sees the other\'s prognos and keeps what was typed', async () => {
    const first = await signedIn('gun', '/budget');
    const second = await signedIn('gustav', '/budget');
    const form = (page: Page) => page.locator('form#omrade-5-insatser-mot-vald-i-nara-relationer');
    await form(first).getByLabel('Prognos helår (mnkr)').fill('21,4');
    await form(first).getByRole('button', { name: /^Spara Insatser mot våld/ }).click();
    await first.waitForURL(/sparad=/);
    await form(second).getByLabel('Prognos helår (mnkr)').fill('20,0');
    await form(second).getByRole('button', { name: /^Spara Insatser mot våld/ }).click();
    await expect(form(second).locator('.conflict').textContent()).resolves.toMatch(/Någon annan har ändrat Insatser mot våld i nära relationer[\s\S]*Prognos helår \(mnkr\): 21,4/);
    await expect(form(second).getByLabel('Prognos helår (mnkr)').inputValue()).resolves.toBe('20,0');
    const row = (await period()).budget.operatingAreaTable.rows.find((r: { name: string }) => r.name === 'Insatser mot våld i nära relationer');
    expect(row.forecast).toBe(21_400_000);
    await first.context().close();
    await second.context().close();
  });

  it('a controller writes the summary, adds a section and empties another, and the report\'s texts follow', async () => {
    const page = await signedIn('tove', '/texter', 375);
    const summary = page.locator('form#text-summary');
    await expect(summary.getByLabel('Sammanfattande analys').inputValue()).resolves.toMatch(/^Förvaltningens verksamheter har under tertialet/);
    await summary.getByLabel('Sammanfattande analys').fill('Nämnden bedömer att årets mål i huvudsak nås.\n\nEkonomin är i balans; <b>ingen</b> markup blir kod.');
    await summary.getByRole('button', { name: 'Spara Sammanfattande analys' }).click();
    await page.waitForURL(/sparad=text-summary/);
    await expect(page.locator('form#text-summary').getByRole('status').textContent()).resolves.toBe('Sparat.');

    const added = page.locator('form#text-nytt');
    await added.getByLabel('Rubrik').fill('Personal och kompetensförsörjning');
    await added.getByLabel('Text').fill('Sjukfrånvaron har minskat till 6,1 %.');
    await added.getByRole('button', { name: 'Lägg till avsnittet' }).click();
    await page.waitForURL(/sparad=avsnitt-personal-och-kompetensforsorjning/);

    const other = page.locator('form', { has: page.locator('input[name=heading][value="Övrigt"]') });
    await other.getByLabel('Text under Övrigt').fill('');
    await other.getByRole('button', { name: 'Spara Övrigt' }).click();
    await page.waitForURL(/sparad=avsnitt-ovrigt/);
    await page.screenshot({ path: join(SCREENS, 'texter-375.png') });

    const texts = (await period()).texts as { summary: string; sections: { heading: string; text: string }[] };
    expect(texts.summary).toBe('Nämnden bedömer att årets mål i huvudsak nås.\n\nEkonomin är i balans; <b>ingen</b> markup blir kod.');
    const headings = texts.sections.map((x) => x.heading);
    expect(headings).not.toContain('Övrigt');
    expect(headings[headings.length - 1]).toBe('Personal och kompetensförsörjning');
    expect(texts.sections[texts.sections.length - 1].text).toBe('Sjukfrånvaron har minskat till 6,1 %.');
    // What was typed is shown as text, never as markup.
    await page.goto(`${base}${PERIOD}/texter`);
    expect(await page.locator('main b').count()).toBe(0);
    await page.context().close();
  });

  it('a new section needs a heading of its own, and a stale text shows the other person\'s words', async () => {
    const first = await signedIn('tage', '/texter');
    const second = await signedIn('gustav', '/texter');
    const before = await t.rowCounts();
    const added = first.locator('form#text-nytt');
    await added.getByLabel('Rubrik').fill('Investeringar');
    await added.getByLabel('Text').fill('Dubblett');
    await added.getByRole('button', { name: 'Lägg till avsnittet' }).click();
    await expect(first.locator('#text-nytt-heading-error').textContent()).resolves.toBe('Rubrik: det finns redan ett avsnitt som heter "Investeringar".');
    await expect(first.locator('form#text-nytt').getByLabel('Text').inputValue()).resolves.toBe('Dubblett');
    expect(await t.rowCounts()).toEqual(before);

    await first.goto(`${base}${PERIOD}/texter`);
    const comment = (page: Page) => page.locator('form#text-budgetComment');
    await comment(first).getByLabel('Kommentar till driftbudgeten').fill('Utfallet till och med april är 316,5 mnkr.');
    await comment(first).getByRole('button', { name: 'Spara Kommentar till driftbudgeten' }).click();
    await first.waitForURL(/sparad=text-budgetComment/);
    await comment(second).getByLabel('Kommentar till driftbudgeten').fill('Min egen version.');
    await comment(second).getByRole('button', { name: 'Spara Kommentar till driftbudgeten' }).click();
    await expect(comment(second).locator('.conflict').textContent()).resolves.toContain('Utfallet till och med april är 316,5 mnkr.');
    await expect(comment(second).getByLabel('Kommentar till driftbudgeten').inputValue()).resolves.toBe('Min egen version.');
    expect((await period()).texts.budgetComment).toBe('Utfallet till och med april är 316,5 mnkr.');
    // Saving again from the conflict replaces the other person's text.
    await comment(second).getByRole('button', { name: 'Spara Kommentar till driftbudgeten' }).click();
    await second.waitForURL(/sparad=text-budgetComment/);
    expect((await period()).texts.budgetComment).toBe('Min egen version.');
    await first.context().close();
    await second.context().close();
  });

  it('an auditor reads the pages without edit controls and is refused (403) when posting anyway', async () => {
    const page = await signedIn('rebecka.revisor', '/mal');
    expect(await page.locator('main form').count()).toBe(0);
    await expect(page.locator('#mal-1\\.1 .assessment-text').textContent()).resolves.toBe('Uppfylls helt');
    await page.goto(`${base}${PERIOD}/budget`);
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('table.cards tbody tr').count()).toBe(11);
    await page.goto(`${base}${PERIOD}/texter`);
    expect(await page.locator('main form').count()).toBe(0);
    const csrf = await page.locator('header input[name=_csrf]').inputValue();
    const before = await t.rowCounts();
    const posts = [
      [`${PERIOD}/mal/1.1`, { assessment: 'none' }],
      [`${PERIOD}/aktiviteter/SON-A01`, { deviation: 'true' }],
      [`${PERIOD}/budget`, { area: 'Barn och ungdom', forecast: '1' }],
      [`${PERIOD}/texter`, { which: 'summary', text: 'Revisorns text' }],
    ] as const;
    for (const [path, form] of posts) {
      const refused = await page.request.post(`${base}${path}`, { form: { _csrf: csrf, ...form }, maxRedirects: 0 });
      expect(refused.status()).toBe(403);
    }
    expect(await t.rowCounts()).toEqual(before);
    await page.context().close();
  });
});
