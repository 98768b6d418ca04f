import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChartKind } from '../charts/chart-kinds';
import { FieldError } from '../common/domain-error';
import { Period, TEMPLATE_KEYS, TemplateKey, templateKeyOf } from '../common/period';
import { IndicatorUnit } from '../indicators/indicator.entity';
import { validateReportTemplate } from './report-template-validation';

/*
 * A report template says how one period's report workbook reads: its title, the lines of
 * the title block on every sheet, the sheets in order and, for each, its columns (header,
 * field, width, display format). T1, T2, VB and the månadsrapporter (M01–M12, one template
 * `month`) differ by template only. The templates live as JSON under
 * `<project root>/templates/reports/<t1|t2|vb|month>.json`.
 */

/** One column of a sheet. Texts may hold placeholders such as "{year}". */
export interface ColumnTemplate {
  header: string;
  /** A field of the sheet's kind, see SHEET_FIELDS. */
  field: string;
  /** Column width in Excel characters. */
  width: number;
  /** Excel number format for amount, rate and date fields, e.g. "#,##0.0"; null otherwise. */
  numFmt: string | null;
}

/** A label and the display format of a single figure, e.g. the Riktvärde above the table. */
export interface FigureTemplate {
  label: string;
  numFmt: string;
}

export interface SummarySheetTemplate {
  kind: 'summary';
  name: string;
  columns: ColumnTemplate[];
}

export interface IndicatorSheetTemplate {
  kind: 'indicators';
  name: string;
  columns: ColumnTemplate[];
  /**
   * Excel number formats per unit, by number of decimals: element 0 for whole values,
   * 1 for one decimal, and so on. Percent values are written as fractions (85 % → 0.85).
   */
  indicatorFormats: Record<IndicatorUnit, string[]>;
}

export interface ActivitySheetTemplate {
  kind: 'activities';
  name: string;
  columns: ColumnTemplate[];
}

export interface AccountSheetTemplate {
  kind: 'accounts';
  name: string;
  columns: ColumnTemplate[];
  /** The Riktvärde line above the driftbudget table. */
  guideRate: FigureTemplate;
}

export interface OperatingAreaSheetTemplate {
  kind: 'operatingAreas';
  name: string;
  columns: ColumnTemplate[];
  /**
   * The Budgetföljsamhet line below the table: the driftbudget's net `of` (prognos in T1/T2,
   * utfall in VB) over its net budget.
   */
  budgetCompliance: FigureTemplate & { of: 'forecast' | 'actual' };
}

export interface ChartSheetTemplate {
  kind: 'charts';
  name: string;
  /** The charts in the order they are shown. */
  charts: ChartKind[];
}

/** A månadsrapport's Sammanfattning: the summary text and the key figures, in these formats. */
export interface KeyFiguresSheetTemplate {
  kind: 'keyFigures';
  name: string;
  /** Excel number format of amounts (mnkr), e.g. "#,##0.0". */
  amountFormat: string;
  /** Excel number format of shares, e.g. "0.0%". */
  rateFormat: string;
}

/** Årsprognos månad för månad: every period's prognos and avvikelse per verksamhetsområde. */
export interface ForecastSeriesSheetTemplate {
  kind: 'forecastSeries';
  name: string;
  /** Excel number format of amounts (mnkr), e.g. "#,##0.0". */
  amountFormat: string;
}

/** The verksamhetsberättelse's Prognossäkerhet: every earlier period's prognos against the year's outcome. */
export interface ForecastReliabilitySheetTemplate {
  kind: 'forecastReliability';
  name: string;
  amountFormat: string;
  /** Excel number format of the errors in share of the budget or årsmål, e.g. "0.0%". */
  rateFormat: string;
}

/** Historik: each indicator's series across years and its trend flags. */
export interface HistorySheetTemplate {
  kind: 'history';
  name: string;
  /** Excel number formats per unit and number of decimals, as the indicator sheet's. */
  indicatorFormats: Record<IndicatorUnit, string[]>;
}

export type TableSheetTemplate =
  | SummarySheetTemplate
  | IndicatorSheetTemplate
  | ActivitySheetTemplate
  | AccountSheetTemplate
  | OperatingAreaSheetTemplate;
export type SheetTemplate = TableSheetTemplate | ChartSheetTemplate | KeyFiguresSheetTemplate | ForecastSeriesSheetTemplate | ForecastReliabilitySheetTemplate | HistorySheetTemplate;

export interface ReportTemplate {
  /** Where the template was read from, for messages. */
  file: string;
  /** T1, T2, VB, or `month` for every månadsrapport. */
  period: TemplateKey;
  /** The workbook's title, e.g. "{reportTitle} – {board}". */
  title: string;
  /** The lines above the table on every sheet. */
  titleBlock: string[];
  /** The printed page footer's left part. */
  footer: string;
  sheets: SheetTemplate[];
}

/** A template that cannot be used; the message names the file and every faulty field. */
export class ReportTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly errors: FieldError[],
  ) {
    super(`Rapportmallen ${file} är felaktig:\n${errors.map((e) => `- ${e.path || '(hela filen)'}: ${e.message}`).join('\n')}`);
    this.name = 'ReportTemplateError';
  }
}

/** `<project root>/templates`, from src/reports under ts-jest as from dist/reports after a build. */
export const TEMPLATES_DIR = path.resolve(__dirname, '..', '..', 'templates');

/** The file that holds a period's report template. */
export function reportTemplatePath(period: Period | TemplateKey, dir: string = TEMPLATES_DIR): string {
  return path.join(dir, 'reports', `${keyOf(period).toLowerCase()}.json`);
}

function keyOf(period: Period | TemplateKey): TemplateKey {
  return period === 'month' ? period : templateKeyOf(period);
}

/**
 * Reads and checks the report template of a period (T1, T2 or VB). A faulty template fails
 * here, with a ReportTemplateError naming the file and fields, never halfway through a workbook.
 */
export function loadReportTemplate(period: Period | TemplateKey, dir: string = TEMPLATES_DIR): ReportTemplate {
  const file = reportTemplatePath(period, dir);
  const shownFile = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ReportTemplateError(shownFile, [{ path: '', message: `Filen kan inte läsas (${(error as Error).message}).` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReportTemplateError(shownFile, [{ path: '', message: `Filen är inte giltig JSON (${(error as Error).message}).` }]);
  }
  return parseReportTemplate(json, shownFile, keyOf(period));
}

/** Every template (T1, T2, VB, month), checked; for a check at start-up. */
export function loadReportTemplates(dir: string = TEMPLATES_DIR): Record<TemplateKey, ReportTemplate> {
  return Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, loadReportTemplate(key, dir)])) as Record<TemplateKey, ReportTemplate>;
}

/** The template a period's report reads. */
export function templateFor(templates: Record<TemplateKey, ReportTemplate>, period: Period): ReportTemplate {
  return templates[templateKeyOf(period)];
}

/** Checks parsed template JSON for `period` and returns it typed; throws ReportTemplateError. */
export function parseReportTemplate(json: unknown, file: string, period: TemplateKey): ReportTemplate {
  const errors = validateReportTemplate(json, period);
  if (errors.length > 0) throw new ReportTemplateError(file, errors);
  const template = json as Omit<ReportTemplate, 'file'>;
  return {
    ...template,
    file,
    sheets: template.sheets.map((sheet) =>
      !('columns' in sheet) ? sheet : { ...sheet, columns: sheet.columns.map((c) => ({ ...c, numFmt: c.numFmt ?? null })) },
    ) as SheetTemplate[],
  };
}
