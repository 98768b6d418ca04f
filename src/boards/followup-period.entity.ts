import { Check, Column, Entity, Unique } from 'typeorm';
import { Period } from '../common/period';
import { PERIOD_STATES, PeriodState } from '../common/vocabulary';
import { PlanYearRow } from './plan-year-row';

/** One report period (T1, T2, VB or a month M01–M12) of a plan year, with where it stands in the workflow. */
@Entity('followup_period')
@Check('CHK_followup_period_period', `"period" IN ('T1', 'T2', 'VB', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12')`)
@Check('CHK_followup_period_state', `"state" IN ('open', 'submitted', 'approved')`)
@Unique(['planYearId', 'period'])
export class FollowupPeriod extends PlanYearRow {
  @Column({ type: 'varchar', length: 3 })
  period: Period;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  state: PeriodState;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  submittedBy: string | null;

  /** When the period was approved (locked); null unless approved. */
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  approvedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
