import { Column, Entity, JoinColumn, ManyToOne, Unique, VersionColumn } from 'typeorm';
import { kronorTransformer } from '../database/transformers';
import { AccountGroup } from './account-group.entity';
import { PeriodRow } from '../boards/period-row';

const kronor = { type: 'bigint' as const, nullable: true, transformer: kronorTransformer };

/**
 * A kontogrupp's figures in a period: utfall (year to date) and prognos for the year, and
 * for comparison the previous year's budget and its utfall at the same point of that year.
 */
@Entity('account_group_result')
@Unique(['followupPeriodId', 'accountGroupId'])
export class AccountGroupResult extends PeriodRow {
  @ManyToOne(() => AccountGroup, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  accountGroup: AccountGroup;

  @Column()
  accountGroupId: number;

  @Column(kronor)
  actual: number | null;

  @Column(kronor)
  forecast: number | null;

  @Column(kronor)
  previousYearBudget: number | null;

  @Column(kronor)
  previousYearActual: number | null;

  /** Grows by one at every change; the ETag of PATCH, so a correction never overwrites one it has not seen. */
  @VersionColumn({ default: 1 })
  version: number;
}
