/**
 * Indicator values are decimals such as 1,7 % or 76,5; in binary floating point 0.9 × 1.7
 * is 1.5299999999999998, not 1.53. Comparisons at a threshold therefore allow a difference
 * far below any figure a report prints, so that a status flips exactly at the threshold.
 */
const EPSILON = 1e-9;

function slack(b: number): number {
  return EPSILON * Math.max(1, Math.abs(b));
}

export function atLeast(a: number, b: number): boolean {
  return a >= b - slack(b);
}

export function atMost(a: number, b: number): boolean {
  return a <= b + slack(b);
}

/** Rounds away binary noise (e.g. 88 − 92.1 = −4.099999999999994) to 10 decimals. */
export function clean(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}
