import type { Cell, Row, Workbook } from 'exceljs';
import { clean } from '../common/decimal';
import { decimalsOf, formatNumber, UNIT_LABELS, UNIT_NAMES } from '../common/vocabulary';
import { ActivityFollowup, GoalFollowup, IndicatorFollowup, PeriodFollowup } from '../followup/period-followup';
import { swedishDate } from './report-text';
import { COLORS, paintAssessment, paintFlaggedCell, paintStatus, setFont } from './report-styles';
import { ActivitySheetTemplate, ColumnTemplate, IndicatorSheetTemplate, SummarySheetTemplate } from './report-template';
import {
  addAutoFilter,
  addReportSheet,
  emphasizeRow,
  fillRow,
  fitRowHeight,
  ReportContext,
  setDate,
  setNumber,
  setText,
  writeHeaderRow,
} from './sheet-layout';

/*
 * The goal sheets: Sammanfattning (every goal with its bedömning), Mål och indikatorer
 * (every indicator under its goal) and Aktiviteter. Goals come in tree order, which is the
 * order of the plan and of the city's report.
 */

interface PlacedGoal {
  goal: GoalFollowup;
  /** 0 for a KF:s inriktningsmål, 1 for a KF:s mål för verksamhetsområdet, 2 for a nämndmål. */
  depth: number;
}

function goalsInTreeOrder(goals: GoalFollowup[], depth = 0): PlacedGoal[] {
  return goals.flatMap((goal) => [{ goal, depth }, ...goalsInTreeOrder(goal.children, depth + 1)]);
}

/**
 * The goal an indicator or activity belongs to, "1.2.a Barn som far illa …", on every row
 * so that the sheet can be filtered; greyed after the group's first row so that the
 * groups stand out.
 */
function setGoalHeading(cell: Cell, goal: GoalFollowup, repeated: boolean): void {
  setText(cell, `${goal.code} ${goal.name}`);
  if (repeated) setFont(cell, { color: { argb: COLORS.repeatedText } });
}

/** Sammanfattning: one row per goal of all three levels, with bedömning, the indicators' view and the over-positive flag. */
export function writeSummarySheet(workbook: Workbook, template: SummarySheetTemplate, ctx: ReportContext): void {
  const { sheet, nextRow: headerRow } = addReportSheet(workbook, template.name, ctx);
  // The period's place in the workflow, on the free line above the table (SPEC 7: who approved it, when).
  sheet.getCell(headerRow - 1, 1).value = workflowLine(ctx.followup);
  writeHeaderRow(sheet, 'summary', headerRow, template.columns, ctx);
  const goals = goalsInTreeOrder(ctx.followup.goals);
  goals.forEach(({ goal, depth }, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    if (goal.flag) fillRow(row, template.columns.length, COLORS.flaggedRow);
    if (depth === 0) emphasizeRow(row, template.columns.length, { bold: true, line: 'thin' });
    template.columns.forEach((column, c) => writeSummaryCell(row, c + 1, column, goal, depth));
    fitRowHeight(row, template.columns);
  });
  addAutoFilter(sheet, headerRow, headerRow + goals.length, template.columns.length);
}

/** "Status: Godkänd av maria.chef 23 november 2026", "Status: Inlämnad av …", "Status: Öppen". */
export function workflowLine(followup: PeriodFollowup): string {
  if (!followup.state) return '';
  if (followup.state === 'approved' && followup.approvedAt) {
    return `Status: ${followup.stateLabel} av ${followup.approvedBy ?? 'okänd'} ${swedishDate(new Date(followup.approvedAt))}`;
  }
  if (followup.state === 'submitted' && followup.submittedAt) {
    return `Status: ${followup.stateLabel} av ${followup.submittedBy ?? 'okänd'} ${swedishDate(new Date(followup.submittedAt))}`;
  }
  return `Status: ${followup.stateLabel}`;
}

