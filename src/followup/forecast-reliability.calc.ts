import { forecastAccuracy } from '../budget/forecast-accuracy.calc';
import { Period, PERIODS } from '../common/period';
import { IndicatorUnit } from '../indicators/indicator.entity';
import { ForecastSeriesLine } from './period-followup';

/*
 * Prognossäkerhet over the whole year (SPEC 3.4, extended): in the verksamhetsberättelse,
 * how well every earlier period's annual forecast (M02, M03, T1, M05 … T2 … M12) foretold
 * the year's outcome, per verksamhetsområde and for Nämnden totalt, and how well the
 * indicators' T1 and T2 prognoses foretold their outcome. One measure for the budget and the
 * board's own indicator "Nämndens prognossäkerhet": (prognos − utfall) / budget, positive
 * when the year ended better (a lower net cost) than the prognos said.
 */

/** One earlier period's forecast of one line against the year's outcome. */
export interface ReliabilityPoint {
  period: Period;
  label: string;
  forecast: number;
  /** Prognos − utfall, in kronor: positive when the year ended cheaper than forecast. */
  error: number;
  /** The error as a share of the budget (0.012 = 1,2 %); none when the budget is 0. */
  errorShare: number | null;
}

export interface ReliabilityLine {
  name: string;
  budget: number | null;
  /** The year's outcome (the VB's bokslut), in kronor. */
  outcome: number | null;
  points: ReliabilityPoint[];
}

export interface IndicatorReliability {
  code: string;
  name: string;
  unit: IndicatorUnit;
  decimals: number;
  annualTarget: number | null;
  outcome: number;
  /** T1's and T2's prognos helår with their error (prognos − utfall) and the error in share of the årsmål. */
  forecasts: { period: 'T1' | 'T2'; forecast: number; error: number; errorShare: number | null }[];
}

export interface ForecastReliability {
  /** The periods that had a prognos, in the order of the year. */
  periods: { period: Period; label: string }[];
  /** Each verksamhetsområde, then Nämnden totalt (the board's prognossäkerhet per period). */
  lines: ReliabilityLine[];
  indicators: IndicatorReliability[];
}

/** An indicator's values as the reliability reads them: its årsmål, T1 and T2 prognos, and the year's outcome. */
export interface IndicatorForecasts {
  code: string;
  name: string;
  unit: IndicatorUnit;
  decimals: number;
  annualTarget: number | null;
  t1Forecast: number | null;
  t2Forecast: number | null;
  outcome: number | null;
}

/**
 * The year's series (forecastSeries up to VB, whose VB point holds the bokslut) with each
 * line's budget (same order: the areas, then Nämnden totalt), and the indicators' forecasts.
 * A line without an outcome has no points; a period without a prognos for a line is left out.
 */
export function forecastReliability(series: ForecastSeriesLine[], budgets: (number | null)[], indicators: IndicatorForecasts[]): ForecastReliability {
  const periods = new Map<Period, string>();
  const lines = series.map((line, i): ReliabilityLine => {
    const budget = budgets[i] ?? null;
    const outcome = line.points.find((p) => p.period === 'VB')?.forecast ?? null;
    const points = line.points.flatMap((p): ReliabilityPoint[] => {
      if (p.period === 'VB' || p.forecast === null || outcome === null) return [];
      periods.set(p.period, p.label);
      return [{ period: p.period, label: p.label, forecast: p.forecast, error: p.forecast - outcome, errorShare: forecastAccuracy(p.forecast, outcome, budget) }];
    });
    return { name: line.name, budget, outcome, points };
  });
  return {
    periods: [...periods].sort(([a], [b]) => PERIODS.indexOf(a) - PERIODS.indexOf(b)).map(([period, label]) => ({ period, label })),
    lines,
    indicators: indicators.flatMap((i): IndicatorReliability[] => {
      if (i.outcome === null) return [];
      const outcome = i.outcome;
      const forecasts = (['T1', 'T2'] as const).flatMap((period) => {
        const forecast = period === 'T1' ? i.t1Forecast : i.t2Forecast;
        if (forecast === null) return [];
        const error = forecast - outcome;
        return [{ period, forecast, error, errorShare: i.annualTarget === null || i.annualTarget === 0 ? null : error / Math.abs(i.annualTarget) }];
      });
      return forecasts.length === 0 ? [] : [{ code: i.code, name: i.name, unit: i.unit, decimals: i.decimals, annualTarget: i.annualTarget, outcome, forecasts }];
    }),
  };
}

/**
 * The indicators whose forecasts missed their outcome most, in share of the årsmål (the
 * larger of T1's and T2's miss), at most `count`: the ones the chart "Prognos T1 → T2 →
 * utfall" shows beside the net budget. Ties keep the plan's order.
 */
export function indicatorsThatMovedMost(indicators: IndicatorReliability[], count: number): IndicatorReliability[] {
  const miss = (i: IndicatorReliability) => Math.max(...i.forecasts.map((f) => Math.abs(f.errorShare ?? 0)));
  // Array.prototype.sort is stable: equal misses keep the plan's order.
  return indicators
    .map((indicator) => ({ indicator, miss: miss(indicator) }))
    .filter((x) => x.miss > 0)
    .sort((a, b) => b.miss - a.miss)
    .slice(0, count)
    .map((x) => x.indicator);
}
