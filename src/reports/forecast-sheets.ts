import type { Workbook, Worksheet } from 'exceljs';
import { kronorToMnkr } from '../common/money';
import { clean } from '../common/decimal';
import { PeriodFollowup } from '../followup/period-followup';
import { COLORS, setFont, solidFill } from './report-styles';
import { ForecastReliabilitySheetTemplate, ForecastSeriesSheetTemplate } from './report-template';
import { addReportSheet, ReportContext, setNumber, setText } from './sheet-layout';

/*
 * The year's forecasts as sheets: "Årsprognos månad för månad" (every reported period's
 * prognos and avvikelse per verksamhetsområde) and, in the verksamhetsberättelse,
 * "Prognossäkerhet" (every earlier period's prognos against the year's outcome). Numeric
 * cells in mnkr and shares, each with its display format.
 */

const mnkr = (kronor: number | null) => (kronor === null ? null : kronorToMnkr(kronor));

function boldHeading(sheet: Worksheet, row: number, text: string): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  setFont(cell, { bold: true, size: 12 });
}

/** A table's header row: bold on the report's header fill, figures' headers right-aligned. */
function headerRow(sheet: Worksheet, row: number, headers: string[]): void {
  headers.forEach((header, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = header;
    setFont(cell, { bold: true });
    cell.fill = solidFill(COLORS.headerFill);
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: i === 0 ? 'left' : 'right', indent: i === 0 ? 0 : 1 };
    cell.border = { bottom: { style: 'thin', color: { argb: COLORS.border } } };
  });
  // Room for a header on two lines ("Prognossäkerhet" / "T1"): rows do not grow for wrapped text by themselves.
  sheet.getRow(row).height = 32;
}

/** Freezes the sheet below its header row and repeats that row on every printed page. */
function freezeAt(sheet: Worksheet, row: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: row, topLeftCell: `B${row + 1}`, activeCell: `B${row + 1}` }];
  sheet.pageSetup.printTitlesRow = `${row}:${row}`;
}

export function writeForecastSeriesSheet(workbook: Workbook, template: ForecastSeriesSheetTemplate, ctx: ReportContext): void {
  const { sheet, nextRow } = addReportSheet(workbook, template.name, ctx);
  sheet.getColumn(1).width = 40;
  if (writeForecastSeriesTable(sheet, nextRow, template.amountFormat, ctx.followup)) freezeAt(sheet, nextRow);
  else sheet.getCell(nextRow, 1).value = 'Nämnden har ingen prognos per verksamhetsområde för årets perioder.';
}

/** Årsprognos månad för månad under a heading of its own (on a månadsrapport's Sammanfattning). */
export function writeForecastSeries(sheet: Worksheet, startRow: number, amountFormat: string, followup: PeriodFollowup): boolean {
  if ((followup.budget.forecastSeries?.at(-1)?.points ?? []).length === 0) return false;
  boldHeading(sheet, startRow, 'Årsprognos månad för månad');
  return writeForecastSeriesTable(sheet, startRow + 1, amountFormat, followup);
}

/**
 * Årsprognos månad för månad: one row per verksamhetsområde and Nämnden totalt, and per
 * reported period of the year so far its prognos and avvikelse (mnkr), as numeric cells.
 * Returns whether there was anything to write.
 */
function writeForecastSeriesTable(sheet: Worksheet, header: number, amountFormat: string, followup: PeriodFollowup): boolean {
  const series = followup.budget.forecastSeries ?? [];
  const points = series.at(-1)?.points ?? [];
  if (points.length === 0) return false;
  headerRow(sheet, header, ['Verksamhetsområde', ...points.flatMap((p) => [`Prognos ${p.label}`, `Avvikelse ${p.label}`])]);
  points.forEach((_, i) => {
    for (const c of [2 + 2 * i, 3 + 2 * i]) sheet.getColumn(c).width = Math.max(sheet.getColumn(c).width ?? 0, 14);
  });
  series.forEach((line, r) => {
    const row = sheet.getRow(header + 1 + r);
    row.getCell(1).value = line.name;
    if (r === series.length - 1) setFont(row.getCell(1), { bold: true });
    line.points.forEach((p, i) => {
      setNumber(row.getCell(2 + 2 * i), mnkr(p.forecast), amountFormat);
      setNumber(row.getCell(3 + 2 * i), mnkr(p.deviation), amountFormat);
    });
  });
  return true;
}

/**
 * Prognossäkerhet: first the board's figure per period (Nämnden totalt's prognos, the
 * year's outcome, the error and the error in % of the budget), then each verksamhetsområde's
 * error in % of its budget per period, then each indicator's T1 and T2 prognos against its
 * outcome, the error also in % of the årsmål.
 */