function writeSummaryCell(row: Row, col: number, column: ColumnTemplate, goal: GoalFollowup, depth: number): void {
  const cell = row.getCell(col);
  switch (column.field) {
    case 'level':
      return setText(cell, goal.levelLabel);
    case 'code':
      return setText(cell, goal.code);
    case 'name':
      return setText(cell, goal.name, depth * 2);
    case 'assessment':
      setText(cell, goal.assessmentLabel);
      return paintAssessment(cell, goal.assessment);
    case 'suggestion':
      setText(cell, goal.suggestionLabel);
      return paintAssessment(cell, goal.suggestion);
    case 'divergence':
      setText(cell, goal.flagText);
      if (goal.flag) paintFlaggedCell(cell);
      return;
    case 'analysis':
      return setText(cell, cellText(goal.analysis));
  }
}

/** Excel holds at most 32 767 characters in a cell; a longer text is cut with a note where to read it whole. */
const CELL_TEXT_LIMIT = 32_000;

function cellText(text: string | null): string | null {
  if (text === null || text.length <= CELL_TEXT_LIMIT) return text;
  return `${text.slice(0, CELL_TEXT_LIMIT)} … (texten fortsätter i rapportens Word-dokument)`;
}

/** Mål och indikatorer: one row per indicator, grouped under its goal in tree order, with status and könsskillnad. */
export function writeIndicatorSheet(workbook: Workbook, template: IndicatorSheetTemplate, ctx: ReportContext): void {
  writeGroupedSheet(workbook, template.name, 'indicators', template.columns, ctx, {
    itemsOf: (goal) => goal.indicators,
    flagged: (indicator) => indicator.genderGapFlagged,
    writeRow: (row, goal, indicator, repeated) => {
      const numFmt = indicatorNumFmt(template, indicator);
      template.columns.forEach((column, c) => writeIndicatorCell(row, c + 1, column, goal, indicator, numFmt, repeated));
    },
  });
}

/** How a sheet of items grouped under their goals (indicators, activities) writes its rows. */
interface GroupedRows<T> {
  itemsOf: (goal: GoalFollowup) => T[];
  /** Rows highlighted as a whole (a flagged gender gap, an avvikelse). */
  flagged: (item: T) => boolean | null;
  /** Writes the row's cells; `repeated` is false on the first row of a goal's group. */
  writeRow: (row: Row, goal: GoalFollowup, item: T, repeated: boolean) => void;
}

/**
 * A sheet with one row per item, grouped under its goal in tree order: header, a line
 * above each goal's group, flagged rows filled, row heights fitted and an auto filter.
 */
function writeGroupedSheet<T>(
  workbook: Workbook,
  name: string,
  kind: 'indicators' | 'activities',
  columns: ColumnTemplate[],
  ctx: ReportContext,
  rows: GroupedRows<T>,
): void {
  const { sheet, nextRow: headerRow } = addReportSheet(workbook, name, ctx);
  writeHeaderRow(sheet, kind, headerRow, columns, ctx);
  let rowNumber = headerRow;
  for (const { goal } of goalsInTreeOrder(ctx.followup.goals)) {
    rows.itemsOf(goal).forEach((item, i) => {
      const row = sheet.getRow(++rowNumber);
      if (rows.flagged(item)) fillRow(row, columns.length, COLORS.flaggedRow);
      if (i === 0) emphasizeRow(row, columns.length, { bold: false, line: 'thin' });
      rows.writeRow(row, goal, item, i > 0);
      fitRowHeight(row, columns);
    });
  }
  addAutoFilter(sheet, headerRow, rowNumber, columns.length);
}

const INDICATOR_VALUE_FIELDS = ['outcome', 'men', 'women', 'previousYearOutcome', 'forecast', 'annualTarget', 'councilTarget'] as const;

