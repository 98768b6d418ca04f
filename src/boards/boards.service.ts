import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { Period, PERIODS, periodName } from '../common/period';
import { SyncStats } from '../common/sync-rows';
import { Board } from './board.entity';
import { FollowupPeriod } from './followup-period.entity';
import { PlanYear } from './plan-year.entity';

/** A board's plan year with the state of its periods, as listed by the API. */
export interface PlanYearSummary {
  year: number;
  /** Each period that has figures: whether it is locked, and when its figures last changed. */
  periods: { period: Period; locked: boolean; lockedAt: Date | null; updatedAt: Date }[];
}

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
      periods: PERIODS.filter((period) => own.some((p) => p.period === period)).map((period) => {
        const row = own.find((p) => p.period === period)!;
        return { period, locked: row.lockedAt !== null, lockedAt: row.lockedAt, updatedAt: row.updatedAt };
      }),
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
  async findPlanYearOrNull(boardCode: string, year: number, manager: EntityManager): Promise<PlanYearRef | null> {
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
      board = await boards.save({ ...(board ?? {}), ...boardValues });
    }

    const years = manager.getRepository(PlanYear);
    const existing = await years.findOneBy({ boardId: board.id, year });
    if (existing) return { board, planYear: existing, created: false };
    const planYear = await years.save(years.create({ boardId: board.id, year }));
    return { board, planYear, created: true };
  }

  async findPeriod(planYearId: number, period: Period, manager: EntityManager = this.dataSource.manager): Promise<FollowupPeriod | null> {
    return manager.getRepository(FollowupPeriod).findOneBy({ planYearId, period });
  }

  async lockedPeriods(planYearId: number, manager: EntityManager): Promise<Period[]> {
    const rows = await manager.getRepository(FollowupPeriod).findBy({ planYearId });
    return rows.filter((r) => r.lockedAt !== null).map((r) => r.period);
  }

  /**
   * The period's row, created on first use, for writing its figures. Throws when the
   * period is locked: a report the board has decided is not changed afterwards.
   */
  async openPeriodForWriting(manager: EntityManager, ref: PlanYearRef, period: Period): Promise<FollowupPeriod> {
    const row = await this.ensurePeriodRow(manager, ref.planYear.id, period);
    if (row.lockedAt) throw this.lockedError(ref, period);
    return row;
  }

  /**
   * The period's row, created if missing, and locked FOR UPDATE until the transaction ends.
   * Race-free: concurrent first writes insert with ON CONFLICT DO NOTHING, so one creates
   * the row and the others wait for it and then read it, instead of failing on the key.
   */
  async ensurePeriodRow(manager: EntityManager, planYearId: number, period: Period): Promise<FollowupPeriod> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(FollowupPeriod)
      .values({ planYearId, period, lockedAt: null })
      .orIgnore()
      .execute();
    return manager.getRepository(FollowupPeriod).findOneOrFail({ where: { planYearId, period }, lock: { mode: 'pessimistic_write' } });
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
      `Perioden ${period} (${periodName(period, ref.planYear.year)}) för ${ref.board.name} är låst och kan inte ändras. ` +
        `Lås upp perioden först om rapporten verkligen ska ändras.`,
    );
  }

  /** Locks a period (once the board has decided its report) or unlocks it. */
  async setLocked(boardCode: string, year: number, period: Period, locked: boolean): Promise<{ period: Period; locked: boolean; lockedAt: Date | null }> {
    return this.dataSource.transaction(async (manager) => {
      const ref = await this.findPlanYear(boardCode, year, manager);
      const repo = manager.getRepository(FollowupPeriod);
      let row = await repo.findOneBy({ planYearId: ref.planYear.id, period });
      if (!row) {
        if (!locked) {
          throw DomainError.notFound(`Det finns ingen uppföljning för ${period} ${year} för ${ref.board.name}.`);
        }
        row = repo.create({ planYearId: ref.planYear.id, period });
      }
      row.lockedAt = locked ? (row.lockedAt ?? new Date()) : null;
      row = await repo.save(row);
      return { period, locked: row.lockedAt !== null, lockedAt: row.lockedAt };
    });
  }
}
