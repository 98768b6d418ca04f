import { clean } from '../common/decimal';
import { IndicatorStatus, indicatorStatus } from '../indicators/indicator-status.calc';
import { Direction, IndicatorUnit } from '../indicators/indicator.entity';
import { ASSESSMENT_LABELS, AssessmentOrNone } from '../goals/goal-assessment.calc';

/*
 * Comparison between boards (issue 10): the stadsdelsnämnder report the same KF indicators,
 * and readers ask for "likvärdighet mellan stadsdelarna". For one indicator code in one
 * year and period: each board's value, its women/men gap, whether it misses the KF:s
 * årsmål, and the spread across boards (min, median, max). Pure.
 */

/** One board's indicator as its follow-up gives it. */
export interface BoardIndicator {
  board: { code: string; name: string };
  name: string;
  unit: IndicatorUnit;
  direction: Direction;
  decimals: number;
  tolerance: number | null;
  /** The value held against the targets: prognos helår in T1/T2, the outcome in the VB. */
  value: number | null;
  men: number | null;
  women: number | null;
  /** Kvinnor − män, as the follow-up computes it; null without both. */
  genderGap: number | null;
  annualTarget: number | null;
  councilTarget: number | null;
}

export interface ComparisonRow {
  board: { code: string; name: string };
  value: number | null;
  men: number | null;
  women: number | null;
  genderGap: number | null;
  annualTarget: number | null;
  councilTarget: number | null;
  /** The value against KF:s årsmål (Uppnås … Ej bedömd). */
  councilStatus: IndicatorStatus;
  /** True when the value does not reach KF:s årsmål; null without a value or a KF target. */
  missesCouncilTarget: boolean | null;
}

export interface BoardComparison {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: Direction;
  decimals: number;
  /** Boards in the order of their codes. */
  rows: ComparisonRow[];
  min: number | null;
  median: number | null;
  max: number | null;
  /** The boards whose value misses KF:s årsmål. */
  missing: string[];
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : clean((sorted[middle - 1] + sorted[middle]) / 2);
}

/** One indicator code across the boards that report it. The name and unit are the first board's (by code). */
export function compareBoards(code: string, boards: BoardIndicator[]): BoardComparison | null {
  if (boards.length === 0) return null;
  const sorted = [...boards].sort((a, b) => a.board.code.localeCompare(b.board.code, 'sv'));
  const rows = sorted.map((b): ComparisonRow => {
    const councilStatus = indicatorStatus(
      { direction: b.direction, annualTarget: b.councilTarget, tolerance: b.tolerance, partialThreshold: null },
      b.value,
    );
    return {
      board: b.board,
      value: b.value,
      men: b.men,
      women: b.women,
      genderGap: b.genderGap,
      annualTarget: b.annualTarget,
      councilTarget: b.councilTarget,
      councilStatus,
      missesCouncilTarget: councilStatus === 'notAssessed' ? null : councilStatus !== 'achieved',
    };
  });
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const first = sorted[0];
  return {
    code,
    name: first.name,
    unit: first.unit,
    direction: first.direction,
    decimals: Math.max(...sorted.map((b) => b.decimals)),
    rows,
    min: values.length > 0 ? Math.min(...values) : null,
    median: median(values),
    max: values.length > 0 ? Math.max(...values) : null,
    missing: rows.filter((r) => r.missesCouncilTarget === true).map((r) => r.board.code),
  };
}

/** One board's bedömning of a KF goal, as its follow-up gives it. */
export interface BoardGoal {
  board: { code: string; name: string };
  name: string;
  assessment: AssessmentOrNone;
  suggestion: AssessmentOrNone;
  flagText: string | null;
}

export interface GoalComparisonRow {
  board: { code: string; name: string };
  assessment: AssessmentOrNone;
  assessmentLabel: string;
  suggestion: AssessmentOrNone;
  suggestionLabel: string;
  flagText: string | null;
}

export interface GoalComparison {
  code: string;
  name: string;
  rows: GoalComparisonRow[];
  /** How many boards gave each bedömning. */
  counts: Record<AssessmentOrNone, number>;
  /** The boards whose bedömning carries a flag of SPEC 3.3. */
  flagged: string[];
}

/** One KF goal across the boards that assess it: each board's bedömning beside what its indicators say. */
export function compareCouncilGoal(code: string, boards: BoardGoal[]): GoalComparison | null {
  if (boards.length === 0) return null;
  const sorted = [...boards].sort((a, b) => a.board.code.localeCompare(b.board.code, 'sv'));
  const counts: Record<AssessmentOrNone, number> = { full: 0, partial: 0, none: 0, notAssessed: 0 };
  for (const b of sorted) counts[b.assessment] += 1;
  return {
    code,
    name: sorted[0].name,
    rows: sorted.map((b) => ({
      board: b.board,
      assessment: b.assessment,
      assessmentLabel: ASSESSMENT_LABELS[b.assessment],
      suggestion: b.suggestion,
      suggestionLabel: ASSESSMENT_LABELS[b.suggestion],
      flagText: b.flagText,
    })),
    counts,
    flagged: sorted.filter((b) => b.flagText !== null).map((b) => b.board.code),
  };
}
