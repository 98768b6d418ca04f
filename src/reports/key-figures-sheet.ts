import type { Workbook, Worksheet } from 'exceljs';
import { kronorToMnkr } from '../common/money';
import { PeriodFollowup } from '../followup/period-followup';
import { textBlocks } from './report-paragraphs';
import { setFont } from './report-styles';
import { KeyFiguresSheetTemplate } from './report-template';
import { writeForecastSeries } from './forecast-sheets';
import { addReportSheet, ReportContext, setNumber, setText } from './sheet-layout';

/*
 * A månadsrapport's Sammanfattning (SPEC 4): the summary text ("Sammanfattande analys"),
 * then the period's key figures, each a numeric cell with its format: the riktvärde, the
 * driftbudget's net budget, prognos and utfall with förbrukning and budgetföljsamhet, and
 * Nämnden totalt's avvikelse, the terms that adjust it and the justerad avvikelse.
 */

export interface KeyFigure {
  label: string;
  value: number | null;
  kind: 'amount' | 'rate';
}

/** The key figures of a period, in the order they are shown; amounts in kronor, rates as fractions. */
export function keyFigures(followup: PeriodFollowup): KeyFigure[] {
  const { budget, year } = followup;
  const net = budget.accountTable.net;
  const total = budget.operatingAreaTable.total;
  const volume = (total.volumeChange ?? 0) !== 0 || (total.returned ?? 0) !== 0;
  const figures: KeyFigure[] = [
    { label: 'Riktvärde', value: budget.guideRate, kind: 'rate' },
    { label: `Budget ${year}, netto`, value: net.budget, kind: 'amount' },
    { label: `Prognos ${year}, netto`, value: net.forecast, kind: 'amount' },
    { label: `Utfall ${year} hittills, netto`, value: net.actual, kind: 'amount' },
    { label: `Förbrukning ${year}`, value: net.consumption, kind: 'rate' },
    { label: 'Budgetföljsamhet', value: budget.budgetCompliance, kind: 'rate' },
    { label: 'Avvikelse, Nämnden totalt', value: total.deviation, kind: 'amount' },
    { label: 'Justering', value: total.adjustment, kind: 'amount' },
  ];
  if (volume) {
    figures.push(
      { label: 'Prestationsförändring', value: total.volumeChange ?? 0, kind: 'amount' },
      { label: 'Återredovisning', value: total.returned ?? 0, kind: 'amount' },
    );
  }
  figures.push({ label: 'Justerad avvikelse, Nämnden totalt', value: total.adjustedDeviation, kind: 'amount' });
  return figures;
}

export function writeKeyFiguresSheet(workbook: Workbook, template: KeyFiguresSheetTemplate, ctx: ReportContext): void {
  const { sheet, nextRow } = addReportSheet(workbook, template.name, ctx);
  sheet.getColumn(1).width = 40;
  sheet.getColumn(2).width = 16;
  let row = nextRow;
  const summary = ctx.followup.texts.summary;
  if (summary) {
    const heading = sheet.getCell(row, 1);
    heading.value = 'Sammanfattande analys';
    setFont(heading, { bold: true, size: 12 });
    row += 1;
    for (const block of textBlocks(summary)) {
      sheet.mergeCells(row, 1, row, 8);
      const cell = sheet.getCell(row, 1);
      setText(cell, block.text);
      if (block.kind === 'heading') setFont(cell, { bold: true });
      // Rows do not grow for merged cells: give each paragraph the lines it needs at about 130 characters a line.
      sheet.getRow(row).height = Math.max(15, Math.ceil(block.text.length / 130) * 15);
      row += 1;
    }
    row += 1;
  }
  const heading = sheet.getCell(row, 1);
  heading.value = 'Nyckeltal';
  setFont(heading, { bold: true, size: 12 });
  row += 1;
  for (const figure of keyFigures(ctx.followup)) {
    sheet.getCell(row, 1).value = figure.label;
    const value = figure.value === null ? null : figure.kind === 'amount' ? kronorToMnkr(figure.value) : figure.value;
    setNumber(sheet.getCell(row, 2), value, figure.kind === 'amount' ? template.amountFormat : template.rateFormat);
    row += 1;
  }
  writeForecastSeries(sheet, row + 1, template.amountFormat, ctx.followup);
}
