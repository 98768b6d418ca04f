/*
 * CSV the way Swedish Excel opens it (SPEC 4): UTF-8 with BOM, ";" between fields, CRLF,
 * decimal comma. Text that would start a formula is written so that it stays text.
 */

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/** Starts that make Excel read a field as a formula (formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text field: prefixed with an apostrophe when it would start a formula, and quoted
 * when it holds the separator, a quote or a line break.
 */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with a decimal comma and no thousands separator, so that Excel reads it as a number. */
export function csvNumber(value: number): string {
  return String(value).replace('.', ',');
}

export function csvDocument(lines: string[][]): string {
  return CSV_BOM + lines.map((fields) => fields.join(SEPARATOR) + LINE_END).join('');
}
