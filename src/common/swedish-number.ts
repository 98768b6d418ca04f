/*
 * Numbers as a Swedish person types them in a form: decimal comma (a point is accepted
 * too), spaces (also non-breaking ones) as thousands separators, a real minus or a hyphen,
 * and for a percent indicator a trailing "%" ("12,5 %").
 */

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;

/** Reads a typed number; empty text is null (the field is cleared). */
export function parseSwedishNumber(text: string | undefined, allowPercentSign: boolean): ParsedNumber {
  let t = (text ?? '').replace(SPACES, '');
  if (t === '') return { ok: true, value: null };
  if (t.endsWith('%')) {
    if (!allowPercentSign) return { ok: false, message: 'Skriv talet utan procenttecken: indikatorn mäts inte i procent.' };
    t = t.slice(0, -1);
  }
  t = t.replace(/^[\u2212\u2013]/, '-');
  if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(t)) {
    return { ok: false, message: 'Skriv ett tal, till exempel 12,5 eller 1 215 (decimalkomma, mellanslag mellan tusental).' };
  }
  return { ok: true, value: Number(t.replace(',', '.')) };
}
