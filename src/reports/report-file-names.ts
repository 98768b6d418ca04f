import { reportTitle } from '../common/period';
import { PeriodFollowup } from '../followup/period-followup';

/** Characters no file system takes in a name; the board's name keeps its Swedish letters. */
const NOT_IN_FILE_NAMES = /[/\\:*?"<>|\u0000-\u001f]/g;

function safe(text: string): string {
  return text.replace(NOT_IN_FILE_NAMES, '-').trim();
}

/** The budget export's title: "Driftbudget T1 2017 – Socialnämnden". */
export function budgetTitle(followup: PeriodFollowup): string {
  return `Driftbudget ${followup.period} ${followup.year} – ${followup.board.name}`;
}

/** The report's file name: "Tertialrapport 1 2017 – Socialnämnden.xlsx" (or .docx). */
export function reportFileName(followup: PeriodFollowup, ext: 'xlsx' | 'docx'): string {
  return safe(`${reportTitle(followup.period, followup.year)} – ${followup.board.name}`) + `.${ext}`;
}

/** The budget export's file name: "Driftbudget T1 2017 – Socialnämnden.csv" (or .xlsx). */
export function budgetFileName(followup: PeriodFollowup, ext: 'xlsx' | 'csv'): string {
  return safe(budgetTitle(followup)) + `.${ext}`;
}
