import { isMonthPeriod } from '../common/period';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { RenderedChart } from '../charts/chart-kinds';
import { formatDeviationMnkr, formatIndicatorTarget, formatIndicatorValue, formatMnkr, formatNumber, LOWER_IS_BETTER_TEXT } from '../common/vocabulary';
import { ActivityFollowup, GoalFollowup, IndicatorFollowup, PeriodFollowup } from '../followup/period-followup';
import { AssessmentOrNone } from '../goals/goal-assessment.calc';
import { IndicatorStatus } from '../indicators/indicator-status.calc';
import { accountTableRows, BudgetTableRow, operatingAreaTableRows } from './budget-table';
import { valueKindOf } from './report-fields';
import { textBlocks } from './report-paragraphs';
import { fillText, placeholderValues } from './report-text';
import { ColumnTemplate, ReportTemplate, SheetTemplate } from './report-template';
import { visibleColumns } from './sheet-layout';

/*
 * The report as a Word document (SPEC 4.1), laid out as the city's tertialrapport reads:
 * title block, Sammanfattande analys, the goal tree with bedömning, förväntat resultat,
 * analysis, indicator and activity tables, then Uppföljning av ekonomi with the budget
 * tables and their texts, the sections, and the charts one per page. It reads only the
 * computed follow-up; the template (the same as the workbook's) decides the columns and
 * labels, so T1, T2 and VB differ by template.
 */

export interface ReportDocumentInput {
  followup: PeriodFollowup;
  template: ReportTemplate;
  charts: RenderedChart[];
  generatedAt: Date | null;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The headings of the report's parts, as the city's report names them. */
export const DOCUMENT_HEADINGS = {
  summary: 'Sammanfattande analys',
  goals: 'Uppföljning av Kommunfullmäktiges inriktningsmål',
  economy: 'Uppföljning av ekonomi',
  accounts: 'Uppföljning av driftbudget',
  areas: 'Nämndens prognos',
  charts: 'Diagram',
  forecastSeries: 'Årsprognos månad för månad',
  forecastReliability: 'Prognossäkerhet',
} as const;

const FONT = 'Calibri';
const LIGHT_FILL: Record<'green' | 'yellow' | 'red' | 'grey', string> = {
  green: 'C6EFCE',
  yellow: 'FFEB9C',
  red: 'FFC7CE',
  grey: 'E7E6E6',
};
const DOT_COLOR: Record<'green' | 'yellow' | 'red' | 'grey', string> = {
  green: '00A651',
  yellow: 'F2B800',
  red: 'E0001B',
  grey: '9A9A9A',
};
const LIGHT_OF_ASSESSMENT: Record<AssessmentOrNone, keyof typeof LIGHT_FILL> = { full: 'green', partial: 'yellow', none: 'red', notAssessed: 'grey' };
const LIGHT_OF_STATUS: Record<IndicatorStatus, keyof typeof LIGHT_FILL> = { achieved: 'green', partial: 'yellow', notAchieved: 'red', notAssessed: 'grey' };
const HEADER_FILL = 'D9E1F2';
const FLAG_COLOR = '833C0B';
const FLAG_FILL = 'F8CBAD';

/** A4 portrait in twentieths of a point, 2 cm margins; the text is 17 cm wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };

export async function buildReportDocument(input: ReportDocumentInput): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(input));
}

export function reportDocument({ followup, template, charts, generatedAt }: ReportDocumentInput): Document {
  const texts = placeholderValues(followup, generatedAt);
  const fill = (pattern: string) => fillText(pattern, texts);
  const sheet = <K extends SheetTemplate['kind']>(kind: K) =>
    template.sheets.find((s): s is Extract<SheetTemplate, { kind: K }> => s.kind === kind) ?? null;

  const body: (Paragraph | Table)[] = [
    ...titleBlock(template.titleBlock.map(fill)),
    ...summaryPart(followup),
    // A månadsrapport follows up the budget alone: its template has no goal sheets, and the document no goal part.
    ...(sheet('summary') || sheet('indicators') ? goalPart(followup, sheet('indicators')?.columns ?? [], sheet('activities')?.columns ?? [], fill) : []),
    ...economyPart(followup, sheet('accounts'), sheet('operatingAreas'), fill),
  ];
  const header = new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: fill(template.footer), size: 18, color: '595959' })] })],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ['Sid ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'], size: 18 })],
      }),
    ],
  });
  const margin = { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin };
  // The charts are drawn for a landscape page, as in the workbook: a landscape section of their own.
  const chartSection = charts.length === 0
    ? []
    : [{
        properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE }, margin } },
        headers: { default: header },
        footers: { default: footer },
        children: chartPart(charts),
      }];

  return new Document({
    creator: followup.board.name,
    title: fill(template.title),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '000000' } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading4: { run: { font: FONT, size: 22, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin } },
        headers: { default: header },
        footers: { default: footer },
        children: body,
      },
      ...chartSection,
    ],
  });
}

function titleBlock(lines: string[]): Paragraph[] {
  return lines.map((line, i) =>
    i === 1
      ? new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(line)] })
      : new Paragraph({ children: [new TextRun({ text: line, bold: i === 0, size: i === 0 ? 28 : 22 })] }),
  );
}

function heading(text: string, level: 1 | 2 | 3 | 4): Paragraph {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
  return new Paragraph({ heading: levels[level - 1], children: [new TextRun(text)] });
}

/** A label line such as "Analys" or "Förväntat resultat" (bold, not a heading of the outline). */
function label(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text, bold: true })] });
}

