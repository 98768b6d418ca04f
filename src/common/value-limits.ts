/**
 * The largest magnitude a number may have: an indicator's value or target, and an amount
 * in whole kronor. Far above anything a board reports (the whole city's budget is below
 * 10^11 kr), it stops a typing error such as 1e308 from being stored as a figure.
 * Set once at start from MAX_VALUE (see AppConfig); the rules read it here.
 */
export const DEFAULT_MAX_VALUE = 1_000_000_000_000;

let maxValue = DEFAULT_MAX_VALUE;

export function configureMaxValue(value: number | undefined): void {
  maxValue = value ?? DEFAULT_MAX_VALUE;
}

export function currentMaxValue(): number {
  return maxValue;
}

/** "1 000 000 000 000": a bound as people read it. */
export function describeBound(value: number): string {
  return value.toLocaleString('sv-SE').replace(/\u00a0/g, ' ').replace('−', '-');
}
