import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ActivitiesService } from '../activities/activities.service';
import { Actor, auditedTransaction } from '../audit/audit-actor';
import { PeriodTextsService, textDigest } from './period-texts.service';
import { BoardsService, PlanYearRef } from '../boards/boards.service';
import { FollowupPeriod } from '../boards/followup-period.entity';
import { BudgetService } from '../budget/budget.service';
import { DomainError, DomainErrorCode, FieldError } from '../common/domain-error';
import { PeriodAddress } from '../common/params';
import { SyncStats } from '../common/sync-rows';
import { GoalsService } from '../goals/goals.service';
import { checkIndicatorValues } from '../indicators/indicator-values.rules';
import { IndicatorsService } from '../indicators/indicators.service';
import { ActivityCorrectionDto, GoalCorrectionDto, OperatingAreaCorrectionDto } from './dto/corrections.dto';
import { IndicatorValuesDto } from './dto/indicator-values.dto';

/** A row's values after a correction, with the version that is its new ETag. */
export type Versioned<V> = V & { version: number };

export interface IndicatorValues {
  outcome: number | null;
  men: number | null;
  women: number | null;
  forecast: number | null;
  analysis: string | null;
}
export interface GoalValues {
  assessment: GoalCorrectionDto['assessment'];
  analysis: string | null;
}
export interface ActivityValues {
  deviation: boolean | null;
  comment: string | null;
}
export interface OperatingAreaValues {
  forecast: number | null;
  adjustment: number;
  volumeChange: number;
  returned: number;
  comment: string | null;
}

/** How a correction treats fields left out: PATCH keeps them, PUT clears them. */
export type CorrectionMode = 'patch' | 'put';