/** A report text: its sub-headings as headings at `headingLevel`, bullets as bullet items. */
function textParagraphs(text: string | null, headingLevel: 3 | 4 = 4): Paragraph[] {
  return textBlocks(text).map((block) => {
    if (block.kind === 'heading') return heading(block.text, headingLevel);
    if (block.kind === 'bullet') return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(block.text)] });
    return new Paragraph({ children: [new TextRun(block.text)] });
  });
}

function summaryPart(followup: PeriodFollowup): Paragraph[] {
  if (!followup.texts.summary) return [];
  return [heading(DOCUMENT_HEADINGS.summary, 1), ...textParagraphs(followup.texts.summary)];
}

function goalPart(
  followup: PeriodFollowup,
  indicatorColumns: ColumnTemplate[],
  activityColumns: ColumnTemplate[],
  fill: (pattern: string) => string,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(DOCUMENT_HEADINGS.goals, 1)];
  const visit = (goal: GoalFollowup, depth: number) => {
    out.push(...goalBlock(goal, depth, indicatorColumns, activityColumns, fill));
    goal.children.forEach((child) => visit(child, depth + 1));
  };
  followup.goals.forEach((goal) => visit(goal, 0));
  return out;
}

/** One goal: level line, heading, bedömning with its light and flag, förväntat resultat, analysis, tables. */
function goalBlock(
  goal: GoalFollowup,
  depth: number,
  indicatorColumns: ColumnTemplate[],
  activityColumns: ColumnTemplate[],
  fill: (pattern: string) => string,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ keepNext: true, spacing: { before: depth === 0 ? 360 : 240, after: 0 }, children: [new TextRun({ text: `${goal.levelLabel}:`, color: '595959', size: 20 })] }),
    heading(`${goal.code} ${goal.name}`, depth === 0 ? 2 : 3),
  ];
  if (depth > 0 || goal.assessment !== 'notAssessed') out.push(assessmentLine(goal));
  if (goal.expectedResult) out.push(label('Förväntat resultat'), ...textParagraphs(goal.expectedResult));
  if (goal.analysis) out.push(label('Analys'), ...textParagraphs(goal.analysis));
  if (goal.indicators.length > 0) {
    const columns = indicatorColumns.filter((c) => INDICATOR_TABLE_FIELDS.includes(c.field));
    out.push(indicatorTable(goal.indicators, columns, fill), spacer());
    for (const indicator of goal.indicators) {
      if ((indicator.trendFlagTexts ?? []).length === 0) continue;
      out.push(new Paragraph({ spacing: { after: 120 }, children: [
        new TextRun({ text: `\u26a0 ${indicator.code} ${indicator.name}: ${indicator.trendFlagTexts!.join(', ')}`, bold: true, color: FLAG_COLOR, shading: { type: ShadingType.CLEAR, color: 'auto', fill: FLAG_FILL } }),
        new TextRun({ text: ` (${trendLine(indicator)})`, color: '595959', size: 20 }),
      ] }));
    }
    for (const indicator of goal.indicators) {
      if (!indicator.analysis) continue;
      out.push(label(`Analys – ${indicator.name}`), ...textParagraphs(indicator.analysis));
    }
  }
  if (goal.activities.length > 0) {
    const showComments = goal.activities.some((a) => a.comment);
    const columns = activityColumns.filter((c) => c.field !== 'goal' && (c.field !== 'comment' || showComments));
    out.push(activityTable(goal.activities, columns, fill), spacer());
  }
  return out;
}

