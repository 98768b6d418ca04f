import { ForecastSeriesLine } from './period-followup';
import { forecastReliability, IndicatorForecasts, indicatorsThatMovedMost } from './forecast-reliability.calc';

const MN = 1_000_000;

/** A series line as forecastSeries gives it: [period, label, forecast in mnkr or null]. */
function line(name: string, points: [string, string, number | null][]): ForecastSeriesLine {
  return { name, points: points.map(([period, label, f]) => ({ period: period as never, label, forecast: f === null ? null : f * MN, deviation: null })) };
}

describe('forecastReliability: every earlier prognos against the year\'s outcome (hand-written figures)', () => {
  // Äldreomsorg budget 100 mnkr, Hemtjänst 50 mnkr; bokslut 101,5 and 48,0 mnkr (Nämnden totalt 149,5).
  const series = [
    line('Äldreomsorg', [['M02', 'Feb', 101], ['T1', 'T1', 103], ['M05', 'Maj', null], ['T2', 'T2', 102], ['VB', 'VB', 101.5]]),
    line('Hemtjänst', [['M02', 'Feb', 50], ['T1', 'T1', 51.5], ['T2', 'T2', 49], ['VB', 'VB', 48]]),
    line('Nämnden totalt', [['M02', 'Feb', 151], ['T1', 'T1', 154.5], ['T2', 'T2', 151], ['VB', 'VB', 149.5]]),
  ];
  const result = forecastReliability(series, [100 * MN, 50 * MN, 150 * MN], []);

  it.each([
    // line, period, prognos (mnkr), error = prognos − utfall (mnkr), error in share of the budget
    ['Äldreomsorg', 'M02', 101, -0.5, -0.005],
    ['Äldreomsorg', 'T1', 103, 1.5, 0.015],
    ['Äldreomsorg', 'T2', 102, 0.5, 0.005],
    ['Hemtjänst', 'M02', 50, 2, 0.04],
    ['Hemtjänst', 'T1', 51.5, 3.5, 0.07],
    ['Hemtjänst', 'T2', 49, 1, 0.02],
    ['Nämnden totalt', 'M02', 151, 1.5, 0.01],
    ['Nämnden totalt', 'T1', 154.5, 5, 1 / 30],
    ['Nämnden totalt', 'T2', 151, 1.5, 0.01],
  ])('%s %s: prognos %p mnkr, fel %p mnkr, %p av budget', (name, period, forecast, error, share) => {
    const point = result.lines.find((l) => l.name === name)!.points.find((p) => p.period === period)!;
    expect(point.forecast).toBe(forecast * MN);
    expect(point.error).toBe(error * MN);
    expect(point.errorShare).toBeCloseTo(share, 12);
  });

  it('gives each line its budget and outcome, leaves out the VB itself and a period without a prognos', () => {
    expect(result.lines.map((l) => [l.name, l.budget, l.outcome])).toEqual([
      ['Äldreomsorg', 100 * MN, 101.5 * MN],
      ['Hemtjänst', 50 * MN, 48 * MN],
      ['Nämnden totalt', 150 * MN, 149.5 * MN],
    ]);
    expect(result.lines[0].points.map((p) => p.period)).toEqual(['M02', 'T1', 'T2']);
    expect(result.periods).toEqual([{ period: 'M02', label: 'Feb' }, { period: 'T1', label: 'T1' }, { period: 'T2', label: 'T2' }]);
  });

  it('puts the periods in the order of the year even when only a later line has one', () => {
    const r = forecastReliability(
      [line('A', [['T1', 'T1', 10], ['VB', 'VB', 10]]), line('B', [['M03', 'Mar', 5], ['T2', 'T2', 6], ['VB', 'VB', 5]])],
      [10 * MN, 5 * MN],
      [],
    );
    expect(r.periods.map((p) => p.period)).toEqual(['M03', 'T1', 'T2']);
  });

  it('has no points for a line without an outcome, and no share for a budget of 0', () => {
    const r = forecastReliability([line('Utan bokslut', [['T1', 'T1', 3], ['T2', 'T2', 4]]), line('Ingen budget', [['T2', 'T2', 1], ['VB', 'VB', 0.5]])], [3 * MN, 0], []);
    expect(r.lines[0]).toEqual({ name: 'Utan bokslut', budget: 3 * MN, outcome: null, points: [] });
    expect(r.lines[1].points).toEqual([{ period: 'T2', label: 'T2', forecast: 1 * MN, error: 0.5 * MN, errorShare: null }]);
  });
});

