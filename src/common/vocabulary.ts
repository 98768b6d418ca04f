import type { IndicatorUnit } from '../indicators/indicator.entity';
import type { GoalLevel } from '../goals/goal.entity';
import { kronorToMnkrTenths } from './money';

/*
 * The domain's words and number forms in one place: what every renderer (API, workbook,
 * document, charts, exports) prints for a level, a bedömning flag or an indicator's unit,
 * and the one rounding rule they all use. Entity files never import renderers; renderers
 * import this.
 */

/** The three levels of the goal tree as the report names them. */
export const LEVEL_LABELS: Record<GoalLevel, string> = {
  councilAim: 'KF:s inriktningsmål',
  councilGoal: 'KF:s mål för verksamhetsområdet',
  boardGoal: 'Nämndmål',
};

/**
 * The two flags of SPEC 3.3 on a goal's own bedömning: the figures contradict it
 * (`morePositive`), or no figure backs it at all (`unsupported`).
 */
export type AssessmentFlag = 'morePositive' | 'unsupported';

export const FLAG_TEXTS: Record<AssessmentFlag, string> = {
  morePositive: 'Bedömningen är mer positiv än indikatorerna',
  unsupported: 'Bedömningen saknar stöd i indikatorerna',
};

/** The unit as printed after a value: "85 %", "12 st", "80 index", "14 dagar", "1 200 kr". */
export const UNIT_LABELS: Record<IndicatorUnit, string> = {
  percent: '%',
  count: 'st',
  index: 'index',
  days: 'dagar',
  sek: 'kr',
};

/** Unit names for a column of their own ("Enhet"). */
export const UNIT_NAMES: Record<IndicatorUnit, string> = {
  percent: 'procent',
  count: 'antal',
  index: 'index',
  days: 'dagar',
  sek: 'kronor',
};

export const LOWER_IS_BETTER_TEXT = 'lägre är bättre';

/**
 * The one rounding rule of every renderer: half away from zero at `decimals` places, with
 * binary noise removed first (1.005 is 1.01, −1.25 is −1.3), as a reader rounds by hand.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.round(Math.abs(value) * factor * 1e6) / 1e6;
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** How many decimals a written number has: 85 → 0, 6.2 → 1, 0.04 → 2 (at most 4). */
export function decimalsOf(value: number): number {
  for (let d = 0; d < 4; d++) {
    if (Math.abs(roundTo(value, d) - value) < 1e-9) return d;
  }
  return 4;
}

/**
 * An indicator's own number of decimals: the most any of its written values has, so that a
 * column prints "6,0 %" beside "6,2 %" and never "6 %" beside "6,2 %".
 */
export function indicatorDecimals(values: (number | null | undefined)[]): number {
  return values.reduce<number>((most, v) => (v === null || v === undefined ? most : Math.max(most, decimalsOf(v))), 0);
}

const NBSP = '\u00a0';
const MINUS = '\u2212';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number the Swedish way with a fixed number of decimals: −1 234,5 (space thousands, decimal comma, real minus). */
export function formatNumber(value: number, decimals: number): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(roundTo(value, decimals)).replace(/[-−]/g, MINUS);
}

/** An indicator value with its unit, as the report prints it: "85 %", "6,2 %", "80 index", "12 st". */
export function formatIndicatorValue(value: number | null, unit: IndicatorUnit, decimals: number): string {
  if (value === null) return '';
  return `${formatNumber(value, decimals)}${NBSP}${UNIT_LABELS[unit]}`;
}

/**
 * An årsmål as printed: a range target with its tolerance ("±1 %" around 0, "100 % ±1 %"
 * otherwise), any other target as a value.
 */
export function formatIndicatorTarget(
  target: number | null,
  unit: IndicatorUnit,
  decimals: number,
  tolerance: number | null,
): string {
  if (target === null) return '';
  if (tolerance === null) return formatIndicatorValue(target, unit, decimals);
  const band = `±${formatIndicatorValue(tolerance, unit, decimalsOf(tolerance))}`;
  return target === 0 ? band : `${formatIndicatorValue(target, unit, decimals)} ${band}`;
}

/**
 * An amount in whole kronor as mnkr with one decimal for print: 1 215 400 000 → "1 215,4".
 * Rounded exactly on the integer kronor (money.ts), as every money figure is.
 */
export function formatMnkr(kronor: number): string {
  return formatNumber(kronorToMnkrTenths(kronor) / 10, 1);
}

/**
 * An avvikelse as the report's headings write it: "+0,1 mnkr", "−1,8 mnkr", "±0 mnkr" for a
 * budget in balance (what rounds to 0,0).
 */
export function formatDeviationMnkr(kronor: number): string {
  const mnkr = kronorToMnkrTenths(kronor) / 10;
  if (mnkr === 0) return '±0 mnkr';
  return `${mnkr > 0 ? '+' : ''}${formatNumber(mnkr, 1)} mnkr`;
}

/**
 * The period workflow (SPEC 7): a period is `open` while figures are entered, `submitted`
 * when the controllers hand it in, and `approved` once the board's report is decided; an
 * approved period refuses every change until an administrator reopens it.
 */
export const PERIOD_STATES = ['open', 'submitted', 'approved'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

export const PERIOD_STATE_LABELS: Record<PeriodState, string> = {
  open: 'Öppen',
  submitted: 'Inlämnad',
  approved: 'Godkänd',
};
