import type { Workbook } from 'exceljs';
import { clean } from '../common/decimal';
import { allIndicators, IndicatorFollowup, IndicatorHistoryPoint } from '../followup/period-followup';
import { PERIODS } from '../common/period';
import { COLORS, setFont, solidFill } from './report-styles';
import { HistorySheetTemplate } from './report-template';
import { addReportSheet, ReportContext, setNumber, setText } from './sheet-layout';

/*
 * Historik (issue 10): one row per indicator with its value of every earlier year's
 * verksamhetsberättelse and this year's periods (prognos in T1/T2, outcome in the VB), its
 * årsmål, and the trend flags "Försämring mot föregående år" and "Återkommande".
 */

/** The columns of the series: every label any indicator has, earlier years first, then this year's periods. */
function seriesColumns(indicators: IndicatorFollowup[]): { year: number; period: IndicatorHistoryPoint['period']; label: string }[] {
  const columns = new Map<string, { year: number; period: IndicatorHistoryPoint['period']; label: string }>();
  for (const point of indicators.flatMap((i) => i.history ?? [])) columns.set(point.label, { year: point.year, period: point.period, label: point.label });
  return [...columns.values()].sort((a, b) => a.year - b.year || PERIODS.indexOf(a.period) - PERIODS.indexOf(b.period));
}

export function writeHistorySheet(workbook: Workbook, template: HistorySheetTemplate, ctx: ReportContext): void {
  const { sheet, nextRow } = addReportSheet(workbook, template.name, ctx);
  const indicators = allIndicators(ctx.followup.goals);
  const columns = seriesColumns(indicators);
  const headers = ['Kod', 'Indikator', ...columns.map((c) => (c.period === 'VB' ? `Utfall ${c.label}` : `Prognos ${c.label}`)), `Årsmål ${ctx.followup.year}`, 'Trendflaggor'];
  const widths = [12, 48, ...columns.map(() => 14), 14, 36];
  const header = sheet.getRow(nextRow);
  headers.forEach((text, i) => {
    sheet.getColumn(i + 1).width = widths[i];
    const cell = header.getCell(i + 1);
    cell.value = text;
    setFont(cell, { bold: true });
    cell.fill = solidFill(COLORS.headerFill);
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: i < 2 || i === headers.length - 1 ? 'left' : 'right', indent: i < 2 ? 0 : 1 };
  });
  header.height = 32;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: nextRow, topLeftCell: `A${nextRow + 1}`, activeCell: `A${nextRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `${nextRow}:${nextRow}`;
  indicators.forEach((indicator, r) => {
    const row = sheet.getRow(nextRow + 1 + r);
    const formats = template.indicatorFormats[indicator.unit];
    const numFmt = formats[Math.min(indicator.decimals, formats.length - 1)];
    const value = (v: number | null) => (v === null ? null : indicator.unit === 'percent' ? clean(v / 100) : v);
    setText(row.getCell(1), indicator.code);
    setText(row.getCell(2), indicator.name);
    columns.forEach((column, c) => {
      const point = (indicator.history ?? []).find((p) => p.label === column.label);
      setNumber(row.getCell(3 + c), value(point?.value ?? null), numFmt);
    });
    setNumber(row.getCell(3 + columns.length), value(indicator.annualTarget), numFmt);
    const flags = row.getCell(4 + columns.length);
    setText(flags, (indicator.trendFlagTexts ?? []).join(', ') || null);
    if ((indicator.trendFlags ?? []).length > 0) {
      flags.fill = solidFill(COLORS.flaggedCell);
      setFont(flags, { bold: true, color: { argb: COLORS.flaggedFont } });
    }
  });
}