/** An indicator's series as the flag line prints it: "2015 70,0 %, 2016 84,6 %, T1 2017 72,0 %; årsmål 85,0 %". */
function trendLine(indicator: IndicatorFollowup): string {
  const show = (v: number | null) => (v === null ? '–' : formatIndicatorValue(v, indicator.unit, indicator.decimals));
  const points = (indicator.history ?? []).map((p) => `${p.label} ${show(p.value)}`).join(', ');
  const target = indicator.annualTarget === null ? '' : `årsmål ${show(indicator.annualTarget)}`;
  return [points, target].filter(Boolean).join('; ');
}

/** "● Uppfylls helt" in its traffic-light colour, then either flag of SPEC 3.3 and what the indicators say. */
function assessmentLine(goal: GoalFollowup): Paragraph {
  const light = LIGHT_OF_ASSESSMENT[goal.assessment];
  const runs: TextRun[] = [
    new TextRun({ text: '\u25cf ', color: DOT_COLOR[light], size: 28 }),
    new TextRun({ text: goal.assessmentLabel, bold: true }),
  ];
  if (goal.flagText) {
    runs.push(new TextRun({ text: '  ' }), new TextRun({ text: `\u26a0 ${goal.flagText}`, bold: true, color: FLAG_COLOR, shading: { type: ShadingType.CLEAR, color: 'auto', fill: FLAG_FILL } }));
  }
  if (goal.flag || goal.indicators.length > 0 || goal.children.length > 0) {
    runs.push(new TextRun({ text: ` (indikatorernas bedömning: ${goal.suggestionLabel.toLowerCase()})`, color: '595959', size: 20 }));
  }
  return new Paragraph({ spacing: { after: 120 }, children: runs });
}

/** The indicator table of SPEC 4.1: Indikator … Status, from the template's indicator columns. */
const INDICATOR_TABLE_FIELDS = ['name', 'outcome', 'men', 'women', 'previousYearOutcome', 'forecast', 'annualTarget', 'councilTarget', 'period', 'status'];

function indicatorTable(indicators: IndicatorFollowup[], columns: ColumnTemplate[], fill: (p: string) => string): Table {
  const rows = indicators.map((indicator) =>
    columns.map((column): CellSpec => {
      switch (column.field) {
        case 'name': {
          const lower = indicator.direction === 'decrease' ? ` (${LOWER_IS_BETTER_TEXT})` : '';
          return { text: `${indicator.name}${lower}` };
        }
        case 'period':
          return { text: indicator.periodLabel };
        case 'status':
          return { text: indicator.statusLabel, fill: LIGHT_FILL[LIGHT_OF_STATUS[indicator.status]] };
        case 'annualTarget':
          return { text: formatIndicatorTarget(indicator.annualTarget, indicator.unit, indicator.decimals, indicator.tolerance), figure: true };
        case 'councilTarget':
          return { text: formatIndicatorTarget(indicator.councilTarget, indicator.unit, indicator.decimals, indicator.tolerance), figure: true };
        default: {
          const value = indicator[column.field as 'outcome' | 'men' | 'women' | 'previousYearOutcome' | 'forecast'];
          const flagged = indicator.genderGapFlagged && (column.field === 'men' || column.field === 'women');
          return { text: formatIndicatorValue(value ?? null, indicator.unit, indicator.decimals), figure: true, fill: flagged ? FLAG_FILL : undefined };
        }
      }
    }),
  );
  return table(columns.map((c) => fill(c.header)), rows, widthsOf(columns), columns.map((c) => c.field !== 'name' && c.field !== 'period' && c.field !== 'status'));
}

