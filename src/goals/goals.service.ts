import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordCascadedRemovals, recordRowChanges } from '../audit/audit-recorder';
import { deleteByIds, emptyStats, SyncStats, syncRows } from '../common/sync-rows';
import { Assessment, GoalAssessment } from './goal-assessment.entity';
import { Goal, GoalLevel } from './goal.entity';

/** A goal as the plan document describes it, with its parent's code. */
export interface GoalInput {
  level: GoalLevel;
  code: string;
  name: string;
  expectedResult: string | null;
  parentCode: string | null;
}

export interface AssessmentInput {
  goalId: number;
  assessment: Assessment | null;
  analysis: string | null;
}

/** The goal tree of a plan year and the board's bedömning of each goal per period. */
@Injectable()
export class GoalsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every goal of the plan year in document order (aims, KF goals and nämndmål interleaved by position). */
  async findByPlanYear(planYearId: number, manager: EntityManager = this.dataSource.manager): Promise<Goal[]> {
    return manager.getRepository(Goal).find({ where: { planYearId }, order: { position: 'ASC' } });
  }

  /**
   * Upserts the tree level by level, so that each goal's parent exists first. Goals the
   * document no longer has are not removed here: see removeGoalsExcept, which runs after
   * the indicators and activities have moved to their new goals.
   */
  async upsertTree(manager: EntityManager, planYearId: number, goals: GoalInput[]): Promise<{ byCode: Map<string, Goal>; stats: SyncStats }> {
    const existing = await this.findByPlanYear(planYearId, manager);
    const byCode = new Map<string, Goal>();
    const stats = emptyStats();
    for (const level of ['councilAim', 'councilGoal', 'boardGoal'] as const) {
      const incoming = goals
        .map((goal, position) => ({ goal, position }))
        .filter(({ goal }) => goal.level === level)
        .map(({ goal, position }) => ({
          planYearId,
          level,
          code: goal.code,
          name: goal.name,
          expectedResult: goal.expectedResult,
          parentId: goal.parentCode === null ? null : byCode.get(goal.parentCode)!.id,
          position,
        }));
      const result = await syncRows(manager, Goal, existing, incoming, (g) => g.code!, { removeMissing: false });
      for (const [code, goal] of result.rows) byCode.set(code, goal);
      stats.created += result.stats.created;
      stats.updated += result.stats.updated;
      stats.unchanged += result.stats.unchanged;
    }
    return { byCode, stats };
  }

  /** Removes the goals whose codes are not kept (with their assessments); returns how many. */
  async removeGoalsExcept(manager: EntityManager, planYearId: number, keep: Set<string>): Promise<number> {
    const existing = await this.findByPlanYear(planYearId, manager);
    const removed = existing.filter((g) => !keep.has(g.code));
    const remove = removed.map((g) => g.id);
    await recordRowChanges(manager, Goal, removed.map((g) => ({ key: g.code, before: g, after: null })));
    await recordCascadedRemovals(manager, Goal, removed);
    if (remove.length > 0) await deleteByIds(manager, Goal, remove);
    return remove.length;
  }

  async findAssessments(followupPeriodId: number, manager: EntityManager = this.dataSource.manager): Promise<GoalAssessment[]> {
    return manager.getRepository(GoalAssessment).findBy({ followupPeriodId });
  }

  /** Upserts the bedömningar of a period; goals left out keep what they had. */
  async upsertAssessments(manager: EntityManager, followupPeriodId: number, inputs: AssessmentInput[]): Promise<SyncStats> {
    const existing = await this.findAssessments(followupPeriodId, manager);
    const incoming = inputs.map((i) => ({ followupPeriodId, ...i }));
    const { stats } = await syncRows(manager, GoalAssessment, existing, incoming, (a) => String(a.goalId), {
      removeMissing: false,
    });
    return stats;
  }
}
