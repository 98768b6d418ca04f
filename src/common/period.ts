/**
 * The follow-up periods of a year in Stockholm stad's steering model.
 * Outcomes are cumulative from January: T1 (tertialrapport 1) covers January–April,
 * T2 (tertialrapport 2) January–August, VB (verksamhetsberättelse) the whole year.
 */
export const PERIODS = ['T1', 'T2', 'VB'] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

/** Months of the year that a period's cumulative outcome covers. */
export function monthsElapsed(period: Period): number {
  switch (period) {
    case 'T1':
      return 4;
    case 'T2':
      return 8;
    case 'VB':
      return 12;
  }
}

/** The report's own title for a period, e.g. "Tertialrapport 1 2017". */
export function reportTitle(period: Period, year: number): string {
  switch (period) {
    case 'T1':
      return `Tertialrapport 1 ${year}`;
    case 'T2':
      return `Tertialrapport 2 ${year}`;
    case 'VB':
      return `Verksamhetsberättelse ${year}`;
  }
}

/** Short Swedish name of a period, used in messages ("tertial 1 2017"). */
export function periodName(period: Period, year: number): string {
  switch (period) {
    case 'T1':
      return `tertial 1 ${year}`;
    case 'T2':
      return `tertial 2 ${year}`;
    case 'VB':
      return `helår ${year}`;
  }
}
