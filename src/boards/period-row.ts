import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FollowupPeriod } from './followup-period.entity';

/** A row reported for one period (T1, T2 or VB) of a plan year: a result, a bedömning, an avvikelse. */
export abstract class PeriodRow {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => FollowupPeriod, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  followupPeriod: FollowupPeriod;

  @Column()
  followupPeriodId: number;
}
