import { followupDocument, planDocument } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

/** The narrative texts of SPEC 2.2 and the reconciliation warning of SPEC 3.4, through the import and the API. */
describe('report texts and reconciliation', () => {
  let t: TestApp;
  const FOLLOWUP = '/api/boards/ÄLN/years/2031/periods/T1';

  const withTexts = (overrides = {}) =>
    followupDocument({
      summary: 'Nämnden har en budget i balans.\n\nÄldreomsorgen går bra.',
      sections: [
        { heading: 'Investeringar', text: 'Investeringarna följer planen.' },
        { heading: 'Övrigt', text: 'Två lex Sarah-rapporter.' },
      ],
      budget: {
        ...followupDocument().budget,
        comment: 'Utfallet är 26 % av årsbudgeten.',
        operatingAreas: [
          { name: 'Äldreomsorg', forecast: 423.2, adjustment: 1.5, comment: 'Underskottet beror på lokalhyror.' },
          { name: 'Öppen verksamhet', forecast: 10.2, adjustment: 0 },
        ],
      },
      ...overrides,
    });

  beforeAll(async () => {
    t = await startTestApp();
    await t.importDocument(planDocument()).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports the texts and the follow-up carries them', async () => {
    const res = await t.importDocument(withTexts()).expect(200);
    expect(res.body.changes.find((c: any) => c.label === 'Texter').stats.created).toBe(4);
    expect(res.body.warnings).toEqual([]);
    const body = (await t.http().get(encodeURI(FOLLOWUP)).expect(200)).body;
    expect(body.texts).toEqual({
      summary: 'Nämnden har en budget i balans.\n\nÄldreomsorgen går bra.',
      budgetComment: 'Utfallet är 26 % av årsbudgeten.',
      sections: [
        { heading: 'Investeringar', text: 'Investeringarna följer planen.' },
        { heading: 'Övrigt', text: 'Två lex Sarah-rapporter.' },
      ],
    });
    expect(body.budget.areaComments).toEqual([{ name: 'Äldreomsorg', deviation: -1_700_000, adjustedDeviation: -200_000, comment: 'Underskottet beror på lokalhyror.' }]);
    expect(body.budget.reconciliation).toBeNull();
  });

  it('is idempotent, and a changed text is one change', async () => {
    const again = await t.importDocument(withTexts()).expect(200);
    expect(again.body.changes.find((c: any) => c.label === 'Texter').stats).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const changed = withTexts({ sections: [{ heading: 'Investeringar', text: 'Ny text.' }] });
    const res = await t.importDocument(changed).expect(200);
    expect(res.body.changes.find((c: any) => c.label === 'Texter').stats).toMatchObject({ updated: 1, unchanged: 2 });
    const body = (await t.http().get(encodeURI(FOLLOWUP)).expect(200)).body;
    expect(body.texts.sections[0]).toEqual({ heading: 'Investeringar', text: 'Ny text.' });
  });

  it('refuses bad texts with the field named, writing nothing', async () => {
    const before = await t.rowCounts();
    const res = await t
      .importDocument(
        withTexts({
          summary: 42,
          sections: [
            { heading: 'Investeringar', text: 'a' },
            { heading: 'Investeringar', text: 'b' },
            { text: 'utan rubrik' },
          ],
        }),
      )
      .expect(400);
    const paths = res.body.errors.map((e: any) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['summary', 'sections[2].heading']));
    expect(res.body.errors.every((e: any) => /[åäöÅÄÖ]|[a-z]/.test(e.message))).toBe(true);
    expect(await t.rowCounts()).toEqual(before);
    const duplicate = await t
      .importDocument(withTexts({ sections: [{ heading: 'Investeringar', text: 'a' }, { heading: 'Investeringar', text: 'b' }] }))
      .expect(400);
    expect(duplicate.body.errors).toEqual([{ path: 'sections[1].heading', message: 'Avsnittet "Investeringar" förekommer redan (sections[0].heading).' }]);
  });

  it('warns when the driftbudget Netto and Nämnden totalt differ, names both figures, and still imports', async () => {
    // areas: 423,0 + 10,2 = 433,2 mnkr; account groups: −24,9 + 302,4 + 155,9 = 433,4 mnkr
    const res = await t.importDocument(followupDocument()).expect(200);
    expect(res.body.warnings).toHaveLength(1);
    expect(res.body.warnings[0]).toContain('prognos 433,4 mnkr mot 433,2 mnkr');
    expect(res.body.message).toContain('Varning: Driftbudgetens netto och verksamhetsområdenas Nämnden totalt stämmer inte överens');
    const body = (await t.http().get(encodeURI(FOLLOWUP)).expect(200)).body;
    expect(body.budget.reconciliation).toEqual({ budget: 0, forecast: 200_000 });
  });
});
