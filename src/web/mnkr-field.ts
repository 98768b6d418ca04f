/*
 * Budget amounts on the pages are typed and shown in mnkr, as the report prints them
 * ("−1,8"), but stored in whole kronor. The conversion goes through the digits, never
 * through a binary fraction, so 1,8 mnkr is exactly 1 800 000 kr.
 */

export type ParsedKronor = { ok: true; value: number | null } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;

/** Reads an amount typed in mnkr (decimal comma, up to six decimals = whole kronor); empty is null. */
export function parseMnkrField(text: string | undefined): ParsedKronor {
  let t = (text ?? '').replace(SPACES, '');
  if (t === '') return { ok: true, value: null };
  t = t.replace(/^[\u2212\u2013]/, '-');
  const match = /^([-+]?)(\d+)(?:[.,](\d+))?$/.exec(t);
  if (!match) return { ok: false, message: 'Skriv beloppet i mnkr, till exempel 12,4 eller −1,8 (decimalkomma).' };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > 6) return { ok: false, message: 'Högst sex decimaler: beloppet anges i mnkr och sparas i hela kronor.' };
  const kronor = Number(whole + fraction.padEnd(6, '0'));
  if (!Number.isSafeInteger(kronor)) return { ok: false, message: 'Beloppet är för stort.' };
  return { ok: true, value: sign === '-' && kronor !== 0 ? -kronor : kronor };
}

/** Whole kronor as typed in mnkr: 1 800 000 → "1,8", −250 → "−0,00025", null → "". */
export function mnkrFieldValue(kronor: number | null): string {
  if (kronor === null) return '';
  const digits = String(Math.abs(kronor)).padStart(7, '0');
  const whole = digits.slice(0, -6).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const fraction = digits.slice(-6).replace(/0+$/, '');
  return `${kronor < 0 ? '\u2212' : ''}${whole}${fraction ? `,${fraction}` : ''}`;
}