function activityTable(activities: ActivityFollowup[], columns: ColumnTemplate[], fill: (p: string) => string): Table {
  const rows = activities.map((activity) =>
    columns.map((column): CellSpec => {
      switch (column.field) {
        case 'name':
          return { text: activity.name };
        case 'startDate':
          return { text: activity.startDate };
        case 'endDate':
          return { text: activity.endDate };
        case 'deviation':
          // As the city's report: the column is empty unless there is an avvikelse.
          return activity.deviation ? { text: 'Ja', fill: FLAG_FILL } : { text: '' };
        default:
          return { text: activity.comment ?? '' };
      }
    }),
  );
  return table(columns.map((c) => fill(c.header)), rows, widthsOf(columns), columns.map(() => false));
}

function economyPart(
  followup: PeriodFollowup,
  accounts: Extract<SheetTemplate, { kind: 'accounts' }> | null,
  areas: Extract<SheetTemplate, { kind: 'operatingAreas' }> | null,
  fill: (pattern: string) => string,
): (Paragraph | Table)[] {
  const { budget, texts } = followup;
  const out: (Paragraph | Table)[] = [heading(DOCUMENT_HEADINGS.economy, 1)];
  if (accounts) {
    out.push(heading(DOCUMENT_HEADINGS.accounts, 2));
    out.push(new Paragraph({ children: [new TextRun({ text: `${accounts.guideRate.label} ${formatShare(budget.guideRate)}`, bold: true })] }));
    out.push(budgetTable(accountTableRows(budget.accountTable), accounts.columns.filter((c) => c.field !== 'comment'), fill), spacer());
  }
  out.push(...textParagraphs(texts.budgetComment, 3));
  if (areas) {
    out.push(heading(DOCUMENT_HEADINGS.areas, 2));
    // The comments follow the table under headings of their own, as in the city's report.
    const shown = areas.columns.filter((c) => c.field !== 'comment');
    const columns = visibleColumns(shown, { followup });
    const rows = operatingAreaTableRows(budget.operatingAreaTable, budget.forecastAccuracy);
    if (budget.reconciliation) {
      rows.push({
        label: 'Avstämningsdifferens',
        style: 'sum',
        members: null,
        values: { budget: budget.reconciliation.budget, forecast: budget.reconciliation.forecast },
      });
    }
    out.push(budgetTable(rows, columns, fill), spacer());
    if (budget.reconciliation) {
      out.push(new Paragraph({ children: [new TextRun({ text: 'Avstämningsdifferens: driftbudgetens netto minus Nämnden totalt (avrundningar i underlaget).', italics: true, size: 18 })] }));
    }
    const compliance = budget.budgetCompliance;
    if (compliance !== null) {
      out.push(new Paragraph({ children: [new TextRun({ text: `${areas.budgetCompliance.label} ${formatShare(compliance)}`, bold: true })] }));
    }
  }
  // A månadsrapport heads each comment with the justerad avvikelse, what the board reports after prestationsförändring and återredovisning.
  const monthly = isMonthPeriod(followup.period);
  for (const area of budget.areaComments) {
    const figure = monthly ? (area.adjustedDeviation ?? null) : area.deviation;
    const deviation = figure === null ? '' : ` ${formatDeviationMnkr(figure)}`;
    out.push(heading(`${area.name}${deviation}`, 3), ...textParagraphs(area.comment, 4));
  }
  out.push(...forecastSeriesPart(followup));
  out.push(...forecastReliabilityPart(followup));
  for (const section of texts.sections) {
    out.push(heading(section.heading, 2), ...textParagraphs(section.text, 3));
  }
  return out;
}

/** A budget table from the template's columns: amounts in mnkr with one decimal, shares in percent. */
/**
 * Årsprognos månad för månad: Nämnden totalt's prognos and avvikelse per period of the year
 * so far, then each verksamhetsområde's avvikelse per period, so that the board sees how
 * early a deficit was seen. Left out when fewer than two periods have a prognos.
 */
