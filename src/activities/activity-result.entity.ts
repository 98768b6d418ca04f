import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
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
}