function writeIndicatorCell(
  row: Row,
  col: number,
  column: ColumnTemplate,
  goal: GoalFollowup,
  indicator: IndicatorFollowup,
  numFmt: string,
  repeated: boolean,
): void {
  const cell = row.getCell(col);
  switch (column.field) {
    case 'goal':
      return setGoalHeading(cell, goal, repeated);
    case 'name':
      return setText(cell, indicator.name);
    case 'period':
      return setText(cell, indicator.periodLabel);
    case 'status':
      setText(cell, indicator.statusLabel);
      return paintStatus(cell, indicator.status);
    case 'genderGap':
      setNumber(cell, cellValue(indicator, indicator.genderGap), numFmt);
      if (indicator.genderGapFlagged) paintFlaggedCell(cell);
      return;
    case 'code':
      return setText(cell, indicator.code);
    case 'unit':
      return setText(cell, UNIT_NAMES[indicator.unit]);
    case 'analysis':
      return setText(cell, cellText(indicator.analysis));
    case 'annualTarget':
    case 'councilTarget': {
      const target = indicator[column.field];
      return setNumber(cell, cellValue(indicator, target), targetNumFmt(indicator, target, numFmt));
    }
    default:
      setNumber(cell, cellValue(indicator, indicator[column.field as (typeof INDICATOR_VALUE_FIELDS)[number]]), numFmt);
  }
}

/** An indicator value as the cell holds it: percent as a fraction (85 → 0.85), the rest as written. */
function cellValue(indicator: IndicatorFollowup, value: number | null): number | null {
  if (value === null) return null;
  return indicator.unit === 'percent' ? clean(value / 100) : value;
}

/** The unit's format with the indicator's own number of decimals, so 90 % and 5,1 % read as written, each consistently. */
function indicatorNumFmt(template: IndicatorSheetTemplate, indicator: IndicatorFollowup): string {
  const formats = template.indicatorFormats[indicator.unit];
  return formats[Math.min(indicator.decimals, formats.length - 1)];
}

/**
 * A range indicator's target as the report prints it: "±1 %" around 0, "100 % ±1 %"
 * otherwise. The cell keeps the target as its number; the format adds the tolerance.
 */
function targetNumFmt(indicator: IndicatorFollowup, target: number | null, numFmt: string): string {
  if (indicator.tolerance === null || target === null) return numFmt;
  const band = `±${formatNumber(indicator.tolerance, decimalsOf(indicator.tolerance))} ${UNIT_LABELS[indicator.unit]}`;
  return target === 0 ? `"${band}"` : `${numFmt}" ${band}"`;
}

/** Aktiviteter: one row per activity, under its goal in tree order, with dates and avvikelse. */
export function writeActivitySheet(workbook: Workbook, template: ActivitySheetTemplate, ctx: ReportContext): void {
  writeGroupedSheet(workbook, template.name, 'activities', template.columns, ctx, {
    itemsOf: (goal) => goal.activities,
    flagged: (activity) => activity.deviation,
    writeRow: (row, goal, activity, repeated) =>
      template.columns.forEach((column, c) => writeActivityCell(row, c + 1, column, goal, activity, repeated)),
  });
}

/**
 * "Ja" for an activity with avvikelse; as in the city's report the column stays empty
 * otherwise, so that the few avvikelser stand out instead of pages of "Nej".
 */
const DEVIATION_TEXT = { true: 'Ja', false: null };

function writeActivityCell(
  row: Row,
  col: number,
  column: ColumnTemplate,
  goal: GoalFollowup,
  activity: ActivityFollowup,
  repeated: boolean,
): void {
  const cell = row.getCell(col);
  switch (column.field) {
    case 'goal':
      return setGoalHeading(cell, goal, repeated);
    case 'name':
      return setText(cell, activity.name);
    case 'startDate':
      return setDate(cell, isoDate(activity.startDate), column.numFmt!);
    case 'endDate':
      return setDate(cell, isoDate(activity.endDate), column.numFmt!);
    case 'deviation':
      setText(cell, activity.deviation === null ? null : DEVIATION_TEXT[`${activity.deviation}`]);
      if (activity.deviation) paintFlaggedCell(cell);
      return;
    case 'comment':
      return setText(cell, activity.comment);
  }
}

/** A "2017-01-01" date as the Date Excel stores (midnight UTC, so no time zone moves the day). */
function isoDate(text: string): Date {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}
