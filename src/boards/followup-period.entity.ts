import { Check, Column, Entity, Unique } from 'typeorm';
import { Period } from '../common/period';
import { PlanYearRow } from './plan-year-row';

/**
 * One report period (T1, T2 or VB) of a plan year. Once the board has decided the report,
 * the period is locked: its figures can no longer be imported or corrected.
 */
@Entity('followup_period')
@Check('CHK_followup_period_period', `"period" IN ('T1', 'T2', 'VB')`)
@Unique(['planYearId', 'period'])
export class FollowupPeriod extends PlanYearRow {
  @Column({ type: 'varchar', length: 2 })
  period: Period;

  @Column({ type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