function forecastSeriesPart(followup: PeriodFollowup): (Paragraph | Table)[] {
  const series = followup.budget.forecastSeries ?? [];
  const total = series.at(-1);
  if (!total || total.points.length < 2) return [];
  const totalRows = total.points.map((p): CellSpec[] => [
    { text: p.label },
    { text: p.forecast === null ? '' : formatMnkr(p.forecast), figure: true },
    { text: p.deviation === null ? '' : formatMnkr(p.deviation), figure: true },
  ]);
  const labels = total.points.map((p) => p.label);
  const areaRows = series.map((line, i): CellSpec[] => {
    const bold = i === series.length - 1;
    return [{ text: line.name, bold }, ...line.points.map((p) => ({ text: p.deviation === null ? '' : formatMnkr(p.deviation), figure: true, bold }))];
  });
  const nameShare = 30;
  const periodShare = (100 - nameShare) / labels.length;
  return [
    heading(DOCUMENT_HEADINGS.forecastSeries, 2),
    new Paragraph({ children: [new TextRun({ text: 'Nämnden totalt: prognos helår och avvikelse mot budget (mnkr) vid varje period i år.', italics: true, size: 18 })] }),
    table(['Period', 'Prognos helår', 'Avvikelse'], totalRows, [30, 35, 35], [false, true, true]),
    spacer(),
    new Paragraph({ children: [new TextRun({ text: 'Avvikelse mot budget per verksamhetsområde (mnkr): plus är ett överskott, minus ett underskott.', italics: true, size: 18 })] }),
    table(['Verksamhetsområde', ...labels], areaRows, [nameShare, ...labels.map(() => periodShare)], [false, ...labels.map(() => true)]),
    spacer(),
  ];
}

/** A signed share as the reliability part prints it: +1,2 %, −0,3 %. */
function signedShare(fraction: number | null): string {
  if (fraction === null) return '';
  const text = formatShare(fraction);
  return fraction > 0 && text !== formatShare(0) ? `+${text}` : text;
}

/**
 * Prognossäkerhet (verksamhetsberättelse): Nämnden totalt's prognos of every earlier period
 * against the year's outcome, the difference and the prognossäkerhet in % of the budget,
 * then the indicators' T1 and T2 prognoses against their outcome. Left out when no earlier
 * period had a prognos.
 */
function forecastReliabilityPart(followup: PeriodFollowup): (Paragraph | Table)[] {
  const reliability = followup.forecastReliability;
  const total = reliability?.lines.at(-1);
  if (!reliability || ((total?.points.length ?? 0) === 0 && reliability.indicators.length === 0)) return [];
  const out: (Paragraph | Table)[] = [
    heading(DOCUMENT_HEADINGS.forecastReliability, 2),
    new Paragraph({ children: [new TextRun({ text: 'Prognossäkerhet = (prognos − utfall) / budget. Plus betyder att året slutade bättre än prognosen, minus sämre.', italics: true, size: 18 })] }),
  ];
  if (total && total.points.length > 0) {
    const rows = total.points.map((p): CellSpec[] => [
      { text: p.label },
      { text: formatMnkr(p.forecast), figure: true },
      { text: total.outcome === null ? '' : formatMnkr(total.outcome), figure: true },
      { text: formatMnkr(p.error), figure: true },
      { text: signedShare(p.errorShare), figure: true, bold: true },
    ]);
    out.push(table(['Period', 'Prognos netto (mnkr)', 'Utfall netto (mnkr)', 'Skillnad (mnkr)', 'Prognossäkerhet'], rows, [16, 21, 21, 21, 21], [false, true, true, true, true]), spacer());
  }
  if (reliability.indicators.length > 0) {
    const show = (i: (typeof reliability.indicators)[number], v: number | null) => (v === null ? '' : formatIndicatorValue(v, i.unit, i.decimals));
    const rows = reliability.indicators.map((i): CellSpec[] => {
      const of = (period: 'T1' | 'T2') => i.forecasts.find((f) => f.period === period) ?? null;
      return [
        { text: `${i.code} ${i.name}` },
        { text: show(i, i.annualTarget), figure: true },
        { text: show(i, of('T1')?.forecast ?? null), figure: true },
        { text: show(i, of('T2')?.forecast ?? null), figure: true },
        { text: show(i, i.outcome), figure: true },
        { text: signedShare(of('T1')?.errorShare ?? null), figure: true },
        { text: signedShare(of('T2')?.errorShare ?? null), figure: true },
      ];
    });
    out.push(
      new Paragraph({ children: [new TextRun({ text: 'Indikatorernas prognos helår i T1 och T2 mot utfallet; skillnaden i procent av årsmålet.', italics: true, size: 18 })] }),
      table(['Indikator', 'Årsmål', 'Prognos T1', 'Prognos T2', 'Utfall', 'Skillnad T1', 'Skillnad T2'], rows, [34, 11, 11, 11, 11, 11, 11], [false, true, true, true, true, true, true]),
      spacer(),
    );
  }
  return out;
}

