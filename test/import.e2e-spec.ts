import { activity, followupDocument, indicator, planDocument, seedDocument } from './support/documents';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Each test builds what it needs: a describe whose tests change the data gives every test a
 * fresh database; one whose tests are all refused (and so change nothing) shares one.
 */
describe('POST /api/import', () => {
  let t: TestApp;

  /** A fresh database for every test of the enclosing describe, with `setup` run on it. */
  function freshAppPerTest(setup: () => Promise<void> = async () => {}): void {
    beforeEach(async () => {
      t = await startTestApp();
      await setup();
    });
    afterEach(async () => {
      await t?.close();
    });
  }

  const importSon2017 = async (...which: ('plan' | 't1')[]) => {
    for (const doc of which) await t.importDocument(seedDocument(doc)).expect(200);
  };

  describe('the Socialnämnden 2017 documents', () => {
    freshAppPerTest();

    it('imports the plan and reports what it created', async () => {
      const res = await t.importDocument(seedDocument('plan')).expect(200);
      expect(res.body).toMatchObject({ kind: 'plan', board: { code: 'SON', name: 'Socialnämnden' }, year: 2017, period: null });
      const created = Object.fromEntries(res.body.changes.map((c: any) => [c.label, c.stats.created]));
      expect(created).toEqual({ 'Mål (alla nivåer)': 50, Indikatorer: 62, Aktiviteter: 81, Verksamhetsområden: 10, Kontogrupper: 10 });
      expect(res.body.message).toMatch(/^Verksamhetsplanen 2017 för Socialnämnden \(SON\) är importerad\./);
    });

    it('imports the T1 follow-up', async () => {
      await importSon2017('plan');
      const res = await t.importDocument(seedDocument('t1')).expect(200);
      const created = Object.fromEntries(res.body.changes.map((c: any) => [c.label, c.stats.created]));
      expect(created).toEqual({ Indikatorer: 62, Målbedömningar: 39, Aktiviteter: 81, Verksamhetsområden: 10, Kontogrupper: 10, Texter: 11 });
    });

    it('is idempotent: the same documents again change nothing, not even the time of the last change', async () => {
      await importSon2017('plan', 't1');
      const before = await t.rowCounts();
      const periodsBefore = (await t.http().get('/api/boards/SON/years/2017').expect(200)).body.years[0].periods;
      for (const doc of [seedDocument('plan'), seedDocument('t1')]) {
        const res = await t.importDocument(doc).expect(200);
        for (const change of res.body.changes) {
          expect(change.stats).toMatchObject({ created: 0, updated: 0, removed: 0 });
        }
      }
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.http().get('/api/boards/SON/years/2017').expect(200)).body.years[0].periods).toEqual(periodsBefore);
    });

    it('records when a period\'s figures last changed', async () => {
      await importSon2017('plan', 't1');
      const before = (await t.http().get('/api/boards/SON/years/2017').expect(200)).body.years[0].periods[0].updatedAt;
      const changed = seedDocument('t1');
      changed.indicators = [{ ...changed.indicators[2], analysis: 'Uppdaterad analys.' }];
      await t.importDocument(changed).expect(200);
      const after = (await t.http().get('/api/boards/SON/years/2017').expect(200)).body.years[0].periods[0].updatedAt;
      expect(new Date(after).getTime()).toBeGreaterThan(new Date(before).getTime());
    });

    it('accepts a file with a UTF-8 byte order mark, as Windows tools write it', async () => {
      await importSon2017('plan');
      await t.importDocument(`\uFEFF${JSON.stringify(seedDocument('t1'))}`).expect(200);
    });
  });

  describe('re-importing a changed plan', () => {
    freshAppPerTest(async () => {
      await t.importDocument(planDocument()).expect(200);
      await t.importDocument(followupDocument()).expect(200);
    });

    it('updates what changed, removes what the plan no longer has, and keeps the rest', async () => {
      const plan = planDocument();
      plan.indicators[0].annualTarget = 92; // changed
      plan.indicators.splice(1, 1); // ÄLN-I2 removed, with its T1 result
      plan.activities.push(activity({ code: 'ÄLN-A3', name: 'Ny aktivitet' }));
      const res = await t.importDocument(plan).expect(200);
      const byLabel = Object.fromEntries(res.body.changes.map((c: any) => [c.label, c.stats]));
      // ÄLN-I1 has a new target; ÄLN-I3 moved up one place in the plan's order.
      expect(byLabel.Indikatorer).toEqual({ created: 0, updated: 2, unchanged: 0, removed: 1 });
      expect(byLabel.Aktiviteter).toEqual({ created: 1, updated: 0, unchanged: 2, removed: 0 });

      const followup = (await t.http().get('/api/boards/ÄLN/years/2031/periods/T1').expect(200)).body;
      const codes = JSON.stringify(followup).match(/ÄLN-I\d/g);
      expect(new Set(codes)).toEqual(new Set(['ÄLN-I1', 'ÄLN-I3']));
    });

    it('moves an indicator to another goal', async () => {
      const plan = planDocument();
      plan.indicators[0].goal = '1.7';
      await t.importDocument(plan).expect(200);
      const followup = (await t.http().get('/api/boards/ÄLN/years/2031/periods/T1').expect(200)).body;
      const kfGoal = followup.goals[0].children[0];
      expect(kfGoal.code).toBe('1.7');
      expect(kfGoal.indicators.map((i: any) => i.code)).toContain('ÄLN-I1');
      expect(kfGoal.children[0].indicators.map((i: any) => i.code)).not.toContain('ÄLN-I1');
    });
  });

  describe('refuses bad input whole, with every error and nothing written', () => {
    // Every test here is refused, so they share one database with the test plan and its T1.
    beforeAll(async () => {
      t = await startTestApp();
      await t.importDocument(planDocument()).expect(200);
      await t.importDocument(followupDocument()).expect(200);
    });
    afterAll(async () => {
      await t?.close();
    });

    /** Sends a document and checks: 400, the listed problems, and not one row changed. */
    async function expectRefused(doc: unknown, expected: { path: string; message: RegExp }[]) {
      const before = await t.rowCounts();
      const res = await t.importDocument(doc as any).expect(400);
      expect(res.body.message).toMatch(/Ingenting har sparats|inte giltig JSON|inte ett JSON-dokument|tom|JSON-objekt/);
      for (const e of expected) {
        expect(res.body.errors).toContainEqual({ path: e.path, message: expect.stringMatching(e.message) });
      }
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/); // never a stack trace
      expect(await t.rowCounts()).toEqual(before);
      return res.body;
    }

    it('wrong types', async () => {
      await expectRefused(planDocument({ year: '2031', indicators: [indicator({ annualTarget: '90', genderSplit: 1 })] }), [
        { path: 'year', message: /heltal/ },
        { path: 'indicators[0].annualTarget', message: /tal/ },
        { path: 'indicators[0].genderSplit', message: /true eller false/ },
      ]);
    });

    it('unknown codes in a follow-up', async () => {
      await expectRefused(followupDocument({ indicators: [{ code: 'ÄLN-I77', outcome: 1 }], goals: [{ code: '9.9', assessment: 'full' }] }), [
        { path: 'indicators[0].code', message: /"ÄLN-I77" finns inte/ },
        { path: 'goals[0].code', message: /"9\.9" finns inte/ },
      ]);
    });

    it('unknown codes in a plan', async () => {
      await expectRefused(planDocument({ indicators: [indicator({ goal: '7.7' })] }), [{ path: 'indicators[0].goal', message: /"7\.7"/ }]);
    });

    it('men and women on an indicator without gender split', async () => {
      await expectRefused(followupDocument({ indicators: [{ code: 'ÄLN-I3', outcome: 0, men: 1, women: 2 }] }), [
        { path: 'indicators[0].men', message: /inte könsuppdelad/ },
        { path: 'indicators[0].women', message: /inte könsuppdelad/ },
      ]);
    });

    it('a share outside 0–100', async () => {
      await expectRefused(followupDocument({ indicators: [{ code: 'ÄLN-I1', outcome: 101, women: -1 }] }), [
        { path: 'indicators[0].outcome', message: /mellan 0 och 100/ },
        { path: 'indicators[0].women', message: /mellan 0 och 100/ },
      ]);
    });

    it('an end date before the start date', async () => {
      await expectRefused(planDocument({ activities: [activity({ start: '2031-09-01', end: '2031-03-01' })] }), [
        { path: 'activities[0].end', message: /före startdatumet/ },
      ]);
    });

    it('malformed JSON, with the line and column where it breaks', async () => {
      const body = await expectRefused('{\n  "kind": "followup",\n  "version": 1\n  "board": "ÄLN"\n}', []);
      expect(body.message).toMatch(/inte giltig JSON \(rad 4, kolumn 3\)/);
    });

    it('a file that is not JSON at all', async () => {
      const body = await expectRefused('Kod;Utfall\nÄLN-I1;89\n', []);
      expect(body.message).toMatch(/inte ett JSON-dokument/);
    });

    it('an empty body', async () => {
      const body = await expectRefused('', []);
      expect(body.message).toMatch(/tom/);
    });

    it('an unknown kind and version', async () => {
      await expectRefused({ kind: 'budget', version: 2 }, [
        { path: 'kind', message: /"plan" eller "followup"/ },
        { path: 'version', message: /version 1/ },
      ]);
    });

    it('a follow-up for a board or year without a plan', async () => {
      await expectRefused(followupDocument({ board: 'XYZ' }), [{ path: 'board', message: /ingen nämnd med koden "XYZ"/ }]);
      await expectRefused(followupDocument({ year: 2032 }), [{ path: 'year', message: /ingen plan för Äldrenämnden i Årsta \(ÄLN\) år 2032/ }]);
    });

    it('one bad row among good ones: the good rows are not written either', async () => {
      const doc = followupDocument({ period: 'T2' });
      doc.indicators.push({ code: 'ÄLN-I3', outcome: 'noll' });
      await expectRefused(doc, [{ path: 'indicators[2].outcome', message: /tal/ }]);
      await t.http().get('/api/boards/ÄLN/years/2031').expect(200)
        .expect((res) => expect(res.body.years[0].periods.map((p: any) => p.period)).toEqual(['T1']));
    });

    it('an approved (locked) period, for follow-ups and for the plan: 409, nothing written', async () => {
      await t.http().post('/api/boards/ÄLN/years/2031/periods/T1/lock').expect(200);
      try {
        const before = await t.rowCounts();
        const followup = await t.importDocument(followupDocument({ period: 'T1' })).expect(409);
        expect(followup.body.message).toMatch(/T1 .*är godkänd \(låst\)/);
        const plan = await t.importDocument(planDocument()).expect(409);
        expect(plan.body.message).toMatch(/kan inte ändras eftersom T1 är godkänd/);
        expect(await t.rowCounts()).toEqual(before);
      } finally {
        await t.http().delete('/api/boards/ÄLN/years/2031/periods/T1/lock').send({ reason: 'Prov' }).expect(200);
      }
      await t.importDocument(followupDocument()).expect(200);
    });
  });
});
