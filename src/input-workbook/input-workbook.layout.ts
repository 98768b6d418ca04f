/**
 * The input workbook (inmatningsarbetsbok): the sheets and columns in which a controller
 * fills in a period's follow-up offline in Excel. One place for the layout, read by the
 * builder (which locks the plan's columns and validates the input columns with Excel's own
 * data validation) and by the reader (which turns the filled sheets back into a follow-up
 * import document, SPEC 2.2).
 */

/** What a column holds, which decides its validation, number format and how it is read. */
export type ColumnKind =
  /** Plan or computed values shown for reading: locked. */
  | 'readonly'
  /** A number (an indicator value): decimal validation, read as a number. */
  | 'number'
  /** An amount in mnkr: decimal validation, up to six decimals (whole kronor). */
  | 'mnkr'
  /** Free text. */
  | 'text'
  /** The goal's bedömning, from a list. */
  | 'assessment'
  /** Ja / Nej, from a list. */
  | 'yesNo';

export interface InputColumn {
  /** The import document's field this column fills (or a plan field shown for reading). */
  key: string;
  header: string;
  width: number;
  kind: ColumnKind;
}

export interface InputSheet {
  name: string;
  columns: InputColumn[];
}

const ro = (key: string, header: string, width: number): InputColumn => ({ key, header, width, kind: 'readonly' });

export const INDICATOR_SHEET: InputSheet = {
  name: 'Indikatorer',
  columns: [
    ro('code', 'Kod', 12),
    ro('name', 'Indikator', 40),
    ro('goal', 'Mål', 10),
    ro('unit', 'Enhet', 10),
    ro('genderSplit', 'Könsuppdelad', 14),
    ro('annualTarget', 'Årsmål', 10),
    ro('councilTarget', 'KF:s årsmål', 11),
    ro('previousYearOutcome', 'Fjolårets utfall', 12),
    { key: 'outcome', header: 'Periodens utfall', width: 12, kind: 'number' },
    { key: 'men', header: 'Utfall män/pojkar', width: 13, kind: 'number' },
    { key: 'women', header: 'Utfall kvinnor/flickor', width: 14, kind: 'number' },
    { key: 'forecast', header: 'Prognos helår', width: 12, kind: 'number' },
    { key: 'analysis', header: 'Analys', width: 60, kind: 'text' },
  ],
};

export const GOAL_SHEET: InputSheet = {
  name: 'Mål',
  columns: [
    ro('code', 'Kod', 10),
    ro('level', 'Nivå', 22),
    ro('name', 'Mål', 44),
    ro('expectedResult', 'Förväntat resultat', 36),
    ro('suggestion', 'Indikatorernas bedömning', 16),
    { key: 'assessment', header: 'Bedömning', width: 16, kind: 'assessment' },
    { key: 'analysis', header: 'Analys', width: 60, kind: 'text' },
  ],
};

export const ACTIVITY_SHEET: InputSheet = {
  name: 'Aktiviteter',
  columns: [
    ro('code', 'Kod', 12),
    ro('name', 'Aktivitet', 44),
    ro('startDate', 'Start', 11),
    ro('endDate', 'Slut', 11),
    { key: 'deviation', header: 'Avvikelse från planen', width: 14, kind: 'yesNo' },
    { key: 'comment', header: 'Kommentar', width: 60, kind: 'text' },
  ],
};

export const AREA_SHEET: InputSheet = {
  name: 'Verksamhetsområden',
  columns: [
    ro('name', 'Verksamhetsområde', 34),
    ro('budget', 'Budget (mnkr)', 13),
    { key: 'forecast', header: 'Prognos helår (mnkr)', width: 14, kind: 'mnkr' },
    { key: 'adjustment', header: 'Justering (mnkr)', width: 13, kind: 'mnkr' },
    { key: 'volumeChange', header: 'Prestationsförändring (mnkr)', width: 16, kind: 'mnkr' },
    { key: 'returned', header: 'Återredovisning (mnkr)', width: 15, kind: 'mnkr' },
    { key: 'comment', header: 'Kommentar', width: 60, kind: 'text' },
  ],
};

export const ACCOUNT_SHEET: InputSheet = {
  name: 'Kontogrupper',
  columns: [
    ro('name', 'Kontogrupp', 34),
    ro('budget', 'Budget (mnkr)', 13),
    { key: 'actual', header: 'Utfall (mnkr)', width: 13, kind: 'mnkr' },
    { key: 'forecast', header: 'Prognos helår (mnkr)', width: 14, kind: 'mnkr' },
    { key: 'previousYearBudget', header: 'Fjolårets budget (mnkr)', width: 15, kind: 'mnkr' },
    { key: 'previousYearActual', header: 'Fjolårets utfall (mnkr)', width: 15, kind: 'mnkr' },
  ],
};

/** Texts: the summary and the budget comment in fixed rows, then one row per headed section. */
export const TEXT_SHEET: InputSheet = {
  name: 'Texter',
  columns: [
    { key: 'heading', header: 'Rubrik', width: 36, kind: 'text' },
    { key: 'text', header: 'Text', width: 100, kind: 'text' },
  ],
};

export const INFO_SHEET_NAME = 'Instruktioner';
export const SUMMARY_HEADING = 'Sammanfattande analys';
export const BUDGET_COMMENT_HEADING = 'Kommentar till driftbudgeten';
/** Empty rows left for new sections under the existing ones. */
export const SPARE_SECTION_ROWS = 5;

/** The cells of the instruction sheet that say which board and period the workbook is for. */
export const INFO_CELLS = { board: 'B3', year: 'B4', period: 'B5' } as const;

export const YES = 'Ja';
export const NO = 'Nej';

/** Largest text an Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;

/**
 * What stands in a cell for a saved text longer than a cell holds: the text is edited on the
 * web pages, and the upload leaves it as it is.
 */
export function tooLongPlaceholder(length: number): string {
  return `[Texten har ${length} tecken, mer än en Excel-cell rymmer. Den ändras på webbsidan och lämnas som den är här.]`;
}

export const TOO_LONG_PATTERN = /^\[Texten har \d+ tecken, mer än en Excel-cell rymmer\. Den ändras på webbsidan och lämnas som den är här\.\]$/;

/** Column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
