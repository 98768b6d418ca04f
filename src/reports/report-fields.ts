/*
 * What a report template may put in a column: for each kind of sheet, the fields the
 * builders know and what kind of value each holds. The template decides which fields are
 * shown, in which order, under which header and with which display format; this catalog
 * decides how a field's value is worked out.
 */

export const SHEET_KINDS = ['summary', 'indicators', 'activities', 'accounts', 'operatingAreas', 'charts', 'keyFigures', 'forecastSeries', 'forecastReliability', 'history'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
export type TableSheetKind = Exclude<SheetKind, 'charts' | 'keyFigures' | 'forecastSeries' | 'forecastReliability' | 'history'>;

/**
 * How a field's cells are written:
 * - text, goalName (text indented by goal level), yesNo ("Ja"/"Nej");
 * - assessment, suggestion, status: a label with a traffic-light fill;
 * - divergence: the over-positive flag text, highlighted;
 * - indicatorValue, genderGap: numeric in the indicator's unit (format from `indicatorFormats`);
 * - amount (kronor shown as mnkr), rate (a fraction), date: numeric with the column's numFmt.
 */
export type ValueKind =
  | 'text'
  | 'goalName'
  | 'yesNo'
  | 'assessment'
  | 'suggestion'
  | 'status'
  | 'divergence'
  | 'indicatorValue'
  | 'genderGap'
  | 'amount'
  | 'rate'
  | 'date';

/** Value kinds whose column must give a numFmt in the template. */
export const KINDS_WITH_NUMFMT: readonly ValueKind[] = ['amount', 'rate', 'date'];

export const SHEET_FIELDS = {
  summary: {
    level: 'text',
    code: 'text',
    name: 'goalName',
    assessment: 'assessment',
    suggestion: 'suggestion',
    divergence: 'divergence',
    analysis: 'text',
  },
  indicators: {
    goal: 'text',
    name: 'text',
    outcome: 'indicatorValue',
    men: 'indicatorValue',
    women: 'indicatorValue',
    previousYearOutcome: 'indicatorValue',
    forecast: 'indicatorValue',
    annualTarget: 'indicatorValue',
    councilTarget: 'indicatorValue',
    period: 'text',
    status: 'status',
    genderGap: 'genderGap',
    code: 'text',
    unit: 'text',
    analysis: 'text',
  },
  activities: {
    goal: 'text',
    name: 'text',
    startDate: 'date',
    endDate: 'date',
    deviation: 'yesNo',
    comment: 'text',
  },
  accounts: {
    name: 'text',
    previousYearBudget: 'amount',
    previousYearActual: 'amount',
    previousYearConsumption: 'rate',
    budget: 'amount',
    forecast: 'amount',
    actual: 'amount',
    consumption: 'rate',
  },
  operatingAreas: {
    name: 'text',
    previousYearActual: 'amount',
    budget: 'amount',
    forecast: 'amount',
    deviation: 'amount',
    adjustment: 'amount',
    volumeChange: 'amount',
    returned: 'amount',
    adjustedDeviation: 'amount',
    t2Forecast: 'amount',
    forecastAccuracy: 'rate',
    comment: 'text',
  },
} as const satisfies Record<TableSheetKind, Record<string, ValueKind>>;

export type SheetField<K extends TableSheetKind> = keyof (typeof SHEET_FIELDS)[K] & string;
export type AccountField = SheetField<'accounts'>;
export type OperatingAreaField = SheetField<'operatingAreas'>;
export type BudgetField = AccountField | OperatingAreaField;

/** The value kind of a field of a sheet kind. */
export function valueKindOf(kind: TableSheetKind, field: string): ValueKind {
  return (SHEET_FIELDS[kind] as Record<string, ValueKind>)[field];
}

/**
 * Fields that need tertialrapport 2's follow-up (prognossäkerhet in the verksamhets-
 * berättelse). They belong in the VB template only, and are left out of a workbook that is
 * built without a T2 follow-up.
 */
export const T2_FIELDS: readonly string[] = ['t2Forecast', 'forecastAccuracy'];

/**
 * Prestationsförändring and återredovisning (SPEC 3.4): shown only when some area has one,
 * as SPEC 4 says; Justerad avvikelse takes them into its formula when they are shown.
 */
export const VOLUME_FIELDS: readonly string[] = ['volumeChange', 'returned'];

/**
 * A budget column that is worked out from other columns of the same row, written as an
 * Excel formula so that an auditor can follow it. `additive` columns are summed on the
 * sum rows like typed figures; the others (shares) are worked out row by row there too.
 */
export interface Derivation {
  operands: BudgetField[];
  additive: boolean;
  formula: (ref: (field: BudgetField) => string, shown: (field: BudgetField) => boolean) => string;
}

/** Förbrukning, avvikelse, justerad avvikelse and prognossäkerhet (SPEC 3.4). */
export const DERIVATIONS: Partial<Record<BudgetField, Derivation>> = {
  previousYearConsumption: {
    operands: ['previousYearActual', 'previousYearBudget'],
    additive: false,
    formula: (r) => `IF(${r('previousYearBudget')}=0,"",${r('previousYearActual')}/${r('previousYearBudget')})`,
  },
  consumption: {
    operands: ['actual', 'budget'],
    additive: false,
    formula: (r) => `IF(${r('budget')}=0,"",${r('actual')}/${r('budget')})`,
  },
  deviation: {
    operands: ['budget', 'forecast'],
    additive: true,
    formula: (r) => `${r('budget')}-${r('forecast')}`,
  },
  adjustedDeviation: {
    operands: ['deviation', 'adjustment'],
    additive: true,
    // Justerad avvikelse = avvikelse + justering + prestationsförändring − återredovisning.
    formula: (r, shown) =>
      `${r('deviation')}+${r('adjustment')}${shown('volumeChange') ? `+${r('volumeChange')}` : ''}${shown('returned') ? `-${r('returned')}` : ''}`,
  },
  forecastAccuracy: {
    operands: ['t2Forecast', 'forecast', 'budget'],
    additive: false,
    formula: (r) => `IF(${r('budget')}=0,"",(${r('t2Forecast')}-${r('forecast')})/${r('budget')})`,
  },
};

/** The placeholders a template text may use, e.g. "Budget {year}". */
export const PLACEHOLDERS = ['board', 'boardCode', 'year', 'previousYear', 'reportTitle', 'generatedDate', 'monthName', 'periodMonths'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
