import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlanYear } from './plan-year.entity';

/** A row that belongs to one board's plan year (a goal, indicator, activity or budget line). */
export abstract class PlanYearRow {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => PlanYear, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  planYear: PlanYear;

  @Column()
  planYearId: number;
}
