import { Period } from '../common/period';
import { comparedValue, IndicatorStatus, indicatorStatus } from '../indicators/indicator-status.calc';
import { TREND_FLAG_TEXTS, trendFlags } from '../indicators/indicator-trend.calc';
import type { IndicatorResultRow, IndicatorRow } from './assemble-followup.calc';
import { allIndicators, IndicatorHistoryPoint, PeriodFollowup } from './period-followup';

/*
 * An indicator's series across years (issue 10): the verksamhetsberättelse's outcome of up
 * to five earlier years with the same indicator code, then this year's T1, T2 and VB up to
 * the period shown, each with the status it had against that year's årsmål. From the series
 * come the two trend flags. Pure: the services load the rows.
 */

/** How many earlier years the series reaches back. */
export const HISTORY_YEARS = 5;

/** One earlier year's or this year's period, as loaded: the year's indicators and the period's results. */
export interface HistoryPeriodRows {
  year: number;
  period: Period;
  indicators: IndicatorRow[];
  results: IndicatorResultRow[];
}

/** One indicator's point of a period: the value held against the årsmål (prognos in T1/T2, outcome in VB). */
function pointOf(rows: HistoryPeriodRows, indicator: IndicatorRow, result: IndicatorResultRow | undefined): IndicatorHistoryPoint {
  const values = { outcome: result?.outcome ?? null, forecast: result?.forecast ?? null };
  const value = comparedValue(rows.period, values);
  const status: IndicatorStatus = indicatorStatus(indicator, value);
  return {
    year: rows.year,
    period: rows.period,
    label: rows.period === 'VB' ? String(rows.year) : `${rows.period} ${rows.year}`,
    outcome: values.outcome,
    forecast: values.forecast,
    value,
    annualTarget: indicator.annualTarget,
    status,
  };
}

/**
 * Every indicator code's series: earlier years' VB (oldest first, at most HISTORY_YEARS),
 * then this year's periods in the order given. A period where the code is not in that
 * year's plan is left out; a code only this year has only this year's points.
 */
export function indicatorHistory(periods: HistoryPeriodRows[], thisYear: number): Map<string, IndicatorHistoryPoint[]> {
  const series = new Map<string, IndicatorHistoryPoint[]>();
  const ordered = [...periods].sort((a, b) => a.year - b.year);
  for (const rows of ordered) {
    if (rows.year < thisYear && (rows.period !== 'VB' || rows.year < thisYear - HISTORY_YEARS)) continue;
    const resultOf = new Map(rows.results.map((r) => [r.indicatorId, r]));
    for (const indicator of rows.indicators) {
      const points = series.get(indicator.code) ?? [];
      points.push(pointOf(rows, indicator, resultOf.get(indicator.id)));
      series.set(indicator.code, points);
    }
  }
  return series;
}

/**
 * Puts each indicator's series and trend flags on a period's follow-up. Last year's outcome
 * is the plan's "Periodens utfall VB föregående år", or else last year's VB in the series;
 * "Återkommande" reads the VB statuses of the two years before.
 */
export function withHistory(followup: PeriodFollowup, series: Map<string, IndicatorHistoryPoint[]>, thresholds: Map<string, number | null>): void {
  for (const indicator of allIndicators(followup.goals)) {
    const points = series.get(indicator.code) ?? [];
    const vbOf = (year: number) => points.find((p) => p.period === 'VB' && p.year === year) ?? null;
    const lastYear = vbOf(followup.year - 1);
    const flags = trendFlags(
      {
        direction: indicator.direction,
        annualTarget: indicator.annualTarget,
        deteriorationThreshold: thresholds.get(indicator.code) ?? null,
        previousYearOutcome: indicator.previousYearOutcome ?? lastYear?.outcome ?? null,
        comparedValue: indicator.comparedValue,
        status: indicator.status,
      },
      [vbOf(followup.year - 2)?.status ?? null, lastYear?.status ?? null],
    );
    indicator.history = points;
    indicator.trendFlags = flags;
    indicator.trendFlagTexts = flags.map((f) => TREND_FLAG_TEXTS[f]);
  }
}
