import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SyncStats, syncRows } from '../common/sync-rows';
import { ActivityResult } from './activity-result.entity';
import { Activity } from './activity.entity';

export type ActivityInput = Pick<Activity, 'goalId' | 'code' | 'name' | 'startDate' | 'endDate' | 'position'>;
export type ActivityResultInput = Pick<ActivityResult, 'activityId' | 'deviation' | 'comment'>;

/** Activities of a plan year and their avvikelse per period. */
@Injectable()
export class ActivitiesService {
  constructor(private readonly dataSource: DataSource) {}

  async findByPlanYear(planYearId: number, manager: EntityManager = this.dataSource.manager): Promise<Activity[]> {
    return manager.getRepository(Activity).find({ where: { planYearId }, order: { position: 'ASC' } });
  }

  /** Upserts the plan's activities by code and removes those the plan no longer has. */
  async syncPlan(manager: EntityManager, planYearId: number, inputs: ActivityInput[]): Promise<SyncStats> {
    const existing = await this.findByPlanYear(planYearId, manager);
    const incoming = inputs.map((a) => ({ ...a, planYearId }));
    const { stats } = await syncRows(manager, Activity, existing, incoming, (a) => a.code!, { removeMissing: true });
    return stats;
  }

  async findResults(followupPeriodId: number, manager: EntityManager = this.dataSource.manager): Promise<ActivityResult[]> {
    return manager.getRepository(ActivityResult).findBy({ followupPeriodId });
  }

  async upsertResults(manager: EntityManager, followupPeriodId: number, inputs: ActivityResultInput[]): Promise<SyncStats> {
    const existing = await this.findResults(followupPeriodId, manager);
    const incoming = inputs.map((i) => ({ followupPeriodId, ...i }));
    const { stats } = await syncRows(manager, ActivityResult, existing, incoming, (r) => String(r.activityId), {
      removeMissing: false,
    });
    return stats;
  }
}
