import { forecastSeries, PeriodAreaResults } from './assemble-followup.calc';

const MN = 1_000_000;

describe('forecastSeries (årsprognos månad för månad)', () => {
  const plan = {
    operatingAreas: [
      { id: 1, name: 'Äldreomsorg', previousYearActual: null, budget: 100 * MN, position: 0 },
      { id: 2, name: 'Hemtjänst i Årsta', previousYearActual: null, budget: 50 * MN, position: 1 },
    ],
  } as never;
  const results = (forecasts: [number, number], returned = 0): PeriodAreaResults['operatingAreaResults'] => [
    { operatingAreaId: 1, forecast: forecasts[0], adjustment: 0, returned },
    { operatingAreaId: 2, forecast: forecasts[1], adjustment: 0 },
  ];
  // Given out of order; T1 exists but has no prognos yet; M09 comes after the report's period.
  const periods: PeriodAreaResults[] = [
    { period: 'M05', operatingAreaResults: results([103.5 * MN, 49 * MN], 2 * MN) },
    { period: 'M02', operatingAreaResults: results([101 * MN, 50 * MN]) },
    { period: 'T1', operatingAreaResults: [] },
    { period: 'M03', operatingAreaResults: results([102 * MN, 49.5 * MN]) },
    { period: 'M09', operatingAreaResults: results([110 * MN, 45 * MN]) },
  ];

  it('gives each area, in the order of the year, its forecast and avvikelse, leaving out a period with no prognos', () => {
    const series = forecastSeries(plan, periods, 'M05');
    expect(series.map((line) => line.name)).toEqual(['Äldreomsorg', 'Hemtjänst i Årsta', 'Nämnden totalt']);
    expect(series[0].points).toEqual([
      { period: 'M02', label: 'Feb', forecast: 101 * MN, deviation: -1 * MN },
      { period: 'M03', label: 'Mar', forecast: 102 * MN, deviation: -2 * MN },
      { period: 'M05', label: 'Maj', forecast: 103.5 * MN, deviation: -3.5 * MN },
    ]);
    expect(series[1].points.map((p) => [p.label, p.forecast, p.deviation])).toEqual([
      ['Feb', 50 * MN, 0],
      ['Mar', 49.5 * MN, 0.5 * MN],
      ['Maj', 49 * MN, 1 * MN],
    ]);
  });

  it('sums Nämnden totalt per period: a deficit seen already in February', () => {
    const total = forecastSeries(plan, periods, 'M05').at(-1)!;
    expect(total.points.map((p) => [p.label, p.forecast, p.deviation])).toEqual([
      ['Feb', 151 * MN, -1 * MN],
      ['Mar', 151.5 * MN, -1.5 * MN],
      ['Maj', 152.5 * MN, -2.5 * MN],
    ]);
  });

  it('reaches to the report\'s own period and no further, tertials and months in one order', () => {
    const withT2 = [...periods, { period: 'T2' as const, operatingAreaResults: results([108 * MN, 46 * MN]) }];
    expect(forecastSeries(plan, withT2, 'M09')[0].points.map((p) => p.label)).toEqual(['Feb', 'Mar', 'Maj', 'T2', 'Sep']);
    expect(forecastSeries(plan, withT2, 'T2')[0].points.map((p) => p.label)).toEqual(['Feb', 'Mar', 'Maj', 'T2']);
    expect(forecastSeries(plan, [], 'VB')).toEqual([
      { name: 'Äldreomsorg', points: [] },
      { name: 'Hemtjänst i Årsta', points: [] },
      { name: 'Nämnden totalt', points: [] },
    ]);
  });
});
