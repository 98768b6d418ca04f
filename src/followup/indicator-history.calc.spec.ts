import { IndicatorRow } from './assemble-followup.calc';
import { HistoryPeriodRows, indicatorHistory, withHistory } from './indicator-history.calc';
import { IndicatorFollowup, PeriodFollowup } from './period-followup';

/* A board's indicator over three years, written out by hand: 2015 and 2016 VB, 2017 T1 and VB. */

const indicator = (id: number, code: string, annualTarget: number): IndicatorRow => ({
  id, goalId: 1, code, name: `Indikator ${code}`, source: 'board', unit: 'percent', direction: 'increase', genderSplit: false,
  frequency: 'tertial', annualTarget, councilTarget: null, tolerance: null, partialThreshold: null, previousYearOutcome: null,
});

const periods: HistoryPeriodRows[] = [
  { year: 2017, period: 'T1', indicators: [indicator(31, 'A', 85), indicator(32, 'NY', 10)], results: [{ indicatorId: 31, outcome: 70, men: null, women: null, forecast: 72, analysis: null }] },
  { year: 2016, period: 'VB', indicators: [indicator(21, 'A', 85)], results: [{ indicatorId: 21, outcome: 84.62, men: null, women: null, forecast: null, analysis: null }] },
  { year: 2015, period: 'VB', indicators: [indicator(11, 'A', 80), indicator(12, 'GAMMAL', 5)], results: [{ indicatorId: 11, outcome: 70, men: null, women: null, forecast: null, analysis: null }] },
  { year: 2011, period: 'VB', indicators: [indicator(1, 'A', 80)], results: [{ indicatorId: 1, outcome: 10, men: null, women: null, forecast: null, analysis: null }] },
  { year: 2012, period: 'VB', indicators: [indicator(2, 'FEM', 80)], results: [{ indicatorId: 2, outcome: 12, men: null, women: null, forecast: null, analysis: null }] },
  { year: 2016, period: 'T2', indicators: [indicator(22, 'A', 85)], results: [{ indicatorId: 22, outcome: 1, men: null, women: null, forecast: 1, analysis: null }] },
];

describe('indicatorHistory', () => {
  const series = indicatorHistory(periods, 2017);

  it('gives an indicator its earlier VB (oldest first, five years back) and this year\'s periods, each against that year\'s årsmål', () => {
    expect(series.get('A')!.map((p) => [p.label, p.value, p.annualTarget, p.status])).toEqual([
      ['2015', 70, 80, 'notAchieved'], // 70 < 72 = 90 % of 80
      ['2016', 84.62, 85, 'partial'],
      ['T1 2017', 72, 85, 'notAchieved'], // the prognos is what T1 holds against the årsmål
    ]);
    expect(series.get('A')![2]).toMatchObject({ year: 2017, period: 'T1', outcome: 70, forecast: 72 });
  });

  it('reaches exactly five years back: 2012 for 2017, not 2011', () => {
    expect(series.get('FEM')!.map((p) => [p.label, p.value])).toEqual([['2012', 12]]);
  });

  it('keeps a code only this year has, and one only an earlier year had', () => {
    expect(series.get('NY')!.map((p) => [p.label, p.value, p.status])).toEqual([['T1 2017', null, 'notAssessed']]);
    expect(series.get('GAMMAL')!.map((p) => p.label)).toEqual(['2015']);
  });
});

describe('withHistory: the flags on the period\'s indicators', () => {
  const followupWith = (indicator: Partial<IndicatorFollowup>): PeriodFollowup => ({
    year: 2017,
    goals: [{ indicators: [{ code: 'A', direction: 'increase', annualTarget: 85, previousYearOutcome: null, comparedValue: 71.79, status: 'notAchieved', ...indicator }], children: [] }],
  }) as never;

  it('flags the 2025 example, taking last year\'s outcome from the series when the plan has none', () => {
    const f = followupWith({});
    withHistory(f, indicatorHistory(periods, 2017), new Map());
    const i = f.goals[0].indicators[0];
    expect(i.trendFlags).toEqual(['deteriorated']); // 84,62 → 71,79, årsmål 85
    expect(i.trendFlagTexts).toEqual(['Försämring mot föregående år']);
    expect(i.history!.map((p) => p.label)).toEqual(['2015', '2016', 'T1 2017']);
  });

  it('prefers the plan\'s previous outcome and its own threshold', () => {
    const f = followupWith({ previousYearOutcome: 74 });
    withHistory(f, indicatorHistory(periods, 2017), new Map([['A', null]]));
    expect(f.goals[0].indicators[0].trendFlags).toEqual([]); // 74 → 71,79 is 2,21 ≤ 4,25
    const own = followupWith({});
    withHistory(own, indicatorHistory(periods, 2017), new Map([['A', 13]]));
    expect(own.goals[0].indicators[0].trendFlags).toEqual([]); // 12,83 ≤ 13
  });

  it('takes last year\'s outcome from its VB, not from an earlier report of that year', () => {
    const point = (period: 'T2' | 'VB', outcome: number) => ({
      year: 2016, period, label: period === 'VB' ? '2016' : 'T2 2016', outcome, forecast: null, value: outcome, annualTarget: 85, status: 'partial' as const,
    });
    const f = followupWith({});
    withHistory(f, new Map([['A', [point('T2', 70), point('VB', 84.62)]]]), new Map());
    expect(f.goals[0].indicators[0].trendFlags).toEqual(['deteriorated']); // 84,62 → 71,79; from T2's 70 it would be a rise
  });

  it('flags nothing and gives an empty series for an indicator without history', () => {
    const f = followupWith({ code: 'UTAN' });
    withHistory(f, indicatorHistory(periods, 2017), new Map());
    const i = f.goals[0].indicators[0];
    expect([i.trendFlags, i.trendFlagTexts, i.history]).toEqual([[], [], []]);
  });

  it('flags Återkommande from the two earlier years\' VB statuses', () => {
    const missed: HistoryPeriodRows[] = [2015, 2016].map((year) => ({
      year, period: 'VB', indicators: [indicator(year, 'A', 85)], results: [{ indicatorId: year, outcome: 60, men: null, women: null, forecast: null, analysis: null }],
    }));
    const f = followupWith({ comparedValue: 80, status: 'partial', previousYearOutcome: 60 });
    withHistory(f, indicatorHistory(missed, 2017), new Map());
    expect(f.goals[0].indicators[0].trendFlags).toEqual(['recurring']);
    const onlyOne = followupWith({ comparedValue: 80, status: 'partial' });
    withHistory(onlyOne, indicatorHistory(missed.slice(1), 2017), new Map());
    expect(onlyOne.goals[0].indicators[0].trendFlags).toEqual([]);
  });
});
