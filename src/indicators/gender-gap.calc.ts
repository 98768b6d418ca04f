import { clean } from '../common/decimal';
import { IndicatorRule, indicatorStatus } from './indicator-status.calc';

/** Result of the gender analysis of one könsuppdelad indicator in one period. */
export interface GenderAnalysis {
  /** kvinnor/flickor − män/pojkar (percentage points for percent indicators); null when not both are reported. */
  gap: number | null;
  /**
   * Könsskillnad: one of the two groups meets the årsmål and the other does not, such as
   * the girls' result below the target while the total meets it.
   */
  flagged: boolean;
}

/** SPEC 3.2: the gap and whether it crosses the årsmål. Only for genderSplit indicators with both values. */
export function genderAnalysis(
  rule: IndicatorRule & { genderSplit: boolean },
  values: { men: number | null; women: number | null },
): GenderAnalysis {
  if (!rule.genderSplit || values.men === null || values.women === null) {
    return { gap: null, flagged: false };
  }
  const menMeet = indicatorStatus(rule, values.men) === 'achieved';
  const womenMeet = indicatorStatus(rule, values.women) === 'achieved';
  // Stryker disable next-line ConditionalExpression: equivalent; without an årsmål neither group is Uppnås, so the two never differ.
  const assessable = rule.annualTarget !== null;
  return { gap: clean(values.women - values.men), flagged: assessable && menMeet !== womenMeet };
}
