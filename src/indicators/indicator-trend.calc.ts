import { atMost, clean } from '../common/decimal';
import { IndicatorStatus } from './indicator-status.calc';
import { Direction } from './indicator.entity';

/*
 * Flags that look across years (issue 10), for what the board minutes read out of a
 * verksamhetsberättelse: "andelen … har minskat till 71,79 procent, jämfört med 84,62
 * procent föregående år, och därmed ligger tydligt under årsmålet på 85 procent" and
 * "utmaningar återkommer år efter år".
 */

export const TREND_FLAGS = ['deteriorated', 'recurring'] as const;
export type TrendFlag = (typeof TREND_FLAGS)[number];

export const TREND_FLAG_TEXTS: Record<TrendFlag, string> = {
  deteriorated: 'Försämring mot föregående år',
  recurring: 'Återkommande',
};

/** The share of the årsmål a value may worsen by before it is flagged, unless the plan says otherwise. */
export const DEFAULT_DETERIORATION_SHARE = 0.05;

export interface DeteriorationInput {
  direction: Direction;
  annualTarget: number | null;
  /** The plan's own threshold in the indicator's unit; null for the default (5 % of the årsmål). */
  deteriorationThreshold: number | null;
  /** Last year's outcome (VB). */
  previousYearOutcome: number | null;
  /** This period's compared value: prognos helår in T1/T2, the outcome in the VB. */
  comparedValue: number | null;
  /** The compared value's status against the årsmål. */
  status: IndicatorStatus;
}

/** How much worse the value is than last year's, in the indicator's direction (negative when better). */
export function worsening(direction: Direction, target: number, previous: number, current: number): number {
  switch (direction) {
    case 'increase':
      return clean(previous - current);
    case 'decrease':
      return clean(current - previous);
    case 'range':
      return clean(Math.abs(current - target) - Math.abs(previous - target));
  }
}

/** The threshold in the indicator's unit: the plan's own, or 5 % of the årsmål's size. */
export function deteriorationThresholdOf(input: Pick<DeteriorationInput, 'annualTarget' | 'deteriorationThreshold'>): number | null {
  if (input.deteriorationThreshold !== null) return input.deteriorationThreshold;
  return input.annualTarget === null ? null : Math.abs(input.annualTarget) * DEFAULT_DETERIORATION_SHARE;
}

/**
 * "Försämring mot föregående år": the compared value is worse than last year's outcome, in
 * the indicator's direction, by more than the threshold, and it misses the årsmål (anything
 * but Uppnås). Nothing to compare (no value, no outcome last year, no årsmål): no flag.
 */
export function isDeteriorated(input: DeteriorationInput): boolean {
  const { annualTarget, previousYearOutcome, comparedValue, status } = input;
  if (annualTarget === null || previousYearOutcome === null || comparedValue === null) return false;
  if (status === 'achieved' || status === 'notAssessed') return false;
  const threshold = deteriorationThresholdOf(input)!;
  return !atMost(worsening(input.direction, annualTarget, previousYearOutcome, comparedValue), threshold);
}

/**
 * "Återkommande": Uppnås inte in each of the last two years' verksamhetsberättelser, and
 * not Uppnås now. `earlierVbStatuses` runs from the oldest year to last year; a year
 * without a VB counts as not known, so the flag needs both years.
 */
export function isRecurring(earlierVbStatuses: (IndicatorStatus | null)[], status: IndicatorStatus): boolean {
  // With fewer than two years known, one of them is undefined and the flag is not set.
  const twoYearsAgo = earlierVbStatuses.at(-2);
  const lastYear = earlierVbStatuses.at(-1);
  return twoYearsAgo === 'notAchieved' && lastYear === 'notAchieved' && status !== 'achieved';
}

/** Both flags of one indicator, in a fixed order. */
export function trendFlags(input: DeteriorationInput, earlierVbStatuses: (IndicatorStatus | null)[]): TrendFlag[] {
  const flags: TrendFlag[] = [];
  if (isDeteriorated(input)) flags.push('deteriorated');
  if (isRecurring(earlierVbStatuses, input.status)) flags.push('recurring');
  return flags;
}
