import { FieldError, joinPath } from '../common/domain-error';
import { AmountUnit, KRONOR_PER_UNIT, MAX_DECIMALS, toKronor } from '../common/money';
import { svNumber } from '../common/format';
import { currentMaxValue, describeBound } from '../common/value-limits';
import { checkShare, checkValueRange } from '../indicators/indicator-values.rules';
import { PlanDocumentDto, PlanIndicatorDto } from './dto/plan-document.dto';

/*
 * The rules of a plan document that go beyond the shape of each field: codes that are
 * unique and refer to something, indicator targets that make sense together, dates and
 * amounts. Pure: the document in, the list of problems out.
 */

export function checkPlan(doc: PlanDocumentDto): FieldError[] {
  return [
    ...checkGoalCodes(doc),
    ...checkIndicators(doc),
    ...checkActivities(doc),
    ...checkPlanBudget(doc),
  ];
}

/** Finds codes (or names) that occur twice in a list and reports every repeat. */
export function duplicateErrors(
  items: { key: string; path: string }[],
  what: (key: string, firstPath: string) => string,
): FieldError[] {
  const seen = new Map<string, string>();
  const errors: FieldError[] = [];
  for (const { key, path } of items) {
    const first = seen.get(key);
    if (first !== undefined) errors.push({ path, message: what(key, first) });
    else seen.set(key, path);
  }
  return errors;
}

function checkGoalCodes(doc: PlanDocumentDto): FieldError[] {
  const goalCodes = [
    ...doc.councilAims.map((g, i) => ({ key: g.code, path: `councilAims[${i}].code` })),
    ...doc.councilGoals.map((g, i) => ({ key: g.code, path: `councilGoals[${i}].code` })),
    ...doc.boardGoals.map((g, i) => ({ key: g.code, path: `boardGoals[${i}].code` })),
  ];
  const errors = duplicateErrors(goalCodes, (code, first) => `Målkoden "${code}" används redan (${first}). Varje mål behöver en egen kod.`);

  const aims = new Set(doc.councilAims.map((a) => a.code));
  const councilGoals = new Set(doc.councilGoals.map((g) => g.code));
  doc.councilGoals.forEach((goal, i) => {
    if (!aims.has(goal.aim)) {
      errors.push({
        path: `councilGoals[${i}].aim`,
        message: `Det finns inget KF:s inriktningsmål med koden "${goal.aim}" i planen (councilAims).`,
      });
    }
  });
  doc.boardGoals.forEach((goal, i) => {
    if (!councilGoals.has(goal.councilGoal)) {
      errors.push({
        path: `boardGoals[${i}].councilGoal`,
        message: `Det finns inget KF:s mål för verksamhetsområdet med koden "${goal.councilGoal}" i planen (councilGoals).`,
      });
    }
  });
  return errors;
}

/** Indicators and activities hang on a KF goal or a nämndmål; the message says which codes exist. */
function checkGoalReference(doc: PlanDocumentDto, code: string, path: string, what: string): FieldError[] {
  const attachable = new Set([...doc.councilGoals.map((g) => g.code), ...doc.boardGoals.map((g) => g.code)]);
  if (attachable.has(code)) return [];
  const isAim = doc.councilAims.some((a) => a.code === code);
  return [
    {
      path,
      message: isAim
        ? `${what} hör till ett KF:s mål för verksamhetsområdet eller ett nämndmål, inte till inriktningsmålet "${code}".`
        : `Det finns inget KF:s mål eller nämndmål med koden "${code}" i planen.`,
    },
  ];
}

function checkIndicators(doc: PlanDocumentDto): FieldError[] {
  const errors = duplicateErrors(
    doc.indicators.map((ind, i) => ({ key: ind.code, path: `indicators[${i}].code` })),
    (code, first) => `Indikatorkoden "${code}" används redan (${first}).`,
  );
  doc.indicators.forEach((indicator, i) => {
    const path = `indicators[${i}]`;
    errors.push(...checkGoalReference(doc, indicator.goal, joinPath(path, 'goal'), 'En indikator'));
    errors.push(...checkIndicatorTargets(indicator, path));
  });
  return errors;
}

/**
 * A tolerance is bounded like any value but, unlike a count or a number of days, not by its
 * sign: checked as a value of a unit without a sign rule.
 */
// Stryker disable next-line ObjectLiteral,StringLiteral: equivalent; checkValueRange treats every unit but count and days alike.
const ANY_SIGN: { unit: 'index' } = { unit: 'index' };

