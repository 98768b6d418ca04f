import { DomainError, FieldError } from '../common/domain-error';
import { checkJsonShape } from '../common/request-body';

/** The headline of every refused import: nothing of the document is saved. */
export const REJECTED = 'Dokumentet importerades inte. Ingenting har sparats.';

/**
 * Reads the text of an import file into a JSON value, or refuses it with a Swedish message
 * that says where the JSON breaks (line and column), so that the person who wrote the file
 * can find the mistake. Accepts a UTF-8 byte order mark (Excel and Notepad write one).
 */
export function parseDocumentText(text: string): Record<string, unknown> {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start.length === 0) {
    throw DomainError.invalid('Filen är tom. Ett importdokument är ett JSON-objekt med fälten kind och version.');
  }
  if (!start.startsWith('{') && !start.startsWith('[')) {
    throw DomainError.invalid(
      'Filen är inte ett JSON-dokument. Importera en plan eller en uppföljning i importformatet (JSON), ' +
        'inte till exempel en Excel- eller PDF-fil.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw DomainError.invalid(`Filen är inte giltig JSON${whereItBreaks(body, error as Error)}. ` +
      'Kontrollera kommatecken, citattecken och klamrar där.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw DomainError.invalid('Dokumentet måste vara ett JSON-objekt ({...}) med fälten kind och version.');
  }
  // Before class-transformer sees it: bounded depth, no __proto__, no U+0000.
  const problems = checkJsonShape(value);
  if (problems.length > 0) throw DomainError.invalid(REJECTED, problems);
  return value as Record<string, unknown>;
}

/** " (rad 3, kolumn 14)" from the position in V8's JSON error message, when it gives one. */
function whereItBreaks(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return /end of JSON input/.test(error.message) ? ' (filen tar slut för tidigt)' : '';
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` (rad ${line}, kolumn ${column})`;
}

/** The document kinds of interchange format v1. */
export type DocumentKind = 'plan' | 'followup';

/** Checks kind and version before anything else, so that the rest can be validated by the right rules. */
export function documentKind(document: Record<string, unknown>): DocumentKind {
  const errors: FieldError[] = [];
  const kind = document.kind;
  if (kind !== 'plan' && kind !== 'followup') {
    errors.push({
      path: 'kind',
      message:
        kind === undefined
          ? 'Fältet saknas. Ange "plan" för en verksamhetsplan eller "followup" för en periods uppföljning.'
          : 'Måste vara "plan" eller "followup".',
    });
  }
  if (document.version !== 1) {
    errors.push({
      path: 'version',
      message: document.version === undefined ? 'Fältet saknas. Importformatets version är 1.' : 'Endast version 1 av importformatet stöds.',
    });
  }
  if (errors.length > 0) throw DomainError.invalid(REJECTED, errors);
  return kind as DocumentKind;
}
