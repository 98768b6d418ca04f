import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, auditedTransaction } from '../audit/audit-actor';
import { recordEvent } from '../audit/audit-recorder';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { Period, PERIODS, periodName } from '../common/period';
import { SyncStats } from '../common/sync-rows';
import { Board } from './board.entity';
import { PERIOD_STATE_LABELS, PeriodState } from '../common/vocabulary';
import { FollowupPeriod } from './followup-period.entity';
import { PlanYear } from './plan-year.entity';

/** A board's plan year with the state of its periods, as listed by the API. */
export interface PlanYearSummary {
  year: number;
  /** Each period that exists: where it stands in the workflow, and when its figures last changed. */
  periods: PeriodSummary[];
}

/** A period's place in the workflow (SPEC 7), as the API and the report show it. */
export interface PeriodSummary {
  period: Period;
  state: PeriodState;
  stateLabel: string;
  /** Approved: the board's report is decided and nothing can change until an administrator reopens it. */
  locked: boolean;
  submittedAt: Date | null;
  submittedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  updatedAt: Date;
}

export function periodSummary(row: FollowupPeriod): PeriodSummary {
  return {
    period: row.period,
    state: row.state,
    stateLabel: PERIOD_STATE_LABELS[row.state],
    locked: row.state === 'approved',
    submittedAt: row.submittedAt,
    submittedBy: row.submittedBy,
    approvedAt: row.approvedAt,
    approvedBy: row.approvedBy,
    updatedAt: row.updatedAt,
  };
}

/** A step of the period workflow. */
export type WorkflowAction = 'submit' | 'approve' | 'reopen';

export interface BoardSummary {
  code: string;
  name: string;
  years: PlanYearSummary[];
}

/** The resolved context of a board's plan year: what every follow-up operation starts from. */
export interface PlanYearRef {
  board: Board;
  planYear: PlanYear;
}