/** Targets, tolerance and threshold of one indicator must fit its unit and direction. */
export function checkIndicatorTargets(indicator: PlanIndicatorDto, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['annualTarget', 'councilTarget', 'partialThreshold', 'previousYearOutcome'] as const) {
    const range = checkValueRange(indicator, indicator[field], joinPath(path, field));
    errors.push(...(range.length > 0 ? range : checkShare(indicator, indicator[field], joinPath(path, field))));
  }
  errors.push(...checkValueRange(ANY_SIGN, indicator.tolerance, joinPath(path, 'tolerance')));
  errors.push(...checkValueRange(ANY_SIGN, indicator.deteriorationThreshold, joinPath(path, 'deteriorationThreshold')));
  if ((indicator.deteriorationThreshold ?? 0) < 0) {
    errors.push({
      path: joinPath(path, 'deteriorationThreshold'),
      message: 'Tröskeln för försämring mot föregående år får inte vara negativ: den är hur mycket sämre än förra året värdet får bli.',
    });
  }
  const tolerance = indicator.tolerance ?? null;
  const threshold = indicator.partialThreshold ?? null;
  const target = indicator.annualTarget ?? null;
  if (indicator.direction === 'range') {
    if (tolerance === null) {
      errors.push({
        path: joinPath(path, 'tolerance'),
        message: 'En intervallindikator (direction "range") behöver en tolerans: hur långt från årsmålet värdet får ligga.',
      });
    } else if (tolerance < 0) {
      errors.push({ path: joinPath(path, 'tolerance'), message: 'Toleransen får inte vara negativ.' });
    }
    if (threshold !== null) {
      errors.push({
        path: joinPath(path, 'partialThreshold'),
        message: 'En intervallindikator har ingen gräns för "Uppnås delvis"; den är två gånger toleransen.',
      });
    }
  } else {
    if (tolerance !== null) {
      errors.push({
        path: joinPath(path, 'tolerance'),
        message: 'Tolerans anges bara för intervallindikatorer (direction "range"); ange null.',
      });
    }
    if (threshold !== null && target !== null) {
      if (indicator.direction === 'increase' && threshold > target) {
        errors.push({
          path: joinPath(path, 'partialThreshold'),
          message: 'När högre är bättre får gränsen för "Uppnås delvis" inte ligga över årsmålet.',
        });
      }
      if (indicator.direction === 'decrease' && threshold < target) {
        errors.push({
          path: joinPath(path, 'partialThreshold'),
          message: 'När lägre är bättre får gränsen för "Uppnås delvis" inte ligga under årsmålet.',
        });
      }
    }
  }
  return errors;
}

/** True for a YYYY-MM-DD text that names a real day. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Each of the month and day checks alone is redundant (Stryker finds them equivalent): a day past the
  // month's end moves the month, a month past 12 moves the year, so another check catches it.
  return (
    date.getUTCFullYear() === year &&
    // Stryker disable next-line ConditionalExpression: equivalent, see above.
    date.getUTCMonth() === month - 1 &&
    // Stryker disable next-line ConditionalExpression: equivalent, see above.
    date.getUTCDate() === day
  );
}

function checkActivities(doc: PlanDocumentDto): FieldError[] {
  const errors = duplicateErrors(
    doc.activities.map((a, i) => ({ key: a.code, path: `activities[${i}].code` })),
    (code, first) => `Aktivitetskoden "${code}" används redan (${first}).`,
  );
  doc.activities.forEach((activity, i) => {
    const path = `activities[${i}]`;
    errors.push(...checkGoalReference(doc, activity.goal, joinPath(path, 'goal'), 'En aktivitet'));
    const startOk = isCalendarDate(activity.start);
    const endOk = isCalendarDate(activity.end);
    if (!startOk) errors.push({ path: joinPath(path, 'start'), message: `"${activity.start}" är inget giltigt datum.` });
    if (!endOk) errors.push({ path: joinPath(path, 'end'), message: `"${activity.end}" är inget giltigt datum.` });
    if (startOk && endOk && activity.end < activity.start) {
      errors.push({
        path: joinPath(path, 'end'),
        message: `Slutdatumet ${activity.end} ligger före startdatumet ${activity.start}.`,
      });
    }
  });
  return errors;
}

/** An amount must be whole kronor in the document's unit; returns the problem, if any. */
export function checkAmount(value: number | null | undefined, unit: AmountUnit, path: string): FieldError[] {
  if (value === null || value === undefined) return [];
  const max = currentMaxValue();
  if (Math.abs(value) * KRONOR_PER_UNIT[unit] > max) {
    return [{ path, message: `Beloppet får vara högst ${describeBound(max / KRONOR_PER_UNIT[unit])} ${unit} (plus eller minus).` }];
  }
  if (toKronor(value, unit) === null) {
    return [
      {
        path,
        message: `Beloppet ${svNumber(value)} ${unit} går inte att räkna om till hela kronor (högst ${MAX_DECIMALS[unit]} decimaler i ${unit}).`,
      },
    ];
  }
  return [];
}

function checkPlanBudget(doc: PlanDocumentDto): FieldError[] {
  const { unit, operatingAreas, accountGroups } = doc.budget;
  const errors = [
    ...duplicateErrors(
      operatingAreas.map((a, i) => ({ key: a.name, path: `budget.operatingAreas[${i}].name` })),
      (name, first) => `Verksamhetsområdet "${name}" finns redan (${first}).`,
    ),
    ...duplicateErrors(
      accountGroups.map((g, i) => ({ key: g.name, path: `budget.accountGroups[${i}].name` })),
      (name, first) => `Kontogruppen "${name}" finns redan (${first}).`,
    ),
  ];
  operatingAreas.forEach((area, i) => {
    const path = `budget.operatingAreas[${i}]`;
    errors.push(...checkAmount(area.budget, unit, joinPath(path, 'budget')));
    errors.push(...checkAmount(area.previousYearActual, unit, joinPath(path, 'previousYearActual')));
  });
  accountGroups.forEach((group, i) => {
    const path = joinPath(`budget.accountGroups[${i}]`, 'budget');
    errors.push(...checkAmount(group.budget, unit, path));
    // The city's tables write revenue negative and cost positive; a budget with the other sign is a typing error.
    if (group.type === 'revenue' && group.budget > 0) {
      errors.push({ path, message: `Intäkter budgeteras med minustecken (${svNumber(-group.budget)} i stället för ${svNumber(group.budget)}).` });
    }
    if (group.type === 'cost' && group.budget < 0) {
      errors.push({ path, message: `Kostnader budgeteras med plustecken (${svNumber(-group.budget)} i stället för ${svNumber(group.budget)}).` });
    }
  });
  return errors;
}
