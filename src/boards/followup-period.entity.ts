import { Check, Column, Entity, Unique } from 'typeorm';
import { Period } from '../common/period';
import { PlanYearRow } from './plan-year-row';

/**
 * The period workflow (SPEC 7): a period is `open` while figures are entered, `submitted`
 * when the controllers hand it in, and `approved` once the board's report is decided; an
 * approved period refuses every change until an administrator reopens it.
 */
export const PERIOD_STATES = ['open', 'submitted', 'approved'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

export const PERIOD_STATE_LABELS: Record<PeriodState, string> = {
  open: 'Öppen',
  submitted: 'Inlämnad',
  approved: 'Godkänd',
};

/** One report period (T1, T2 or VB) of a plan year, with where it stands in the workflow. */
@Entity('followup_period')
@Check('CHK_followup_period_period', `"period" IN ('T1', 'T2', 'VB')`)
@Check('CHK_followup_period_state', `"state" IN ('open', 'submitted', 'approved')`)
@Unique(['planYearId', 'period'])
export class FollowupPeriod extends PlanYearRow {
  @Column({ type: 'varchar', length: 2 })
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
