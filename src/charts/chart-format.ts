/*
 * Numbers as the city's reports write them (sv-SE): decimal comma, a space between thousands
 * ("1 215,4"), a space before the percent sign ("29,1 %") and a real minus sign ("−1,8").
 * Intl writes those spaces as no-break spaces (U+00A0), so that "29,1 %" never breaks
 * across lines.
 */

import { roundTo } from '../common/vocabulary';

const NBSP = '\u00a0';
const formats = new Map<string, Intl.NumberFormat>();

/** Intl's format of a value first rounded by the one rounding rule of every renderer (vocabulary.roundTo). */
function numberFormat(minDecimals: number, maxDecimals: number, signed = false): { format: (value: number) => string } {
  const intl = intlFormat(minDecimals, maxDecimals, signed);
  return { format: (value: number) => intl.format(roundTo(value, maxDecimals)) };
}

function intlFormat(minDecimals: number, maxDecimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}:${signed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formats.set(key, format);
  }
  return format;
}

/** A share (a fraction) as a percentage with one decimal, as in the driftbudget table: 0.2905 → "29,1 %". */
export function formatShare(fraction: number): string {
  return `${numberFormat(1, 1).format(fraction * 100)}${NBSP}%`;
}

/**
 * A value that is already in percent, as indicator values are written: 85 → "85 %",
 * 6.2 → "6,2 %", 0.04 → "0,04 %". Up to `maxDecimals` decimals, none when not needed.
 */
export function formatPercent(value: number, maxDecimals = 2): string {
  return `${numberFormat(0, maxDecimals).format(value)}${NBSP}%`;
}

/** An amount in mnkr with one decimal: 1215.4 → "1 215,4". */
export function formatMnkr(mnkr: number): string {
  return numberFormat(1, 1).format(mnkr);
}

/**
 * An avvikelse in mnkr with its sign, as the report's text writes it per verksamhetsområde:
 * "+0,1", "−1,8", and "±0,0" for a budget in balance.
 */
export function formatDeviation(mnkr: number): string {
  const text = numberFormat(1, 1, true).format(mnkr);
  return /^[+\u2212-]/.test(text) ? text : `±${text}`;
}

/** A count of goals or the like, no decimals: 1200 → "1 200". */
export function formatCount(value: number): string {
  return numberFormat(0, 0).format(value);
}
