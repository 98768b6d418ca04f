import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Goal } from '../goals/goal.entity';
import { PlanYearRow } from '../boards/plan-year-row';

/** An aktivitet the board carries out for a goal, between a start and an end date. */
@Entity('activity')
@Check('CHK_activity_dates', `"end_date" >= "start_date"`)
@Unique(['planYearId', 'code'])
export class Activity extends PlanYearRow {
  @ManyToOne(() => Goal, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  goal: Goal;

  @Column()
  goalId: number;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** ISO date (YYYY-MM-DD); PostgreSQL `date`, read as text so no time zone shifts it. */
  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'int' })
  position: number;
}
