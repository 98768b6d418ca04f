import { CHART_KINDS } from '../charts/chart-kinds';
import { FieldError, joinPath } from '../common/domain-error';
import { TEMPLATE_KEYS, TemplateKey } from '../common/period';
import { SV } from '../common/validation';
import { INDICATOR_UNITS } from '../indicators/indicator.entity';
import {
  BudgetField,
  DERIVATIONS,
  KINDS_WITH_NUMFMT,
  PLACEHOLDERS,
  SHEET_FIELDS,
  SHEET_KINDS,
  T2_FIELDS,
  TableSheetKind,
  valueKindOf,
} from './report-fields';

/*
 * The checks of a report template, each error with the JSON path of its field and a
 * Swedish message, so that whoever edits a template sees at once what to fix.
 */

type Json = Record<string, unknown>;

/** Characters Excel does not allow in a sheet name. */
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;

class Checker {
  readonly errors: FieldError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  object(value: unknown, path: string): Json | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.fail(path, value === undefined ? SV.required : SV.object);
    return null;
  }

  onlyKeys(obj: Json, allowed: string[], path: string): void {
    for (const key of Object.keys(obj)) if (!allowed.includes(key)) this.fail(joinPath(path, key), SV.unknownField);
  }

  text(obj: Json, key: string, path: string): string | null {
    const value = obj[key];
    const at = joinPath(path, key);
    if (typeof value !== 'string') {
      this.fail(at, value === undefined ? SV.required : SV.text);
      return null;
    }
    if (value.trim() === '') {
      this.fail(at, SV.notEmpty);
      return null;
    }
    return value;
  }

  /** A text that may hold placeholders; every placeholder must be a known one. */
  pattern(obj: Json, key: string, path: string): string | null {
    const value = this.text(obj, key, path);
    if (value !== null) this.placeholders(value, joinPath(path, key));
    return value;
  }

  placeholders(value: string, path: string): void {
    for (const [, name] of value.matchAll(/\{([^}]*)\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
        this.fail(path, `Okänd platshållare {${name}}. Tillåtna: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
      }
    }
  }

  oneOf<T extends string>(obj: Json, key: string, values: readonly T[], path: string): T | null {
    const value = obj[key];
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.fail(joinPath(path, key), value === undefined ? SV.required : SV.oneOf(values));
    return null;
  }

  number(obj: Json, key: string, min: number, max: number, path: string): void {
    const value = obj[key];
    const at = joinPath(path, key);
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(at, value === undefined ? SV.required : SV.requiredNumber);
    else if (value < min) this.fail(at, SV.min(min));
    else if (value > max) this.fail(at, SV.max(max));
  }

  array(obj: Json, key: string, path: string): unknown[] | null {
    const value = obj[key];
    if (Array.isArray(value) && value.length > 0) return value;
    this.fail(joinPath(path, key), Array.isArray(value) ? SV.notEmpty : value === undefined ? SV.required : SV.array);
    return null;
  }
}

/** Every problem of a template meant for `period`; an empty list when it can be used. */
export function validateReportTemplate(json: unknown, period: TemplateKey): FieldError[] {
  const c = new Checker();
  const root = c.object(json, '');
  if (!root) return c.errors;
  c.onlyKeys(root, ['description', 'period', 'title', 'titleBlock', 'footer', 'sheets'], '');
  const declared = c.oneOf(root, 'period', TEMPLATE_KEYS, '');
  if (declared !== null && declared !== period) c.fail('period', `Mallen gäller ${declared} men läses som mall för ${period}.`);
  c.pattern(root, 'title', '');
  c.pattern(root, 'footer', '');
  (c.array(root, 'titleBlock', '') ?? []).forEach((line, i) => {
    if (typeof line !== 'string') c.fail(`titleBlock[${i}]`, SV.text);
    else c.placeholders(line, `titleBlock[${i}]`);
  });
  checkSheets(c, c.array(root, 'sheets', '') ?? [], period);
  return c.errors;
}

function checkSheets(c: Checker, sheets: unknown[], period: TemplateKey): void {
  const names = new Set<string>();
  const fieldsBefore = new Map<TableSheetKind, Set<string>>();
  sheets.forEach((value, i) => {
    const path = `sheets[${i}]`;
    const sheet = c.object(value, path);
    if (!sheet) return;
    const name = checkSheetName(c, sheet, path);
    if (name !== null) {
      if (names.has(name.toLowerCase())) c.fail(joinPath(path, 'name'), `Bladnamnet "${name}" finns redan.`);
      names.add(name.toLowerCase());
    }
    const kind = c.oneOf(sheet, 'kind', SHEET_KINDS, path);
    if (kind === null) return;
    if (kind === 'charts') return checkChartSheet(c, sheet, path);
    if (kind === 'keyFigures') return checkKeyFiguresSheet(c, sheet, path);
    if (kind === 'forecastSeries') return checkFormats(c, sheet, path, ['amountFormat']);
    if (kind === 'history') {
      c.onlyKeys(sheet, ['name', 'kind', 'indicatorFormats'], path);
      return checkIndicatorFormats(c, sheet, path);
    }
    if (kind === 'forecastReliability') {
      if (period !== 'VB') c.fail(joinPath(path, 'kind'), 'Bladet forecastReliability (prognossäkerhet mot årets utfall) hör bara till verksamhetsberättelsen.');
      return checkFormats(c, sheet, path, ['amountFormat', 'rateFormat']);
    }
    const fields = checkColumns(c, sheet, kind, path, period);
    checkSheetExtras(c, sheet, kind, path, period, fieldsBefore);
    fieldsBefore.set(kind, fields);
  });
}

function checkSheetName(c: Checker, sheet: Json, path: string): string | null {
  const name = c.text(sheet, 'name', path);
  if (name === null) return null;
  if (name.length > 31) c.fail(joinPath(path, 'name'), 'Ett bladnamn får vara högst 31 tecken långt.');
  if (FORBIDDEN_IN_SHEET_NAME.test(name)) c.fail(joinPath(path, 'name'), 'Ett bladnamn får inte innehålla [ ] : * ? / \\.');
  return name;
}

function checkFormats(c: Checker, sheet: Json, path: string, formats: string[]): void {
  c.onlyKeys(sheet, ['name', 'kind', ...formats], path);
  for (const format of formats) c.text(sheet, format, path);
}

function checkKeyFiguresSheet(c: Checker, sheet: Json, path: string): void {
  c.onlyKeys(sheet, ['name', 'kind', 'amountFormat', 'rateFormat'], path);
  c.text(sheet, 'amountFormat', path);
  c.text(sheet, 'rateFormat', path);
}

function checkChartSheet(c: Checker, sheet: Json, path: string): void {
  c.onlyKeys(sheet, ['name', 'kind', 'charts'], path);
  const seen = new Set<string>();
  (c.array(sheet, 'charts', path) ?? []).forEach((kind, i) => {
    const at = `${path}.charts[${i}]`;
    if (typeof kind !== 'string' || !(CHART_KINDS as readonly string[]).includes(kind)) c.fail(at, SV.oneOf(CHART_KINDS));
    else if (seen.has(kind)) c.fail(at, `Diagrammet "${kind}" finns redan i listan.`);
    else seen.add(kind);
  });
}

/** Checks the columns of a table sheet and returns the fields they show. */
function checkColumns(c: Checker, sheet: Json, kind: TableSheetKind, path: string, period: TemplateKey): Set<string> {
  const fields = new Set<string>();
  const known = Object.keys(SHEET_FIELDS[kind]);
  (c.array(sheet, 'columns', path) ?? []).forEach((value, i) => {
    const at = `${path}.columns[${i}]`;
    const column = c.object(value, at);
    if (!column) return;
    c.onlyKeys(column, ['header', 'field', 'width', 'numFmt'], at);
    c.pattern(column, 'header', at);
    c.number(column, 'width', 2, 120, at);
    const field = c.oneOf(column, 'field', known, at);
    if (field === null) return;
    if (fields.has(field)) c.fail(joinPath(at, 'field'), `Fältet "${field}" visas redan i en annan kolumn.`);
    if (T2_FIELDS.includes(field) && period !== 'VB') {
      c.fail(joinPath(at, 'field'), `Fältet "${field}" (prognossäkerhet mot tertialrapport 2) hör bara till verksamhetsberättelsen.`);
    }
    checkNumFmt(c, column, KINDS_WITH_NUMFMT.includes(valueKindOf(kind, field)), at);
    fields.add(field);
  });
  checkOperands(c, kind, fields, path);
  return fields;
}

function checkNumFmt(c: Checker, column: Json, needed: boolean, path: string): void {
  if (needed) c.text(column, 'numFmt', path);
  else if (column.numFmt !== undefined) c.fail(joinPath(path, 'numFmt'), 'Fältet har inget eget talformat; ta bort numFmt.');
}

/** A förbrukning or avvikelse column is a formula over other columns, which must be shown too. */
function checkOperands(c: Checker, kind: TableSheetKind, fields: Set<string>, path: string): void {
  if (kind !== 'accounts' && kind !== 'operatingAreas') return;
  for (const field of fields) {
    const missing = (DERIVATIONS[field as BudgetField]?.operands ?? []).filter((operand) => !fields.has(operand));
    if (missing.length > 0) {
      const names = missing.map((m) => `"${m}"`).join(', ');
      c.fail(joinPath(path, 'columns'), `Kolumnen "${field}" räknas fram ur ${names}, som också måste finnas med.`);
    }
  }
}

function checkSheetExtras(
  c: Checker,
  sheet: Json,
  kind: TableSheetKind,
  path: string,
  period: TemplateKey,
  fieldsBefore: Map<TableSheetKind, Set<string>>,
): void {
  const common = ['name', 'kind', 'columns'];
  switch (kind) {
    case 'indicators':
      c.onlyKeys(sheet, [...common, 'indicatorFormats'], path);
      return checkIndicatorFormats(c, sheet, path);
    case 'accounts':
      c.onlyKeys(sheet, [...common, 'guideRate'], path);
      checkFigure(c, sheet, 'guideRate', path, []);
      return;
    case 'operatingAreas':
      c.onlyKeys(sheet, [...common, 'budgetCompliance'], path);
      return checkBudgetCompliance(c, sheet, path, period, fieldsBefore.get('accounts'));
    default:
      c.onlyKeys(sheet, common, path);
  }
}

function checkIndicatorFormats(c: Checker, sheet: Json, path: string): void {
  const at = joinPath(path, 'indicatorFormats');
  const formats = c.object(sheet.indicatorFormats, at);
  if (!formats) return;
  c.onlyKeys(formats, [...INDICATOR_UNITS], at);
  for (const unit of INDICATOR_UNITS) {
    (c.array(formats, unit, at) ?? []).forEach((format, i) => {
      if (typeof format !== 'string' || format.trim() === '') c.fail(`${at}.${unit}[${i}]`, SV.text);
    });
  }
}

function checkFigure(c: Checker, sheet: Json, key: string, path: string, extraKeys: string[]): Json | null {
  const at = joinPath(path, key);
  const figure = c.object(sheet[key], at);
  if (!figure) return null;
  c.onlyKeys(figure, ['label', 'numFmt', ...extraKeys], at);
  c.pattern(figure, 'label', at);
  c.text(figure, 'numFmt', at);
  return figure;
}

/** SPEC 3.4: budgetföljsamhet is net prognos over net budget in T1/T2, net utfall over it in VB. */
function checkBudgetCompliance(c: Checker, sheet: Json, path: string, period: TemplateKey, accountFields: Set<string> | undefined): void {
  const figure = checkFigure(c, sheet, 'budgetCompliance', path, ['of']);
  if (!figure) return;
  const at = joinPath(path, 'budgetCompliance');
  const of = c.oneOf(figure, 'of', ['forecast', 'actual'] as const, at);
  const expected = period === 'VB' ? 'actual' : 'forecast';
  if (of !== null && of !== expected) {
    const figure = expected === 'actual' ? 'utfall' : 'prognos';
    c.fail(joinPath(at, 'of'), `I ${period} räknas budgetföljsamheten på "${expected}" (nettots ${figure}).`);
  }
  if (!accountFields) {
    c.fail(at, 'Budgetföljsamheten hämtas ur driftbudgetens nettorad: ett blad av typen "accounts" måste komma före.');
  } else if (of !== null && !(accountFields.has(of) && accountFields.has('budget'))) {
    c.fail(at, `Driftbudgetbladet måste visa kolumnerna "${of}" och "budget" som budgetföljsamheten räknas ur.`);
  }
}
