import { Check, Column, Entity, JoinColumn, ManyToOne, Unique, VersionColumn } from 'typeorm';
import { Goal } from './goal.entity';
import { PeriodRow } from '../boards/period-row';

/** The board's own bedömning of a goal: Uppfylls helt / delvis / inte. */
export const ASSESSMENTS = ['full', 'partial', 'none'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** What the board reports about one goal in one period. */
@Entity('goal_assessment')
@Check('CHK_goal_assessment_assessment', `"assessment" IN ('full', 'partial', 'none')`)
@Unique(['followupPeriodId', 'goalId'])
export class GoalAssessment extends PeriodRow {
  @ManyToOne(() => Goal, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  goal: Goal;

  @Column()
  goalId: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  assessment: Assessment | null;

  @Column({ type: 'text', nullable: true })
  analysis: string | null;

  /** Grows by one at every change; the ETag of PATCH, so a correction never overwrites one it has not seen. */
  @VersionColumn({ default: 1 })
  version: number;
}
