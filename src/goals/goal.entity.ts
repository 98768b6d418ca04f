import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { PlanYearRow } from '../boards/plan-year-row';

/**
 * The three levels of the city's goal tree (the ILS model):
 * KF:s inriktningsmål → KF:s mål för verksamhetsområdet → nämndmål.
 */
export const GOAL_LEVELS = ['councilAim', 'councilGoal', 'boardGoal'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

/** A goal at any level of one plan year's tree. Codes are unique within the plan year. */
@Entity('goal')
@Check('CHK_goal_level', `"level" IN ('councilAim', 'councilGoal', 'boardGoal')`)
@Unique(['planYearId', 'code'])
export class Goal extends PlanYearRow {
  @Column({ type: 'varchar', length: 20 })
  level: GoalLevel;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Förväntat resultat, only for nämndmål. */
  @Column({ type: 'text', nullable: true })
  expectedResult: string | null;

  /** The goal one level up; null for an inriktningsmål. */
  @ManyToOne(() => Goal, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  parent: Goal | null;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  /** Order in the plan document, which is the order of the report. */
  @Column({ type: 'int' })
  position: number;
}
