import { Column, Entity, JoinColumn, ManyToOne, Unique, VersionColumn } from 'typeorm';
import { Activity } from './activity.entity';
import { PeriodRow } from '../boards/period-row';

/** Whether an activity deviates from its plan in a period, with the board's comment. */
@Entity('activity_result')
@Unique(['followupPeriodId', 'activityId'])
export class ActivityResult extends PeriodRow {
  @ManyToOne(() => Activity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  activity: Activity;

  @Column()
  activityId: number;

  @Column({ type: 'boolean' })
  deviation: boolean;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** Grows by one at every change; the ETag of PATCH, so a correction never overwrites one it has not seen. */
  @VersionColumn({ default: 1 })
  version: number;
}
