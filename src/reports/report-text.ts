import { monthsElapsed, reportTitle } from '../common/period';
import { PeriodFollowup } from '../followup/period-followup';
import { Placeholder } from './report-fields';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** A date as Swedish running text in Stockholm time, e.g. "23 november 2026". */
export function swedishDate(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${part('day')} ${MONTHS[part('month') - 1]} ${part('year')}`;
}

/** The months from January to the period's last: "januari–april", or "januari" alone. */
export function periodMonths(months: number): string {
  return months === 1 ? MONTHS[0] : `${MONTHS[0]}–${MONTHS[months - 1]}`;
}

/** What the placeholders of a template stand for in one board's report for one period. */
export function placeholderValues(followup: PeriodFollowup, generatedAt: Date | null): Record<Placeholder, string> {
  return {
    board: followup.board.name,
    boardCode: followup.board.code,
    year: String(followup.year),
    previousYear: String(followup.year - 1),
    reportTitle: reportTitle(followup.period, followup.year),
    generatedDate: generatedAt ? swedishDate(generatedAt) : '',
    // The last month the period covers: "september" for M09, "april" for T1.
    monthName: MONTHS[monthsElapsed(followup.period) - 1],
    // The months the period covers: "januari–september" for M09, just "januari" for M01.
    periodMonths: periodMonths(monthsElapsed(followup.period)),
  };
}

/** A template text with its placeholders filled in: "Budget {year}" → "Budget 2017". */
export function fillText(pattern: string, values: Record<Placeholder, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? values[name as Placeholder] : match));
}