/** Boards, their plan years and the lock state of each year's report periods. */
@Injectable()
export class BoardsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<BoardSummary[]> {
    const boards = await this.dataSource.getRepository(Board).find({ order: { code: 'ASC' } });
    const years = await this.dataSource.getRepository(PlanYear).find({ order: { year: 'ASC' } });
    const periods = await this.dataSource.getRepository(FollowupPeriod).find();
    return boards.map((board) => ({
      code: board.code,
      name: board.name,
      years: years.filter((y) => y.boardId === board.id).map((y) => this.summarize(y, periods)),
    }));
  }

  async getYear(boardCode: string, year: number): Promise<BoardSummary> {
    const { board, planYear } = await this.findPlanYear(boardCode, year);
    const periods = await this.dataSource.getRepository(FollowupPeriod).findBy({ planYearId: planYear.id });
    return { code: board.code, name: board.name, years: [this.summarize(planYear, periods)] };
  }

  private summarize(planYear: PlanYear, periods: FollowupPeriod[]): PlanYearSummary {
    const own = periods.filter((p) => p.planYearId === planYear.id);
    return {
      year: planYear.year,
      periods: PERIODS.filter((period) => own.some((p) => p.period === period)).map((period) =>
        periodSummary(own.find((p) => p.period === period)!),
      ),
    };
  }

  async findBoardByCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<Board | null> {
    return manager.getRepository(Board).findOneBy({ code });
  }

  /** The plan year, or a Swedish "not found" naming what is missing. */
  async findPlanYear(boardCode: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<PlanYearRef> {
    const board = await this.findBoardByCode(boardCode, manager);
    if (!board) throw DomainError.notFound(`Det finns ingen nämnd med koden "${boardCode}".`);
    const planYear = await manager.getRepository(PlanYear).findOneBy({ boardId: board.id, year });
    if (!planYear) {
      throw DomainError.notFound(`Det finns ingen plan för ${board.name} (${board.code}) år ${year}.`);
    }
    return { board, planYear };
  }

  /** Like findPlanYear, but null instead of an error (for validation that lists problems). */
  async findPlanYearOrNull(boardCode: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<PlanYearRef | null> {
    const board = await this.findBoardByCode(boardCode, manager);
    if (!board) return null;
    const planYear = await manager.getRepository(PlanYear).findOneBy({ boardId: board.id, year });
    return planYear ? { board, planYear } : null;
  }

  /** Creates or renames the board and creates its plan year if needed. */
  async upsertPlanYear(
    manager: EntityManager,
    boardValues: { code: string; name: string },
    year: number,
  ): Promise<PlanYearRef & { created: boolean }> {
    const boards = manager.getRepository(Board);
    let board = await boards.findOneBy({ code: boardValues.code });
    if (!board || board.name !== boardValues.name) {
      const oldName = board?.name ?? null;
      board = await boards.save({ ...(board ?? {}), ...boardValues });
      await recordEvent(manager, {
        boardCode: board.code, year, period: null, objectKind: 'board', objectCode: board.code, field: 'name', oldValue: oldName, newValue: board.name,
      });
    }

    const years = manager.getRepository(PlanYear);
    const existing = await years.findOneBy({ boardId: board.id, year });
    if (existing) return { board, planYear: existing, created: false };
    const planYear = await years.save(years.create({ boardId: board.id, year }));
    return { board, planYear, created: true };
  }

  /** The plan year's Kolada municipality and organisational unit, as the plan gives them; each change audited. */
  async setKoladaUnit(manager: EntityManager, ref: PlanYearRef, unit: Pick<PlanYear, 'koladaMunicipality' | 'koladaOu'>): Promise<void> {
    const changed = (['koladaMunicipality', 'koladaOu'] as const).filter((field) => (ref.planYear[field] ?? null) !== unit[field]);
    if (changed.length === 0) return;
    for (const field of changed) {
      await recordEvent(manager, {
        boardCode: ref.board.code, year: ref.planYear.year, period: null, objectKind: 'plan', objectCode: String(ref.planYear.year),
        field, oldValue: ref.planYear[field] ?? null, newValue: unit[field],
      });
    }
    await manager.getRepository(PlanYear).update(ref.planYear.id, unit);
    Object.assign(ref.planYear, unit);
  }

  /** Every period of the plan year that has come into being. */
  async findPeriods(planYearId: number, manager: EntityManager = this.dataSource.manager): Promise<FollowupPeriod[]> {
    return manager.getRepository(FollowupPeriod).findBy({ planYearId });
  }

  async findPeriod(planYearId: number, period: Period, manager: EntityManager = this.dataSource.manager): Promise<FollowupPeriod | null> {
    return manager.getRepository(FollowupPeriod).findOneBy({ planYearId, period });
  }

  /** The periods of the plan year that are approved (and so refuse every change). */
  async lockedPeriods(planYearId: number, manager: EntityManager): Promise<Period[]> {
    const rows = await manager.getRepository(FollowupPeriod).findBy({ planYearId });
    return rows.filter((r) => r.state === 'approved').map((r) => r.period);
  }

  /**
   * The period's row, created on first use, for an import of its follow-up. Throws when the
   * period is approved: a report the board has decided is not changed afterwards.
   */
  async openPeriodForWriting(manager: EntityManager, ref: PlanYearRef, period: Period): Promise<FollowupPeriod> {
    // Locked FOR UPDATE, so that a concurrent approval cannot slip in between check and write.
    const row = await this.ensurePeriodRow(manager, ref.planYear.id, period);
    if (row.state === 'approved') throw this.lockedError(ref, period);
    return row;
  }

  /**
   * The period's row, created if missing, and locked FOR UPDATE until the transaction ends.
   * Race-free: concurrent first writes insert with ON CONFLICT DO NOTHING, so one creates
   * the row and the others wait for it and then read it, instead of failing on the key.
   */
  async ensurePeriodRow(manager: EntityManager, planYearId: number, period: Period): Promise<FollowupPeriod> {
    await lockPeriod(manager, planYearId, period, 'exclusive');
    await manager.createQueryBuilder().insert().into(FollowupPeriod).values({ planYearId, period }).orIgnore().execute();
    return manager.getRepository(FollowupPeriod).findOneOrFail({ where: { planYearId, period }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * An existing period's row for a correction. Corrections share the period among
   * themselves (many controllers save at once) but never overlap an approval, a reopening
   * or an import, which hold it alone (a transaction-scoped advisory lock, taken before the
   * period's row in every path so that no two paths wait for each other). 404 when the period
   * does not exist: a stray write never creates one; 409 when it is approved.
   */
  async existingPeriodForWriting(manager: EntityManager, ref: PlanYearRef, period: Period): Promise<FollowupPeriod> {
    await lockPeriod(manager, ref.planYear.id, period, 'shared');
    const row = await manager.getRepository(FollowupPeriod).findOne({ where: { planYearId: ref.planYear.id, period } });
    if (!row) throw this.missingPeriodError(ref, period);
    if (row.state === 'approved') throw this.lockedError(ref, period);
    return row;
  }

  /** POST …/periods/{period}: brings a period into being (open, empty); an existing one is returned as it is. */
  async createPeriod(boardCode: string, year: number, period: Period, actor: Actor): Promise<{ created: boolean; period: PeriodSummary }> {
    return auditedTransaction(this.dataSource, actor, async (manager) => {
      const ref = await this.findPlanYear(boardCode, year, manager);
      // Race-free: of concurrent requests one inserts, the others find the row it made.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(FollowupPeriod)
        .values({ planYearId: ref.planYear.id, period })
        .orIgnore()
        .returning('id')
        .execute();
      const row = await this.ensurePeriodRow(manager, ref.planYear.id, period);
      if ((inserted.raw as unknown[]).length === 0) return { created: false, period: periodSummary(row) };
      await recordEvent(manager, {
        boardCode: ref.board.code, year, period, objectKind: 'period', objectCode: period, field: 'state', oldValue: null, newValue: 'open',
      });
      return { created: true, period: periodSummary(row) };
    });
  }

  /**
   * One step of the workflow: submit (open → submitted), approve (open or submitted →
   * approved), reopen (submitted or approved → open, with a reason kept in the audit trail).
   */
  async transition(boardCode: string, year: number, period: Period, action: WorkflowAction, actor: Actor, reason?: string): Promise<PeriodSummary> {
    return auditedTransaction(this.dataSource, actor, async (manager) => {
      const ref = await this.findPlanYear(boardCode, year, manager);
      const repo = manager.getRepository(FollowupPeriod);
      await lockPeriod(manager, ref.planYear.id, period, 'exclusive');
      const row = await repo.findOne({ where: { planYearId: ref.planYear.id, period }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw this.missingPeriodError(ref, period);
      const before = row.state;
      const name = `Perioden ${period} (${periodName(period, year)}) för ${ref.board.name}`;
      const now = new Date();
      if (action === 'submit') {
        if (row.state !== 'open') throw conflict(`${name} är redan ${PERIOD_STATE_LABELS[row.state].toLowerCase()} och kan inte lämnas in.`);
        Object.assign(row, { state: 'submitted', submittedAt: now, submittedBy: actor.username });
      } else if (action === 'approve') {
        if (row.state === 'approved') throw conflict(`${name} är redan godkänd.`);
        Object.assign(row, { state: 'approved', approvedAt: now, approvedBy: actor.username });
      } else {
        if (!reason?.trim()) {
          throw DomainError.invalid('Ange varför perioden öppnas igen.', [{ path: 'reason', message: 'Ett skäl krävs för att öppna en period igen.' }]);
        }
        if (row.state === 'open') throw conflict(`${name} är redan öppen.`);
        Object.assign(row, { state: 'open', approvedAt: null, approvedBy: null, submittedAt: null, submittedBy: null });
      }
      const saved = await repo.save(row);
      const event = { boardCode: ref.board.code, year, period, objectKind: 'period', objectCode: period };
      await recordEvent(manager, { ...event, field: 'state', oldValue: before, newValue: saved.state });
      if (action === 'reopen') await recordEvent(manager, { ...event, field: 'reopenReason', oldValue: null, newValue: reason!.trim() });
      return periodSummary(saved);
    });
  }

  /** Records that the period's figures changed now (not when an import changed nothing). */
  async markChanged(manager: EntityManager, periodRow: FollowupPeriod, changes: SyncStats[]): Promise<void> {
    if (changes.some((s) => s.created + s.updated + s.removed > 0)) {
      await manager.getRepository(FollowupPeriod).update(periodRow.id, { updatedAt: new Date() });
    }
  }

  lockedError(ref: PlanYearRef, period: Period): DomainError {
    return new DomainError(
      DomainErrorCode.PeriodLocked,
      `Perioden ${period} (${periodName(period, ref.planYear.year)}) för ${ref.board.name} är godkänd (låst) och kan inte ändras. ` +
        `En administratör kan öppna den igen om rapporten verkligen ska ändras.`,
    );
  }

  missingPeriodError(ref: PlanYearRef, period: Period): DomainError {
    return DomainError.notFound(
      `Det finns ingen uppföljning för ${period} (${periodName(period, ref.planYear.year)}) för ${ref.board.name}. ` +
        `Importera periodens uppföljning eller skapa perioden först.`,
    );
  }
}

/** The class of the period locks among the database's advisory locks (two-key form). */
const PERIOD_LOCK_CLASS = 0x5650; // "VP"

/**
 * Locks one period of a plan year until the transaction ends: `shared` for corrections (any
 * number at once), `exclusive` for what must see the period alone (an import, a step of the
 * workflow). Keyed by plan year and period, so it can be taken before the period's row exists.
 */
export async function lockPeriod(manager: EntityManager, planYearId: number, period: Period, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${fn}($1::int, hashtext($2)::int)`, [PERIOD_LOCK_CLASS, `${planYearId}:${period}`]);
}

function conflict(message: string): DomainError {
  return new DomainError(DomainErrorCode.Conflict, message);
}
