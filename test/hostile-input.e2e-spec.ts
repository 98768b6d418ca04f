import { seedDocument } from './support/documents';
import { startTestAppWith2017, TestApp } from './support/test-app';

/*
 * Bad input as an ordinary but careless or hostile client sends it: every kind gets a
 * Swedish 4xx naming the problem, never a 500, and nothing is written.
 */

const INDICATOR = '/api/boards/SON/years/2017/periods/T1/indicators/SON-I09';
const COUNT_INDICATOR = '/api/boards/SON/years/2017/periods/T1/indicators/SON-I26';
const LIMIT = 256 * 1024;

/** Sends a Buffer as it is (superagent would otherwise JSON-encode it). */
const bytes = (body: unknown) => body as string;

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('hostile but ordinary input', () => {
  let t: TestApp;
  let before: Record<string, number>;

  beforeAll(async () => {
    t = await startTestAppWith2017({ maxDocumentBytes: LIMIT, maxErrors: 5 });
    before = await t.rowCounts();
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    expect(await t.rowCounts()).toEqual(before);
  });

  describe('the body of a PUT', () => {
    it('is required: no body is 400, not 500', async () => {
      const res = await t.http().put(INDICATOR).expect(400);
      expect(res.body.message).toMatch(/^Innehållet saknas\./);
    });

    it('must be JSON: text/plain and form bodies get 415', async () => {
      const plain = await t.http().put(INDICATOR).set('Content-Type', 'text/plain').send('outcome=1').expect(415);
      expect(plain.body.message).toMatch(/Innehållstypen "text\/plain" stöds inte/);
      const form = await t.http().put(INDICATOR).type('form').send({ outcome: '1' }).expect(415);
      expect(form.body.message).toMatch(/application\/x-www-form-urlencoded/);
    });

    it('must be UTF-8: invalid bytes are 400, another declared charset 415', async () => {
      const broken = Buffer.concat([Buffer.from('{"analysis": "Bra '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
      const invalid = await t.http().put(INDICATOR).set('Content-Type', 'application/json').serialize(bytes).send(broken).expect(400);
      expect(invalid.body.message).toBe('Texten är inte giltig UTF-8 (byte 19). Spara filen som UTF-8.');
      const latin1 = Buffer.from('{"analysis": "Målet nås"}', 'latin1');
      const declared = await t.http().put(INDICATOR).set('Content-Type', 'application/json; charset=ISO-8859-1').serialize(bytes).send(latin1).expect(415);
      expect(declared.body.message).toMatch(/^Texten måste vara kodad som UTF-8, inte ISO-8859-1\./);
    });

    it('treats __proto__ and constructor as unknown fields', async () => {
      const res = await t
        .http()
        .put(INDICATOR)
        .set('Content-Type', 'application/json')
        .send('{"outcome": 80, "__proto__": {"x": 1}, "constructor": {"prototype": {}}}')
        .expect(400);
      expect(res.body.errors).toEqual([
        { path: '__proto__', message: 'Okänt fält. Kontrollera stavningen.' },
        { path: 'constructor', message: 'Okänt fält. Kontrollera stavningen.' },
      ]);
    });

    it('refuses JSON nested 2 000 deep with 400 before any transformation', async () => {
      const res = await t.http().put(INDICATOR).set('Content-Type', 'application/json').send(`{"outcome": ${nested(2000)}}`).expect(400);
      expect(res.body.errors[0].message).toBe('Innehållet är nästlat djupare än 32 nivåer.');
    });

    it('refuses a text holding U+0000, naming the field', async () => {
      const res = await t.http().put(INDICATOR).send({ outcome: 80, analysis: 'Före\u0000efter' }).expect(400);
      expect(res.body.errors).toEqual([
        { path: 'analysis', message: 'Texten innehåller tecknet U+0000 (NUL), som inte kan sparas. Ta bort det.' },
      ]);
    });

    it('keeps counts within their range: no 1e308, no negative count', async () => {
      const huge = await t.http().put(COUNT_INDICATOR).send({ outcome: 1e308 }).expect(400);
      expect(huge.body.errors).toEqual([{ path: 'outcome', message: expect.stringMatching(/^Får inte vara större än /) }]);
      const negative = await t.http().put(COUNT_INDICATOR).send({ forecast: -1e308 }).expect(400);
      expect(negative.body.errors).toEqual([{ path: 'forecast', message: 'Ett antal kan inte vara negativt.' }]);
    });
  });

  describe('an import document', () => {
    it('must be JSON in UTF-8', async () => {
      await t.http().post('/api/import').set('Content-Type', 'text/plain').send(JSON.stringify(seedDocument('t1'))).expect(415);
      const latin1 = Buffer.from(JSON.stringify(seedDocument('t1')), 'latin1');
      await t.http().post('/api/import').set('Content-Type', 'application/json; charset=latin1').serialize(bytes).send(latin1).expect(415);
      const broken = Buffer.concat([Buffer.from('{"kind": "followup", "summary": "'), Buffer.from([0xff]), Buffer.from('"}')]);
      const res = await t.http().post('/api/import').set('Content-Type', 'application/json').serialize(bytes).send(broken).expect(400);
      expect(res.body.message).toMatch(/^Texten är inte giltig UTF-8/);
    });

    it('is refused with 413 and a Swedish message above the size limit', async () => {
      const big = JSON.stringify({ ...seedDocument('t1'), summary: 'x'.repeat(LIMIT) });
      const res = await t.http().post('/api/import').set('Content-Type', 'application/json').send(big).expect(413);
      expect(res.body.message).toBe('Innehållet är för stort: högst 256 kB tas emot (inställningen MAX_DOCUMENT_SIZE).');
    });

    it('names __proto__, U+0000 and too deep nesting with their paths', async () => {
      const doc = seedDocument('t1');
      doc.indicators[0].analysis = 'a\u0000b';
      const text = JSON.stringify(doc).replace('"indicators":[{', '"indicators":[{"__proto__":{"polluted":true},');
      const res = await t.importDocument(text).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { path: 'indicators[0].__proto__', message: 'Okänt fält. Kontrollera stavningen.' },
          { path: 'indicators[0].analysis', message: 'Texten innehåller tecknet U+0000 (NUL), som inte kan sparas. Ta bort det.' },
        ]),
      );
      const deep = await t.importDocument(`{"kind":"followup","version":1,"goals":${nested(2000)}}`).expect(400);
      expect(deep.body.errors).toEqual([{ path: expect.stringMatching(/^goals/), message: 'Innehållet är nästlat djupare än 32 nivåer.' }]);
    });

    it('lists the first errors and counts the rest, in Swedish', async () => {
      const doc = seedDocument('t1');
      doc.indicators = Array.from({ length: 40 }, (_, i) => ({ code: `OKÄND-${i}`, outcome: 1 }));
      const res = await t.importDocument(doc).expect(400);
      expect(res.body.errors).toHaveLength(6);
      expect(res.body.errors[5]).toEqual({ path: '', message: 'och 35 fel till som inte visas.' });
    });

    it('refuses counts and days out of range', async () => {
      const doc = seedDocument('t1');
      doc.indicators = [{ code: 'SON-I26', outcome: 1e308, forecast: -5 }];
      const res = await t.importDocument(doc).expect(400);
      expect(res.body.errors).toEqual([
        { path: 'indicators[0].outcome', message: expect.stringMatching(/^Får inte vara större än /) },
        { path: 'indicators[0].forecast', message: 'Ett antal kan inte vara negativt.' },
      ]);
    });
  });
});
