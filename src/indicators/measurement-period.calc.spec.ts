import { measurementPeriodLabel } from './measurement-period.calc';

describe('measurementPeriodLabel (the Period column)', () => {
  it.each([
    ['tertial', 'T1', 'Tertial 1 2017'],
    ['tertial', 'T2', 'Tertial 2 2017'],
    ['tertial', 'VB', '2017'],
    ['halfyear', 'T1', 'Halvår 1 2017'],
    ['halfyear', 'T2', 'Halvår 1 2017'],
    ['halfyear', 'VB', '2017'],
    ['year', 'T1', '2017'],
    ['year', 'VB', '2017'],
  ] as const)('%s indicator in %s → "%s"', (frequency, period, expected) => {
    expect(measurementPeriodLabel(frequency, period, 2017)).toBe(expected);
  });

  it('uses the year it is given', () => {
    expect(measurementPeriodLabel('tertial', 'T1', 2031)).toBe('Tertial 1 2031');
  });
});
