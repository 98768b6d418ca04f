import { Period } from '../common/period';
import { Frequency } from './indicator.entity';

/**
 * The "Period" column of the indicator table: which measurement the report's outcome
 * refers to, given how often the indicator is measured. In Tertialrapport 1 2017 a tertial
 * indicator shows "Tertial 1 2017", a half-year one "Halvår 1 2017" (its first
 * measurement), a yearly one "2017". The verksamhetsberättelse reports the whole year.
 */
export function measurementPeriodLabel(frequency: Frequency, period: Period, year: number): string {
  if (period === 'VB' || frequency === 'year') return String(year);
  if (frequency === 'halfyear') return `Halvår 1 ${year}`;
  return period === 'T1' ? `Tertial 1 ${year}` : `Tertial 2 ${year}`;
}
