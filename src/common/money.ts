/**
 * Money is kept as whole kronor (integers) everywhere below the import boundary, so that
 * sums and differences are exact. The city's tables show mnkr with one decimal; the
 * conversions to and from those units live here and nowhere else.
 */
export type AmountUnit = 'mnkr' | 'tkr';

export const KRONOR_PER_UNIT: Record<AmountUnit, number> = { mnkr: 1_000_000, tkr: 1_000 };

/** Largest number of decimals an amount may carry in its unit and still be whole kronor. */
export const MAX_DECIMALS: Record<AmountUnit, number> = { mnkr: 6, tkr: 3 };

/**
 * Converts an amount written in `unit` (as a JSON number) to whole kronor, exactly.
 * The decimal digits are taken from the number's shortest round-trip text, so 145.8 mnkr
 * becomes 145 800 000 kr with no binary rounding. Returns null when the amount has more
 * decimals than whole kronor allow, or is not finite.
 */
export function toKronor(amount: number, unit: AmountUnit): number | null {
  if (!Number.isFinite(amount)) return null;
  const digits = decimalDigits(amount);
  if (digits === null) return null;
  const { negative, intPart, fracPart } = digits;
  const decimals = MAX_DECIMALS[unit];
  if (fracPart.length > decimals) return null;
  const scaled = BigInt(intPart + fracPart.padEnd(decimals, '0'));
  const kronor = Number(scaled * BigInt(KRONOR_PER_UNIT[unit] / 10 ** decimals));
  if (!Number.isSafeInteger(kronor)) return null;
  return negative && kronor !== 0 ? -kronor : kronor;
}

/** Splits a finite number into sign, integer digits and decimal digits, without rounding. */
function decimalDigits(value: number): { negative: boolean; intPart: string; fracPart: string } | null {
  const negative = value < 0;
  const text = Math.abs(value).toString();
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) return null;
  let intPart = match[1];
  let fracPart = match[2] ?? '';
  const exponent = match[3] ? Number(match[3]) : 0;
  if (exponent > 0) {
    const moved = fracPart.padEnd(exponent, '0');
    intPart += moved.slice(0, exponent);
    fracPart = moved.slice(exponent);
  } else if (exponent < 0) {
    const all = intPart.padStart(-exponent + 1, '0');
    fracPart = all.slice(all.length + exponent) + fracPart;
    intPart = all.slice(0, all.length + exponent);
  }
  fracPart = fracPart.replace(/0+$/, '');
  intPart = intPart.replace(/^0+(?=\d)/, '');
  return { negative, intPart, fracPart };
}

/** Kronor as mnkr, for numeric spreadsheet cells that display one decimal. */
export function kronorToMnkr(kronor: number): number {
  return kronor / 1_000_000;
}

/**
 * Kronor rounded to tenths of a million (one decimal in mnkr), half away from zero,
 * returned as an integer number of tenths, e.g. -1 750 000 kr → -18 (= -1,8 mnkr).
 */
export function kronorToMnkrTenths(kronor: number): number {
  const tenths = Math.round(Math.abs(kronor) / 100_000);
  return kronor < 0 && tenths !== 0 ? -tenths : tenths;
}

/** "1 215,4": mnkr with one decimal, Swedish decimal comma, no thousands separator. */
export function formatMnkr(kronor: number): string {
  const tenths = kronorToMnkrTenths(kronor);
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)},${abs % 10}`;
}
