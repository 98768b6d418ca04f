import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FollowupPeriod } from '../boards/followup-period.entity';
import { Activity } from './activity.entity';

/** Whether an activity deviates from its plan in a period, with the board's comment. */
@Entity('activity_result')
@Unique(['followupPeriodId', 'activityId'])
export class ActivityResult {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => FollowupPeriod, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  followupPeriod: FollowupPeriod;

  @Column()
  followupPeriodId: number;

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
