import { atLeast, atMost } from '../common/decimal';
import { Period } from '../common/period';
import { Direction } from './indicator.entity';

/**
 * Indikatorstatus: how the year is going against the årsmål.
 * Uppnås / Uppnås delvis / Uppnås inte, or Ej bedömd when there is nothing to compare.
 */
export const INDICATOR_STATUSES = ['achieved', 'partial', 'notAchieved', 'notAssessed'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  achieved: 'Uppnås',
  partial: 'Uppnås delvis',
  notAchieved: 'Uppnås inte',
  notAssessed: 'Ej bedömd',
};

/** What the status rule needs to know about an indicator. */
export interface IndicatorRule {
  direction: Direction;
  /** Årsmål. */
  annualTarget: number | null;
  /** Range indicators: allowed distance from the årsmål. */
  tolerance: number | null;
  /** Where "Uppnås delvis" begins; null means the default (90 % or 110 % of the årsmål). */
  partialThreshold: number | null;
}

/**
 * The value that is held against the årsmål: prognos helår in the tertial reports (four or
 * eight months of outcome say nothing about the year by themselves), the outcome in the
 * verksamhetsberättelse.
 */
export function comparedValue(period: Period, values: { outcome: number | null; forecast: number | null }): number | null {
  return period === 'VB' ? values.outcome : values.forecast;
}

/** The default partial threshold p: 0,9 × årsmål when higher is better, 1,1 × årsmål when lower is. */
export function partialThresholdOf(rule: IndicatorRule): number | null {
  if (rule.annualTarget === null || rule.direction === 'range') return null;
  if (rule.partialThreshold !== null) return rule.partialThreshold;
  // Multiply by 9 or 11 and divide by 10: exact for the targets the city writes (one or two decimals).
  return rule.direction === 'increase' ? (rule.annualTarget * 9) / 10 : (rule.annualTarget * 11) / 10;
}

/**
 * SPEC 3.1. With target t and value v:
 * - increase: Uppnås when v ≥ t, delvis when v ≥ p, otherwise inte;
 * - decrease: Uppnås when v ≤ t, delvis when v ≤ p, otherwise inte;
 * - range: Uppnås when |v − t| ≤ tolerance, delvis when |v − t| ≤ 2 × tolerance.
 * No value or no årsmål: Ej bedömd.
 */
export function indicatorStatus(rule: IndicatorRule, value: number | null): IndicatorStatus {
  const target = rule.annualTarget;
  if (value === null || target === null) return 'notAssessed';
  switch (rule.direction) {
    case 'increase': {
      if (atLeast(value, target)) return 'achieved';
      return atLeast(value, partialThresholdOf(rule)!) ? 'partial' : 'notAchieved';
    }
    case 'decrease': {
      if (atMost(value, target)) return 'achieved';
      return atMost(value, partialThresholdOf(rule)!) ? 'partial' : 'notAchieved';
    }
    case 'range': {
      const tolerance = rule.tolerance ?? 0;
      const distance = Math.abs(value - target);
      if (atMost(distance, tolerance)) return 'achieved';
      return atMost(distance, 2 * tolerance) ? 'partial' : 'notAchieved';
    }
  }
}
