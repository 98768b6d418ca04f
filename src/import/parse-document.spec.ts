import { DomainError } from '../common/domain-error';
import { documentKind, parseDocumentText } from './parse-document';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseDocumentText', () => {
  it('reads a JSON object, also after a UTF-8 byte order mark', () => {
    expect(parseDocumentText('\uFEFF{"kind":"plan"}')).toEqual({ kind: 'plan' });
  });

  it.each([
    ['', /Filen är tom/],
    ['   \n ', /Filen är tom/],
    ['PK\u0003\u0004 xlsx bytes', /inte ett JSON-dokument/],
    ['%PDF-1.7', /inte ett JSON-dokument/],
    ['kind;version\nplan;1', /inte ett JSON-dokument/],
    ['[1, 2]', /måste vara ett JSON-objekt/],
    ['{"kind": "plan",\n  "year": 2017,,\n}', /inte giltig JSON \(rad 2, kolumn 16\)/],
    ['{"kind": "plan"', /inte giltig JSON/],
  ])('refuses %j with a Swedish message', (text, message) => {
    expect(refusal(() => parseDocumentText(text)).message).toMatch(message);
  });
});

describe('documentKind', () => {
  it.each([
    [{ kind: 'plan', version: 1 }, 'plan'],
    [{ kind: 'followup', version: 1 }, 'followup'],
  ])('%j → %s', (doc, kind) => {
    expect(documentKind(doc)).toBe(kind);
  });

  it.each([
    [{ version: 1 }, 'kind', /saknas/],
    [{ kind: 'budget', version: 1 }, 'kind', /"plan" eller "followup"/],
    [{ kind: 'plan' }, 'version', /saknas/],
    [{ kind: 'plan', version: 2 }, 'version', /version 1/],
    [{ kind: 'plan', version: '1' }, 'version', /version 1/],
  ])('%j is refused at %s', (doc, path, message) => {
    const error = refusal(() => documentKind(doc));
    expect(error.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});
