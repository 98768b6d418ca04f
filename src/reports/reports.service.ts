import { Injectable, OnModuleInit } from '@nestjs/common';
import { ChartKind, RenderedChart } from '../charts/chart-kinds';
import { chartPageCount } from '../charts/chart-configs';
import { ChartsService } from '../charts/charts.service';
import { DomainError } from '../common/domain-error';
import { Period, TemplateKey } from '../common/period';
import { FollowupService } from '../followup/followup.service';
import { buildBudgetCsv, buildBudgetWorkbook } from './budget-export';
import { budgetFileName, reportFileName } from './report-file-names';
import { loadReportTemplates, ReportTemplate, templateFor } from './report-template';
import { DOCX_TYPE } from './report-document';
import { RenderPool } from '../rendering/render-pool';

/** A file to hand to the user: its Swedish name, content type and bytes. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

export type BudgetFormat = 'xlsx' | 'csv';

/**
 * What managers hand to their board and what auditors check: the period's report workbook
 * with charts, the budget tables alone, and each chart as a PNG. Everything is rendered
 * from the computed follow-up, in the render pool's worker threads (charts, workbook and
 * document); the templates decide the layout per period.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  private templates: Record<TemplateKey, ReportTemplate>;

  constructor(
    private readonly followups: FollowupService,
    private readonly charts: ChartsService,
    private readonly pool: RenderPool,
  ) {}

  /** Reads and checks the templates at start, so that a broken one stops the start, not a report. */
  onModuleInit(): void {
    this.templates = loadReportTemplates();
  }

  /** "Tertialrapport 1 2017 – Socialnämnden.xlsx" with the charts its template lists, and those charts. */
  async reportWorkbook(board: string, year: number, period: Period): Promise<ReportFile & { charts: RenderedChart[] }> {
    const followup = await this.followups.getReportedFollowup(board, year, period);
    const template = templateFor(this.templates, period);
    const charts = await this.charts.render(followup, chartKindsOf(template));
    const content = await this.pool.workbook(followup, template, charts, new Date());
    return { fileName: reportFileName(followup, 'xlsx'), contentType: XLSX_TYPE, content, charts };
  }

  /** "Tertialrapport 1 2017 – Socialnämnden.docx": the report as the board reads it, with the template's charts. */
  async reportDocument(board: string, year: number, period: Period): Promise<ReportFile> {
    const followup = await this.followups.getReportedFollowup(board, year, period);
    const template = templateFor(this.templates, period);
    const charts = await this.charts.render(followup, chartKindsOf(template));
    const content = await this.pool.document(followup, template, charts, new Date());
    return { fileName: reportFileName(followup, 'docx'), contentType: DOCX_TYPE, content };
  }

  /** The Driftbudget and Verksamhetsområden tables alone, as xlsx or as CSV for Swedish Excel. */
  async budgetExport(board: string, year: number, period: Period, format: BudgetFormat): Promise<ReportFile> {
    const followup = await this.followups.getReportedFollowup(board, year, period);
    const template = templateFor(this.templates, period);
    if (format === 'csv') {
      return {
        fileName: budgetFileName(followup, 'csv'),
        contentType: CSV_TYPE,
        content: Buffer.from(buildBudgetCsv(followup, template), 'utf8'),
      };
    }
    const workbook = buildBudgetWorkbook(followup, template, { generatedAt: new Date() });
    return { fileName: budgetFileName(followup, 'xlsx'), contentType: XLSX_TYPE, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  /** One page of one chart of the period's report as a PNG; a page the chart does not have is "not found". */
  async chart(board: string, year: number, period: Period, kind: ChartKind, part = 1): Promise<RenderedChart> {
    const followup = await this.followups.getReportedFollowup(board, year, period);
    const parts = chartPageCount(followup, kind);
    if (part > parts) {
      throw DomainError.notFound(`Diagrammet ${kind} har ${parts === 1 ? 'bara en sida' : `${parts} sidor`}, inte ${part}.`);
    }
    return this.charts.renderOne(followup, kind, part);
  }
}

function chartKindsOf(template: ReportTemplate): ChartKind[] {
  return template.sheets.flatMap((sheet) => (sheet.kind === 'charts' ? sheet.charts : []));
}