/** Reads an If-Match header: `"3"`, `W/"3"` or `3`; null when absent or `*`. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw DomainError.invalid('If-Match ska vara en radversion som periodens GET eller förra svaret gav den, t.ex. "3".', [
      { path: 'If-Match', message: 'Måste vara en version, t.ex. "3".' },
    ]);
  }
  return Number(match[1]);
}

/**
 * A controller's corrections of one row of an open period (SPEC 7): only the fields sent
 * change (null clears one), with the import's rules, in one audited transaction. With
 * If-Match, a row that has changed since (another version) is refused with 412 and its
 * current values. The period's row is locked for the transaction, so two corrections of
 * one period never interleave: of two with the same If-Match, the second gets 412.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly boards: BoardsService,
    private readonly goals: GoalsService,
    private readonly indicators: IndicatorsService,
    private readonly activities: ActivitiesService,
    private readonly budget: BudgetService,
    private readonly texts: PeriodTextsService,
  ) {}

  async correctIndicator(
    at: PeriodAddress, code: string, body: IndicatorValuesDto, mode: CorrectionMode, ifMatch: number | null, actor: Actor,
  ): Promise<Versioned<IndicatorValues>> {
    return this.correct(at, actor, async (manager, ref) => {
      const indicator = await this.indicators.findByCode(ref.planYear.id, code, manager);
      if (!indicator) throw DomainError.notFound(`Det finns ingen indikator med koden "${code}" i planen för ${ref.board.name} ${at.year}.`);
      const read = async (periodId: number) => {
        const [row] = await this.indicators.findResults(periodId, manager, [indicator.id]);
        const values: IndicatorValues = {
          outcome: row?.outcome ?? null, men: row?.men ?? null, women: row?.women ?? null, forecast: row?.forecast ?? null, analysis: row?.analysis ?? null,
        };
        return { ...values, version: row?.version ?? 0 };
      };
      return {
        what: `indikatorn ${code}`,
        read,
        merge: (current) => merged(current, body, mode, ['outcome', 'men', 'women', 'forecast', 'analysis']),
        check: (values) => checkIndicatorValues(indicator, values, ''),
        save: (periodId, values) => this.indicators.upsertResults(manager, periodId, [{ indicatorId: indicator.id, ...values }]),
      };
    }, ifMatch);
  }

  async correctGoal(at: PeriodAddress, code: string, body: GoalCorrectionDto, ifMatch: number | null, actor: Actor): Promise<Versioned<GoalValues>> {
    return this.correct(at, actor, async (manager, ref) => {
      const goal = (await this.goals.findByPlanYear(ref.planYear.id, manager)).find((g) => g.code === code);
      if (!goal) throw DomainError.notFound(`Det finns inget mål med koden "${code}" i planen för ${ref.board.name} ${at.year}.`);
      const read = async (periodId: number) => {
        const row = (await this.goals.findAssessments(periodId, manager)).find((r) => r.goalId === goal.id);
        return { assessment: row?.assessment ?? null, analysis: row?.analysis ?? null, version: row?.version ?? 0 };
      };
      return {
        what: `målet ${code}`,
        read,
        merge: (current) => merged(current, body, 'patch', ['assessment', 'analysis']),
        check: () => [],
        save: (periodId, values) => this.goals.upsertAssessments(manager, periodId, [{ goalId: goal.id, assessment: values.assessment ?? null, analysis: values.analysis }]),
      };
    }, ifMatch);
  }

  async correctActivity(at: PeriodAddress, code: string, body: ActivityCorrectionDto, ifMatch: number | null, actor: Actor): Promise<Versioned<ActivityValues>> {
    return this.correct(at, actor, async (manager, ref) => {
      const activity = (await this.activities.findByPlanYear(ref.planYear.id, manager)).find((a) => a.code === code);
      if (!activity) throw DomainError.notFound(`Det finns ingen aktivitet med koden "${code}" i planen för ${ref.board.name} ${at.year}.`);
      const read = async (periodId: number) => {
        const row = (await this.activities.findResults(periodId, manager)).find((r) => r.activityId === activity.id);
        return { deviation: row?.deviation ?? null, comment: row?.comment ?? null, version: row?.version ?? 0 };
      };
      return {
        what: `aktiviteten ${code}`,
        read,
        merge: (current) => merged(current, body, 'patch', ['deviation', 'comment']),
        check: (values) =>
          values.deviation === null
            ? [{ path: 'deviation', message: 'Ange true eller false: en aktivitets avvikelse kan inte vara tom när den är rapporterad.' }]
            : [],
        save: (periodId, values) => this.activities.upsertResults(manager, periodId, [{ activityId: activity.id, deviation: values.deviation!, comment: values.comment }]),
      };
    }, ifMatch);
  }

  async correctOperatingArea(
    at: PeriodAddress, name: string, body: OperatingAreaCorrectionDto, ifMatch: number | null, actor: Actor,
  ): Promise<Versioned<OperatingAreaValues>> {
    return this.correct(at, actor, async (manager, ref) => {
      const area = (await this.budget.findOperatingAreas(ref.planYear.id, manager)).find((a) => a.name === name);
      if (!area) throw DomainError.notFound(`Det finns inget verksamhetsområde "${name}" i planen för ${ref.board.name} ${at.year}.`);
      const read = async (periodId: number) => {
        const row = (await this.budget.findOperatingAreaResults(periodId, manager)).find((r) => r.operatingAreaId === area.id);
        return {
          forecast: row?.forecast ?? null,
          adjustment: row?.adjustment ?? 0,
          volumeChange: row?.volumeChange ?? 0,
          returned: row?.returned ?? 0,
          comment: row?.comment ?? null,
          version: row?.version ?? 0,
        };
      };
      return {
        what: `verksamhetsområdet ${name}`,
        read,
        merge: (current) => {
          const values = merged(current, body, 'patch', ['forecast', 'adjustment', 'volumeChange', 'returned', 'comment']);
          return { ...values, adjustment: values.adjustment ?? 0, volumeChange: values.volumeChange ?? 0, returned: values.returned ?? 0 };
        },
        check: (values) =>
          values.forecast === null ? [{ path: 'forecast', message: 'Ange prognosen i hela kronor: ett verksamhetsområdes prognos kan inte vara tom.' }] : [],
        save: async (periodId, values) =>
          (await this.budget.upsertResults(manager, periodId, [
              {
                operatingAreaId: area.id,
                forecast: values.forecast!,
                adjustment: values.adjustment,
                volumeChange: values.volumeChange,
                returned: values.returned,
                comment: values.comment,
              },
            ], []))
            .operatingAreas,
      };
    }, ifMatch);
  }

  /**
   * One narrative text of an open period (SPEC 2.2): `summary`, `budgetComment` or a section
   * by its heading. `startedFrom` is the digest of the text the person began editing
   * (textDigest); when the text has changed since, nothing is saved (412 with the current
   * text). An empty text removes it.
   */
  async correctText(
    at: PeriodAddress, text: { key: 'summary' | 'budgetComment' } | { section: string }, value: string | null, startedFrom: string | null, actor: Actor,
  ): Promise<{ text: string | null }> {
    const key = 'key' in text ? text.key : `section:${text.section}`;
    const heading = 'key' in text ? null : text.section;
    return auditedTransaction(this.dataSource, actor, async (manager) => {
      const ref = await this.boards.findPlanYear(at.board, at.year, manager);
      const period: FollowupPeriod = await this.boards.existingPeriodForWriting(manager, ref, at.period);
      await lockRow(manager, period.id, key);
      const current = (await this.texts.findByPeriod(period.id, manager)).find((r) => r.key === key)?.text ?? null;
      if (startedFrom !== null && startedFrom !== textDigest(current)) {
        throw new DomainError(
          DomainErrorCode.StaleVersion,
          `Texten har ändrats sedan du började skriva. Ingenting har sparats; här är den aktuella texten.`,
          [],
          { current: { text: current } },
        );
      }
      const stats = await this.texts.writeText(manager, period.id, key, heading, value);
      await this.boards.markChanged(manager, period, [stats]);
      return { text: value !== null && value.trim() !== '' ? value : null };
    });
  }

  /** The shared steps: the period (404/409), the version (412), the rules (400), the audited write. */
  private async correct<V extends object>(
    at: PeriodAddress,
    actor: Actor,
    prepare: (manager: EntityManager, ref: PlanYearRef) => Promise<{
      what: string;
      read: (periodId: number) => Promise<Versioned<V>>;
      merge: (current: V) => V;
      check: (values: V) => FieldError[];
      save: (periodId: number, values: V) => Promise<SyncStats>;
    }>,
    ifMatch: number | null,
  ): Promise<Versioned<V>> {
    return auditedTransaction(this.dataSource, actor, async (manager) => {
      const ref = await this.boards.findPlanYear(at.board, at.year, manager);
      const steps = await prepare(manager, ref);
      const period: FollowupPeriod = await this.boards.existingPeriodForWriting(manager, ref, at.period);
      // Corrections of one period run side by side; two of the same row wait for each other here.
      await lockRow(manager, period.id, steps.what);
      const current = await steps.read(period.id);
      if (ifMatch !== null && ifMatch !== current.version) {
        throw new DomainError(
          DomainErrorCode.StaleVersion,
          `Uppgifterna för ${steps.what} har ändrats sedan du läste dem (din version ${ifMatch}, nu ${current.version}). ` +
            `Ingenting har sparats; här är de aktuella värdena.`,
          [],
          { current },
        );
      }
      const { version: _version, ...currentValues } = current;
      const values = steps.merge(currentValues as unknown as V);
      const errors = steps.check(values);
      if (errors.length > 0) throw DomainError.invalid('Värdena kunde inte sparas.', errors);
      const stats = await steps.save(period.id, values);
      const saved = await steps.read(period.id);
      // Last: the period's row stays locked from here to the commit, so corrections queue only that long.
      await this.boards.markChanged(manager, period, [stats]);
      return saved;
    });
  }
}

/** Locks one row of a period (by what it is, e.g. "indikatorn SON-I07") until the transaction ends. */
async function lockRow(manager: EntityManager, periodId: number, what: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${periodId}:${what}`]);
}

/**
 * The current values with the fields of the body applied: PATCH only those sent, PUT every
 * one (left out = null). A field left out arrives as undefined (JSON has no undefined), a
 * field sent as null clears the value.
 */
function merged<V extends object>(current: V, body: object, mode: CorrectionMode, fields: (keyof V & string)[]): V {
  const result = { ...current } as Record<string, unknown>;
  for (const field of fields) {
    const sent = (body as Record<string, unknown>)[field];
    if (sent !== undefined) result[field] = sent;
    else if (mode === 'put') result[field] = null;
  }
  return result as V;
}
