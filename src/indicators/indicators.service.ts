import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { SyncStats, syncRows } from '../common/sync-rows';
import { IndicatorResult } from './indicator-result.entity';
import { Indicator } from './indicator.entity';

export type IndicatorInput = Omit<Indicator, 'id' | 'planYear' | 'planYearId' | 'goal'>;

export type IndicatorResultInput = Pick<IndicatorResult, 'indicatorId' | 'outcome' | 'men' | 'women' | 'forecast' | 'analysis'>;

/** Indicators of a plan year and what is reported for them each period. */
@Injectable()
export class IndicatorsService {
  constructor(private readonly dataSource: DataSource) {}

  async findByPlanYear(planYearId: number, manager: EntityManager = this.dataSource.manager): Promise<Indicator[]> {
    return manager.getRepository(Indicator).find({ where: { planYearId }, order: { position: 'ASC' } });
  }

  /** One indicator of a plan year by its code, or null. */
  async findByCode(planYearId: number, code: string, manager: EntityManager = this.dataSource.manager): Promise<Indicator | null> {
    return manager.getRepository(Indicator).findOneBy({ planYearId, code });
  }

  /** Upserts the plan's indicators by code and removes those the plan no longer has (with their results). */
  async syncPlan(manager: EntityManager, planYearId: number, inputs: IndicatorInput[]): Promise<SyncStats> {
    const existing = await this.findByPlanYear(planYearId, manager);
    const incoming = inputs.map((i) => ({ ...i, planYearId }));
    const { stats } = await syncRows(manager, Indicator, existing, incoming, (i) => i.code!, { removeMissing: true });
    return stats;
  }

  /** A period's results: all of them, or only those of the given indicators. */
  async findResults(followupPeriodId: number, manager: EntityManager = this.dataSource.manager, indicatorIds?: number[]): Promise<IndicatorResult[]> {
    if (indicatorIds) return manager.getRepository(IndicatorResult).findBy({ followupPeriodId, indicatorId: In(indicatorIds) });
    return manager.getRepository(IndicatorResult).findBy({ followupPeriodId });
  }

  /** Upserts a period's results; indicators left out keep what they had. */
  async upsertResults(manager: EntityManager, followupPeriodId: number, inputs: IndicatorResultInput[]): Promise<SyncStats> {
    // A correction of one indicator reads only its row; an import reads the period's rows once.
    const existing = await this.findResults(followupPeriodId, manager, inputs.length <= 10 ? inputs.map((i) => i.indicatorId) : undefined);
    const incoming = inputs.map((i) => ({ followupPeriodId, ...i }));
    const { stats } = await syncRows(manager, IndicatorResult, existing, incoming, (r) => String(r.indicatorId), {
      removeMissing: false,
    });
    return stats;
  }
}
