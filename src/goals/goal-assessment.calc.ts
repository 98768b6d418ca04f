import { AssessmentFlag, FLAG_TEXTS } from '../common/vocabulary';
import { IndicatorStatus } from '../indicators/indicator-status.calc';
import { Assessment } from './goal-assessment.entity';

/** A goal's bedömning, or Ej bedömd when there is none. */
export type AssessmentOrNone = Assessment | 'notAssessed';

export const ASSESSMENT_LABELS: Record<AssessmentOrNone, string> = {
  full: 'Uppfylls helt',
  partial: 'Uppfylls delvis',
  none: 'Uppfylls inte',
  notAssessed: 'Ej bedömd',
};

/** A sub-goal's suggestion counts as the matching indicator status: helt = Uppnås, and so on. */
const STATUS_OF_ASSESSMENT: Record<AssessmentOrNone, IndicatorStatus> = {
  full: 'achieved',
  // Stryker disable next-line StringLiteral: equivalent; suggestAssessment tells apart only Uppnås, Uppnås inte and Ej bedömd, so any other value counts as delvis.
  partial: 'partial',
  none: 'notAchieved',
  notAssessed: 'notAssessed',
};

/**
 * SPEC 3.3: what the indicators (and, for a KF goal, its nämndmål's suggestions) say about
 * a goal. All assessed ones Uppnås → Uppfylls helt; none Uppnås and at least one Uppnås
 * inte → Uppfylls inte; otherwise, when any is assessed, Uppfylls delvis; nothing assessed
 * (Ej bedömd) → Ej bedömd.
 */
export function suggestAssessment(
  indicatorStatuses: IndicatorStatus[],
  subGoalSuggestions: AssessmentOrNone[] = [],
): AssessmentOrNone {
  const assessed = [...indicatorStatuses, ...subGoalSuggestions.map((s) => STATUS_OF_ASSESSMENT[s])].filter(
    (s) => s !== 'notAssessed',
  );
  if (assessed.length === 0) return 'notAssessed';
  if (assessed.every((s) => s === 'achieved')) return 'full';
  if (!assessed.includes('achieved') && assessed.includes('notAchieved')) return 'none';
  return 'partial';
}

const RANK: Record<Assessment, number> = { none: 1, partial: 2, full: 3 };

/**
 * "Bedömningen är mer positiv än indikatorerna": the board's own bedömning is better than
 * what its indicators carry, so that auditors see green dots the figures do not support.
 * Nothing to flag when either side is Ej bedömd.
 */
export function isMorePositiveThanIndicators(own: AssessmentOrNone, suggestion: AssessmentOrNone): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent; RANK has no Ej bedömd, and a comparison with undefined is false. The guard says the rule in words.
  if (own === 'notAssessed' || suggestion === 'notAssessed') return false;
  return RANK[own] > RANK[suggestion];
}

export const MORE_POSITIVE_TEXT = FLAG_TEXTS.morePositive;

/**
 * "Bedömningen saknar stöd i indikatorerna": the board says Uppfylls helt or delvis, but no
 * indicator or sub-goal with an assessed value carries the goal (the suggestion is Ej
 * bedömd). An Uppfylls inte needs no backing to be believed, so it is never flagged.
 */
export function lacksIndicatorSupport(own: AssessmentOrNone, suggestion: AssessmentOrNone): boolean {
  return (own === 'full' || own === 'partial') && suggestion === 'notAssessed';
}

/** Which flag of SPEC 3.3, if any, a goal's bedömning carries; the two never apply together. */
export function assessmentFlag(own: AssessmentOrNone, suggestion: AssessmentOrNone): AssessmentFlag | null {
  if (isMorePositiveThanIndicators(own, suggestion)) return 'morePositive';
  if (lacksIndicatorSupport(own, suggestion)) return 'unsupported';
  return null;
}
