import { isMonthPeriod, isPeriod, monthsElapsed, periodName, periodShortLabel, reportTitle, templateKeyOf } from './period';

describe('periods', () => {
  it.each([
    ['T1', 4, 'Tertialrapport 1 2017', 'tertial 1 2017', 'T1', 'T1'],
    ['T2', 8, 'Tertialrapport 2 2017', 'tertial 2 2017', 'T2', 'T2'],
    ['VB', 12, 'Verksamhetsberättelse 2017', 'helår 2017', 'VB', 'VB'],
    ['M01', 1, 'Månadsrapport januari 2017', 'januari 2017', 'month', 'Jan'],
    ['M02', 2, 'Månadsrapport februari 2017', 'februari 2017', 'month', 'Feb'],
    ['M09', 9, 'Månadsrapport september 2017', 'september 2017', 'month', 'Sep'],
    ['M12', 12, 'Månadsrapport december 2017', 'december 2017', 'month', 'Dec'],
  ] as const)('%s: %i months, "%s"', (period, months, title, name, template, short) => {
    expect(monthsElapsed(period)).toBe(months);
    expect(reportTitle(period, 2017)).toBe(title);
    expect(periodName(period, 2017)).toBe(name);
    expect(templateKeyOf(period)).toBe(template);
    expect(periodShortLabel(period)).toBe(short);
  });

  it.each([
    ['M01', true, true],
    ['M12', true, true],
    ['T1', true, false],
    ['VB', true, false],
    ['M13', false, false],
    ['M00', false, false],
    ['M9', false, false],
    ['t1', false, false],
  ])('"%s": a period %p, a month %p', (value, period, month) => {
    expect(isPeriod(value)).toBe(period);
    expect(isPeriod(value) && isMonthPeriod(value)).toBe(month);
  });
});
