/**
 * The follow-up periods of a year in Stockholm stad's steering model.
 * Outcomes are cumulative from January: T1 (tertialrapport 1) covers January–April,
 * T2 (tertialrapport 2) January–August, VB (verksamhetsberättelse) the whole year.
 * Between them the board approves a månadsrapport on the budget alone: M01–M12, each
 * covering January to the end of its month.
 */
export const MONTH_PERIODS = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'] as const;
export type MonthPeriod = (typeof MONTH_PERIODS)[number];
export const TERTIAL_PERIODS = ['T1', 'T2', 'VB'] as const;

/** Every period in the order of the year: a month before the tertial report that ends with it. */
export const PERIODS = ['M01', 'M02', 'M03', 'M04', 'T1', 'M05', 'M06', 'M07', 'M08', 'T2', 'M09', 'M10', 'M11', 'M12', 'VB'] as const;
export type Period = (typeof PERIODS)[number];

/** How the periods are named in messages: "T1, T2, VB eller M01–M12". */
export const PERIODS_TEXT = 'T1, T2, VB eller M01–M12';

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

/** A månadsrapport's period (M01–M12): the budget and the texts only. */
export function isMonthPeriod(period: Period): period is MonthPeriod {
  return (MONTH_PERIODS as readonly string[]).includes(period);
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
    default:
      return Number(period.slice(1));
  }
}

/** The report's own title for a period, e.g. "Tertialrapport 1 2017", "Månadsrapport september 2020". */
export function reportTitle(period: Period, year: number): string {
  switch (period) {
    case 'T1':
      return `Tertialrapport 1 ${year}`;
    case 'T2':
      return `Tertialrapport 2 ${year}`;
    case 'VB':
      return `Verksamhetsberättelse ${year}`;
    default:
      return `Månadsrapport ${MONTH_NAMES[monthsElapsed(period) - 1]} ${year}`;
  }
}

/** Short Swedish name of a period, used in messages ("tertial 1 2017", "september 2020"). */
export function periodName(period: Period, year: number): string {
  switch (period) {
    case 'T1':
      return `tertial 1 ${year}`;
    case 'T2':
      return `tertial 2 ${year}`;
    case 'VB':
      return `helår ${year}`;
    default:
      return `${MONTH_NAMES[monthsElapsed(period) - 1]} ${year}`;
  }
}

/** The label of a period in a table or chart of the year's periods: "Feb", "T1", "VB". */
export function periodShortLabel(period: Period): string {
  if (!isMonthPeriod(period)) return period;
  const name = MONTH_NAMES[monthsElapsed(period) - 1];
  return name.charAt(0).toUpperCase() + name.slice(1, 3);
}

/** Which report template a period reads: its own (T1, T2, VB), or `month` for every månadsrapport. */
export const TEMPLATE_KEYS = ['T1', 'T2', 'VB', 'month'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export function templateKeyOf(period: Period): TemplateKey {
  return isMonthPeriod(period) ? 'month' : period;
}
