import { FieldError, joinPath } from '../common/domain-error';
import { isMonthPeriod, isPeriod, periodName } from '../common/period';
import { checkIndicatorValues, IndicatorShape } from '../indicators/indicator-values.rules';
import { FollowupDocumentDto } from './dto/followup-document.dto';
import { checkAmount, duplicateErrors } from './plan-rules';

/** What the year's plan defines, which a follow-up document may refer to. */
export interface PlanFacts {
  planName: string;
  indicators: Map<string, IndicatorShape>;
  goalCodes: Set<string>;
  activityCodes: Set<string>;
  operatingAreaNames: Set<string>;
  accountGroupNames: Set<string>;
}

/**
 * The rules of a follow-up document that need its plan: every code and name must be one
 * the plan defines, once; män/kvinnor only on könsuppdelade indicators; shares within
 * 0–100; amounts in whole kronor. Pure: the document and the plan in, the problems out.
 */
export function checkFollowup(doc: FollowupDocumentDto, plan: PlanFacts): FieldError[] {
  const errors: FieldError[] = [];
  const unknown = (path: string, what: string, key: string) =>
    errors.push({ path, message: `${what} "${key}" finns inte i ${plan.planName}.` });

  errors.push(...monthlyContentErrors(doc));

  const indicators = doc.indicators ?? [];
  errors.push(
    ...duplicateErrors(
      indicators.map((r, i) => ({ key: r.code, path: `indicators[${i}].code` })),
      (code, first) => `Indikatorn "${code}" förekommer redan (${first}).`,
    ),
  );
  indicators.forEach((row, i) => {
    const indicator = plan.indicators.get(row.code);
    if (!indicator) return unknown(`indicators[${i}].code`, 'Indikatorn', row.code);
    errors.push(...checkIndicatorValues(indicator, row, `indicators[${i}]`));
  });

  const goals = doc.goals ?? [];
  errors.push(
    ...duplicateErrors(
      goals.map((r, i) => ({ key: r.code, path: `goals[${i}].code` })),
      (code, first) => `Målet "${code}" förekommer redan (${first}).`,
    ),
  );
  goals.forEach((row, i) => {
    if (!plan.goalCodes.has(row.code)) unknown(`goals[${i}].code`, 'Målet', row.code);
  });

  const activities = doc.activities ?? [];
  errors.push(
    ...duplicateErrors(
      activities.map((r, i) => ({ key: r.code, path: `activities[${i}].code` })),
      (code, first) => `Aktiviteten "${code}" förekommer redan (${first}).`,
    ),
  );
  activities.forEach((row, i) => {
    if (!plan.activityCodes.has(row.code)) unknown(`activities[${i}].code`, 'Aktiviteten', row.code);
  });

  // Stryker disable next-line ArrayDeclaration: equivalent; a document without sections has none twice, and one made-up entry cannot be a duplicate.
  const sections = doc.sections ?? [];
  errors.push(
    ...duplicateErrors(
      sections.map((section, i) => ({ key: section.heading, path: `sections[${i}].heading` })),
      (heading, first) => `Avsnittet "${heading}" förekommer redan (${first}).`,
    ),
  );

  if (doc.budget) {
    const { unit } = doc.budget;
    const areas = doc.budget.operatingAreas ?? [];
    const groups = doc.budget.accountGroups ?? [];
    errors.push(
      ...duplicateErrors(
        areas.map((a, i) => ({ key: a.name, path: `budget.operatingAreas[${i}].name` })),
        (name, first) => `Verksamhetsområdet "${name}" förekommer redan (${first}).`,
      ),
      ...duplicateErrors(
        groups.map((g, i) => ({ key: g.name, path: `budget.accountGroups[${i}].name` })),
        (name, first) => `Kontogruppen "${name}" förekommer redan (${first}).`,
      ),
    );
    areas.forEach((area, i) => {
      const path = `budget.operatingAreas[${i}]`;
      if (!plan.operatingAreaNames.has(area.name)) unknown(joinPath(path, 'name'), 'Verksamhetsområdet', area.name);
      errors.push(...checkAmount(area.forecast, unit, joinPath(path, 'forecast')));
      errors.push(...checkAmount(area.adjustment, unit, joinPath(path, 'adjustment')));
      errors.push(...checkAmount(area.volumeChange, unit, joinPath(path, 'volumeChange')));
      errors.push(...checkAmount(area.returned, unit, joinPath(path, 'returned')));
    });
    groups.forEach((group, i) => {
      const path = `budget.accountGroups[${i}]`;
      if (!plan.accountGroupNames.has(group.name)) unknown(joinPath(path, 'name'), 'Kontogruppen', group.name);
      for (const field of ['actual', 'forecast', 'previousYearBudget', 'previousYearActual'] as const) {
        errors.push(...checkAmount(group[field], unit, joinPath(path, field)));
      }
    });
  }
  return errors;
}

const NOT_IN_A_MONTH: { key: 'indicators' | 'goals' | 'activities'; what: string }[] = [
  { key: 'indicators', what: 'indikatorer' },
  { key: 'goals', what: 'mål och bedömningar' },
  { key: 'activities', what: 'aktiviteter' },
];

/**
 * A månadsrapport (M01–M12) follows up the budget and carries texts, nothing else: any
 * indicator, goal or activity in it is refused, each list by its own path.
 */
export function monthlyContentErrors(doc: Pick<FollowupDocumentDto, 'period' | 'year' | 'indicators' | 'goals' | 'activities'>): FieldError[] {
  if (!isPeriod(doc.period) || !isMonthPeriod(doc.period)) return [];
  return NOT_IN_A_MONTH.filter(({ key }) => (doc[key] ?? []).length > 0).map(({ key, what }) => ({
    path: key,
    message: `En månadsrapport (${doc.period}, ${periodName(doc.period, doc.year)}) följer bara upp budgeten och har bara texter; den kan inte ha ${what}. Ta bort "${key}" eller ange en tertialperiod (T1, T2, VB).`,
  }));
}