export function writeForecastReliabilitySheet(workbook: Workbook, template: ForecastReliabilitySheetTemplate, ctx: ReportContext): void {
  const { sheet, nextRow } = addReportSheet(workbook, template.name, ctx);
  const reliability = ctx.followup.forecastReliability;
  const { amountFormat, rateFormat } = template;
  sheet.getColumn(1).width = 44;
  for (let c = 2; c <= 20; c++) sheet.getColumn(c).width = 18;
  let row = nextRow;
  const total = reliability?.lines.at(-1);
  if (!reliability || !total || reliability.periods.length === 0) {
    sheet.getCell(row, 1).value = 'Det finns inga prognoser från årets tidigare perioder att jämföra med utfallet.';
  } else {
    boldHeading(sheet, row, 'Nämndens prognossäkerhet per period');
    sheet.getCell(row + 1, 1).value = 'Prognossäkerhet = (prognos − utfall) / budget; plus betyder att året slutade bättre än prognosen.';
    headerRow(sheet, row + 3, ['Period', 'Prognos netto (mnkr)', 'Utfall netto (mnkr)', 'Skillnad (mnkr)', 'Prognossäkerhet']);
    row += 4;
    for (const p of total.points) {
      sheet.getCell(row, 1).value = p.label;
      setNumber(sheet.getCell(row, 2), mnkr(p.forecast), amountFormat);
      setNumber(sheet.getCell(row, 3), mnkr(total.outcome), amountFormat);
      setNumber(sheet.getCell(row, 4), mnkr(p.error), amountFormat);
      setNumber(sheet.getCell(row, 5), p.errorShare, rateFormat);
      row += 1;
    }
    row += 1;
    boldHeading(sheet, row, 'Prognossäkerhet per verksamhetsområde');
    headerRow(sheet, row + 1, ['Verksamhetsområde', 'Budget (mnkr)', 'Utfall (mnkr)', ...reliability.periods.map((p) => `Prognossäkerhet ${p.label}`)]);
    row += 2;
    reliability.lines.forEach((line, i) => {
      const name = sheet.getCell(row, 1);
      name.value = line.name;
      if (i === reliability.lines.length - 1) setFont(name, { bold: true });
      setNumber(sheet.getCell(row, 2), mnkr(line.budget), amountFormat);
      setNumber(sheet.getCell(row, 3), mnkr(line.outcome), amountFormat);
      reliability.periods.forEach((period, c) => {
        setNumber(sheet.getCell(row, 4 + c), line.points.find((p) => p.period === period.period)?.errorShare ?? null, rateFormat);
      });
      row += 1;
    });
  }
  if (reliability && reliability.indicators.length > 0) {
    row += 1;
    boldHeading(sheet, row, 'Indikatorernas prognoser mot utfallet');
    headerRow(sheet, row + 1, ['Indikator', 'Årsmål', 'Prognos T1', 'Prognos T2', 'Utfall', 'Skillnad T1', 'Skillnad T2', 'Skillnad T1 i % av årsmålet', 'Skillnad T2 i % av årsmålet']);
    row += 2;
    for (const indicator of reliability.indicators) {
      const percent = indicator.unit === 'percent';
      const value = (v: number | null) => (v === null ? null : percent ? clean(v / 100) : v);
      const decimals = Math.min(indicator.decimals, 2);
      const format = percent ? `0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}%` : `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
      const byPeriod = (period: 'T1' | 'T2') => indicator.forecasts.find((f) => f.period === period) ?? null;
      setText(sheet.getCell(row, 1), `${indicator.code} ${indicator.name}`);
      setNumber(sheet.getCell(row, 2), value(indicator.annualTarget), format);
      setNumber(sheet.getCell(row, 3), value(byPeriod('T1')?.forecast ?? null), format);
      setNumber(sheet.getCell(row, 4), value(byPeriod('T2')?.forecast ?? null), format);
      setNumber(sheet.getCell(row, 5), value(indicator.outcome), format);
      setNumber(sheet.getCell(row, 6), value(byPeriod('T1')?.error ?? null), format);
      setNumber(sheet.getCell(row, 7), value(byPeriod('T2')?.error ?? null), format);
      setNumber(sheet.getCell(row, 8), byPeriod('T1')?.errorShare ?? null, rateFormat);
      setNumber(sheet.getCell(row, 9), byPeriod('T2')?.errorShare ?? null, rateFormat);
      row += 1;
    }
  }
}
