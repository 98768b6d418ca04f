import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SyncStats, syncRows } from '../common/sync-rows';
import { AccountGroupResult } from './account-group-result.entity';
import { AccountGroup } from './account-group.entity';
import { OperatingAreaResult } from './operating-area-result.entity';
import { OperatingArea } from './operating-area.entity';

export type OperatingAreaInput = Pick<OperatingArea, 'name' | 'previousYearActual' | 'budget' | 'position'>;
export type AccountGroupInput = Pick<AccountGroup, 'name' | 'type' | 'budget' | 'position'>;
export type OperatingAreaResultInput = Pick<OperatingAreaResult, 'operatingAreaId' | 'forecast' | 'adjustment' | 'comment'> &
  Partial<Pick<OperatingAreaResult, 'volumeChange' | 'returned'>>;
export type AccountGroupResultInput = Pick<
  AccountGroupResult,
  'accountGroupId' | 'actual' | 'forecast' | 'previousYearBudget' | 'previousYearActual'
>;

/** The plan year's budget lines (verksamhetsområden, kontogrupper) and their period figures. */
@Injectable()
export class BudgetService {
  constructor(private readonly dataSource: DataSource) {}

  async findOperatingAreas(planYearId: number, manager: EntityManager = this.dataSource.manager): Promise<OperatingArea[]> {
    return manager.getRepository(OperatingArea).find({ where: { planYearId }, order: { position: 'ASC' } });
  }

  async findAccountGroups(planYearId: number, manager: EntityManager = this.dataSource.manager): Promise<AccountGroup[]> {
    return manager.getRepository(AccountGroup).find({ where: { planYearId }, order: { position: 'ASC' } });
  }

  /** Upserts both kinds of budget line by name; lines the plan no longer has are removed. */
  async syncPlan(
    manager: EntityManager,
    planYearId: number,
    areas: OperatingAreaInput[],
    groups: AccountGroupInput[],
  ): Promise<{ operatingAreas: SyncStats; accountGroups: SyncStats }> {
    const existingAreas = await this.findOperatingAreas(planYearId, manager);
    const existingGroups = await this.findAccountGroups(planYearId, manager);
    const areaResult = await syncRows(
      manager,
      OperatingArea,
      existingAreas,
      areas.map((a) => ({ ...a, planYearId })),
      (a) => a.name!,
      { removeMissing: true },
    );
    const groupResult = await syncRows(
      manager,
      AccountGroup,
      existingGroups,
      groups.map((g) => ({ ...g, planYearId })),
      (g) => g.name!,
      { removeMissing: true },
    );
    return { operatingAreas: areaResult.stats, accountGroups: groupResult.stats };
  }

  async findOperatingAreaResults(followupPeriodId: number, manager: EntityManager = this.dataSource.manager): Promise<OperatingAreaResult[]> {
    return manager.getRepository(OperatingAreaResult).findBy({ followupPeriodId });
  }

  async findAccountGroupResults(followupPeriodId: number, manager: EntityManager = this.dataSource.manager): Promise<AccountGroupResult[]> {
    return manager.getRepository(AccountGroupResult).findBy({ followupPeriodId });
  }

  async upsertResults(
    manager: EntityManager,
    followupPeriodId: number,
    areas: OperatingAreaResultInput[],
    groups: AccountGroupResultInput[],
  ): Promise<{ operatingAreas: SyncStats; accountGroups: SyncStats }> {
    const areaResult = await syncRows(
      manager,
      OperatingAreaResult,
      await this.findOperatingAreaResults(followupPeriodId, manager),
      areas.map((a) => ({ followupPeriodId, ...a })),
      (r) => String(r.operatingAreaId),
      { removeMissing: false },
    );
    const groupResult = await syncRows(
      manager,
      AccountGroupResult,
      await this.findAccountGroupResults(followupPeriodId, manager),
      groups.map((g) => ({ followupPeriodId, ...g })),
      (r) => String(r.accountGroupId),
      { removeMissing: false },
    );
    return { operatingAreas: areaResult.stats, accountGroups: groupResult.stats };
  }
}
