import * as ExcelJS from 'exceljs';
import { RenderedChart } from '../charts/chart-kinds';
import { templateKeyOf } from '../common/period';
import { PeriodFollowup } from '../followup/period-followup';
import { NetRowRef, writeAccountSheet, writeOperatingAreaSheet } from './budget-sheets';
import { writeChartSheet } from './chart-sheet';
import { writeForecastReliabilitySheet, writeForecastSeriesSheet } from './forecast-sheets';
import { writeHistorySheet } from './history-sheet';
import { writeKeyFiguresSheet } from './key-figures-sheet';
import { writeActivitySheet, writeIndicatorSheet, writeSummarySheet } from './goal-sheets';
import { fillText, placeholderValues } from './report-text';
import { ReportTemplate, SheetTemplate } from './report-template';
import { ReportContext } from './sheet-layout';

/** The name the workbook gives as its author. */
export const WORKBOOK_CREATOR = 'Verksamhetsuppföljning';

export interface ReportWorkbookInput {
  /** The period's follow-up; in a verksamhetsberättelse it carries the T2 comparison (prognossäkerhet) when there is one. */
  followup: PeriodFollowup;
  charts: RenderedChart[];
  template: ReportTemplate;
  generatedAt: Date;
}

/**
 * The report workbook of one board's tertialrapport or verksamhetsberättelse, e.g.
 * "Tertialrapport 1 2017 – Socialnämnden": Sammanfattning, Mål och indikatorer, Aktiviteter,
 * Driftbudget, Verksamhetsområden and Diagram, as the period's template lays them out.
 */
export function buildReportWorkbook(input: ReportWorkbookInput): ExcelJS.Workbook {
  const ctx = reportContext(input.followup, input.template, input.generatedAt);
  return buildWorkbook(ctx, input.template.sheets, input.charts, input.generatedAt);
}

/** Checks that the follow-up fits the template, and gathers what the sheets are written from. */
export function reportContext(followup: PeriodFollowup, template: ReportTemplate, generatedAt: Date | null): ReportContext {
  if (template.period !== templateKeyOf(followup.period)) {
    throw new Error(`Rapportmallen ${template.file} gäller ${template.period}, men uppföljningen gäller ${followup.period}.`);
  }
  return { followup, template, texts: placeholderValues(followup, generatedAt) };
}

/** A workbook with the given sheets of the template, in its order, and the report's properties. */
export function buildWorkbook(ctx: ReportContext, sheets: SheetTemplate[], charts: RenderedChart[], generatedAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.title = fillText(ctx.template.title, ctx.texts);
  workbook.subject = ctx.followup.board.name;
  workbook.creator = WORKBOOK_CREATOR;
  workbook.lastModifiedBy = WORKBOOK_CREATOR;
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  // Excel and LibreOffice recompute every formula on opening; the stored results are what they find.
  workbook.calcProperties.fullCalcOnLoad = true;
  let net: NetRowRef | null = null;
  for (const sheet of sheets) {
    switch (sheet.kind) {
      case 'summary':
        writeSummarySheet(workbook, sheet, ctx);
        break;
      case 'indicators':
        writeIndicatorSheet(workbook, sheet, ctx);
        break;
      case 'activities':
        writeActivitySheet(workbook, sheet, ctx);
        break;
      case 'accounts':
        net = writeAccountSheet(workbook, sheet, ctx);
        break;
      case 'operatingAreas':
        // The template check guarantees a Driftbudget sheet before this one.
        writeOperatingAreaSheet(workbook, sheet, ctx, net!);
        break;
      case 'charts':
        writeChartSheet(workbook, sheet, ctx, charts);
        break;
      case 'keyFigures':
        writeKeyFiguresSheet(workbook, sheet, ctx);
        break;
      case 'forecastSeries':
        writeForecastSeriesSheet(workbook, sheet, ctx);
        break;
      case 'forecastReliability':
        writeForecastReliabilitySheet(workbook, sheet, ctx);
        break;
      case 'history':
        writeHistorySheet(workbook, sheet, ctx);
        break;
    }
  }
  return workbook;
}