describe('forecastReliability: indicators\' T1 and T2 prognos against the outcome, in share of the årsmål', () => {
  const indicator = (code: string, annualTarget: number | null, t1: number | null, t2: number | null, outcome: number | null): IndicatorForecasts => ({
    code, name: `Indikator ${code}`, unit: 'percent', decimals: 2, annualTarget, t1Forecast: t1, t2Forecast: t2, outcome,
  });

  it.each([
    // The 2025 minute: årsmål 85 %, outcome 71,79 %; T1 said 80, T2 said 75.
    ['ÅRS-1', 85, 80, 75, 71.79, [['T1', 80, 8.21, 8.21 / 85], ['T2', 75, 3.21, 3.21 / 85]]],
    // A count that ended above its forecasts: negative errors.
    ['ANT-2', 2850, 2800, null, 2900, [['T1', 2800, -100, -100 / 2850]]],
    // Lower is better with a negative årsmål (a change in percent): the share is of the årsmål's size.
    ['NEG-3', -4, -3, -5, -4.5, [['T1', -3, 1.5, 1.5 / 4], ['T2', -5, -0.5, -0.5 / 4]]],
    // No årsmål: the error in the indicator's unit, no share.
    ['UTAN-4', null, 12, 14, 13, [['T1', 12, -1, null], ['T2', 14, 1, null]]],
  ])('%s', (code, target, t1, t2, outcome, expected) => {
    const [r] = forecastReliability([], [], [indicator(code, target, t1, t2, outcome)]).indicators;
    expect(r.outcome).toBe(outcome);
    expect(r.forecasts.map((f) => f.period)).toEqual((expected as unknown[][]).map((e) => e[0]));
    (expected as [string, number, number, number | null][]).forEach(([, forecast, error, share], i) => {
      expect(r.forecasts[i].forecast).toBe(forecast);
      expect(r.forecasts[i].error).toBeCloseTo(error, 10);
      if (share === null) expect(r.forecasts[i].errorShare).toBeNull();
      else expect(r.forecasts[i].errorShare).toBeCloseTo(share, 12);
    });
  });

  it('leaves out an indicator without an outcome or without any prognos', () => {
    const r = forecastReliability([], [], [indicator('A', 10, 5, 6, null), indicator('B', 10, null, null, 7), indicator('C', 0, 1, null, 2)]);
    expect(r.indicators.map((i) => i.code)).toEqual(['C']);
    expect(r.indicators[0].forecasts[0].errorShare).toBeNull(); // årsmål 0
  });

  it('ranks the indicators that moved most by their larger miss in share of the årsmål, ties in the plan\'s order', () => {
    const r = forecastReliability([], [], [
      indicator('LITEN', 100, 99, 101, 100), // 1 %
      indicator('STOR', 10, 12, 11, 10), // 20 %
      indicator('MELLAN', 50, 45, 50, 50), // 10 %
      indicator('LIKA', 10, 8, 10, 10), // 20 %, after STOR
      indicator('TRÄFF', 10, 10, 10, 10), // 0: not shown
    ]).indicators;
    expect(indicatorsThatMovedMost(r, 3).map((i) => i.code)).toEqual(['STOR', 'LIKA', 'MELLAN']);
    expect(indicatorsThatMovedMost(r, 10).map((i) => i.code)).toEqual(['STOR', 'LIKA', 'MELLAN', 'LITEN']);
  });

  it('keeps the plan\'s order among many ties', () => {
    const ties = forecastReliability([], [], ['A', 'B', 'C', 'D', 'E'].map((code) => indicator(code, 10, 12, null, 10))).indicators;
    expect(indicatorsThatMovedMost(ties, 5).map((i) => i.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