function budgetTable(rows: BudgetTableRow[], columns: ColumnTemplate[], fill: (p: string) => string): Table {
  const kindOf = (c: ColumnTemplate) => (c.field === 'name' ? 'text' : valueKindOf('operatingAreas', c.field) ?? valueKindOf('accounts', c.field));
  const cells = rows.map((row) =>
    columns.map((column): CellSpec => {
      const bold = row.style !== 'line';
      if (column.field === 'name') return { text: row.label, bold, fill: row.style === 'line' ? undefined : 'F2F2F2' };
      const value = row.values[column.field as keyof BudgetTableRow['values']] ?? null;
      const kind = kindOf(column);
      const text = value === null ? '' : kind === 'rate' ? formatShare(value) : formatMnkr(value);
      return { text, bold, figure: true, fill: row.style === 'line' ? undefined : 'F2F2F2' };
    }),
  );
  // Amounts such as "−2 064,6" in bold need a little more room than an indicator's value.
  return table(columns.map((c) => fill(c.header)), cells, widthsOf(columns, BUDGET_FIGURE_SHARE), columns.map((c) => c.field !== 'name'));
}

/** A share as the budget part prints it: 0.3333 → "33,3 %". */
function formatShare(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)}\u00a0%`;
}

/** The landscape page's room for a chart, in pixels at 96 dpi: the text width, and the height below the heading. */
const CHART_BOX = {
  width: Math.round(((PAGE.height - 2 * PAGE.margin) / 1440) * 96),
  height: Math.round(((PAGE.width - 2 * PAGE.margin) / 1440) * 96) - 70,
};

/** The charts, one per landscape page, each as large as the page allows. */
function chartPart(charts: RenderedChart[]): Paragraph[] {
  return charts.flatMap((chart, i) => {
    const scale = Math.min(CHART_BOX.width / chart.width, CHART_BOX.height / chart.height, 1);
    const width = Math.round(chart.width * scale);
    const height = Math.round(chart.height * scale);
    return [
      ...(i > 0 ? [new Paragraph({ children: [new PageBreak()] })] : []),
      // The chart carries its own title; the part heading makes the charts findable in the outline.
      ...(i === 0 ? [heading(DOCUMENT_HEADINGS.charts, 1)] : []),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: chart.title, title: chart.title, description: chart.title } })] }),
    ];
  });
}

interface CellSpec {
  text: string;
  figure?: boolean;
  bold?: boolean;
  fill?: string;
}

/**
 * Column widths in percent of the page on portrait A4: the text column (an indicator's or
 * activity's name, a budget line) takes what the figure columns leave, which get the
 * share their content needs (dates and labels a little more than a figure).
 */
const FIXED_SHARE: Record<string, number> = { startDate: 13, endDate: 13, deviation: 11, period: 9, status: 10, comment: 22 };
const FIGURE_SHARE = 8.5;

const BUDGET_FIGURE_SHARE = 10;

function widthsOf(columns: ColumnTemplate[], figureShare = FIGURE_SHARE): number[] {
  const shareOf = (c: ColumnTemplate) => (c.field === 'name' ? 0 : (FIXED_SHARE[c.field] ?? figureShare));
  const fixed = columns.reduce((sum, c) => sum + shareOf(c), 0);
  const nameShare = Math.max(20, 100 - fixed);
  const total = fixed + nameShare;
  return columns.map((c) => ((c.field === 'name' ? nameShare : shareOf(c)) / total) * 100);
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8EA9DB' };

/** A real Word table: the header row repeated on every page, rows never split across pages. */
function table(headers: string[], rows: CellSpec[][], widths: number[], figure: boolean[]): Table {
  const cell = (spec: CellSpec, width: number, header: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : spec.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: spec.fill } : undefined,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [
        new Paragraph({
          spacing: { after: 0 },
          alignment: spec.figure ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: spec.text, bold: header || spec.bold, size: header ? 15 : 18 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell({ text: h, figure: figure[i] }, widths[i], true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((spec, i) => cell(spec, widths[i], false)) })),
    ],
  });
}

/** A little air below a table, as Word's own tables get from the next paragraph's spacing. */
function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 0 }, children: [] });
}
