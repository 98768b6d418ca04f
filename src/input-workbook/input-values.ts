import { kronorToMnkr } from '../common/money';
import { isMonthPeriod } from '../common/period';
import { ASSESSMENT_LABELS } from '../goals/goal-assessment.calc';
import { allGoals, PeriodFollowup } from '../followup/period-followup';
import { NO, YES } from './input-workbook.layout';

/** A row of a sheet as plain values by column key (amounts in mnkr). */
export type InputRow = Record<string, string | number | null>;

/** What the input workbook shows of a period: the rows of each sheet, prefilled with what is saved. */
export interface InputValues {
  board: { code: string; name: string };
  year: number;
  period: string;
  title: string;
  indicators: InputRow[] | null;
  goals: InputRow[] | null;
  activities: InputRow[] | null;
  areas: InputRow[];
  accounts: InputRow[];
  texts: { summary: string | null; budgetComment: string | null; sections: { heading: string; text: string }[] };
}

const mnkr = (kronor: number | null | undefined) => (kronor === null || kronor === undefined ? null : kronorToMnkr(kronor));

/**
 * The computed follow-up as the input workbook's rows. A månadsrapport has no indicators,
 * goals or activities (SPEC 2.2): those sheets are left out (null).
 */
export function inputValuesOf(followup: PeriodFollowup): InputValues {
  const monthly = isMonthPeriod(followup.period);
  const goals = allGoals(followup.goals);
  const comments = new Map(followup.budget.areaComments.map((c) => [c.name, c.comment]));
  const accountRows = [...followup.budget.accountTable.revenues, ...followup.budget.accountTable.costs];
  return {
    board: followup.board,
    year: followup.year,
    period: followup.period,
    title: followup.title,
    indicators: monthly
      ? null
      : goals.flatMap((goal) =>
          goal.indicators.map((i) => ({
            code: i.code, name: i.name, goal: goal.code, unit: i.unit, genderSplit: i.genderSplit ? YES : NO,
            annualTarget: i.annualTarget, councilTarget: i.councilTarget, previousYearOutcome: i.previousYearOutcome,
            outcome: i.outcome, men: i.genderSplit ? i.men : null, women: i.genderSplit ? i.women : null, forecast: i.forecast, analysis: i.analysis,
          })),
        ),
    goals: monthly
      ? null
      : goals
          .filter((g) => g.level !== 'councilAim')
          .map((g) => ({
            code: g.code, level: g.levelLabel, name: g.name, expectedResult: g.expectedResult, suggestion: ASSESSMENT_LABELS[g.suggestion],
            assessment: g.assessment === 'notAssessed' ? null : ASSESSMENT_LABELS[g.assessment], analysis: g.analysis,
          })),
    activities: monthly
      ? null
      : goals.flatMap((g) =>
          g.activities.map((a) => ({
            code: a.code, name: a.name, startDate: a.startDate, endDate: a.endDate,
            deviation: a.deviation === null ? null : a.deviation ? YES : NO, comment: a.comment,
          })),
        ),
    areas: followup.budget.operatingAreaTable.rows.map((a) => ({
      name: a.name, budget: mnkr(a.budget), forecast: mnkr(a.forecast), adjustment: mnkr(a.adjustment),
      volumeChange: mnkr(a.volumeChange), returned: mnkr(a.returned), comment: comments.get(a.name) ?? null,
    })),
    accounts: accountRows.map((g) => ({
      name: g.name, budget: mnkr(g.budget), actual: mnkr(g.actual), forecast: mnkr(g.forecast),
      previousYearBudget: mnkr(g.previousYearBudget), previousYearActual: mnkr(g.previousYearActual),
    })),
    texts: { summary: followup.texts.summary, budgetComment: followup.texts.budgetComment, sections: followup.texts.sections },
  };
}
