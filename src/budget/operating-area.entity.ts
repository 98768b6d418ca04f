import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlanYear } from '../boards/plan-year.entity';
import { kronorTransformer } from '../database/transformers';

/** A verksamhetsområde with its net cost budget for the year. Amounts in whole kronor. */
@Entity('operating_area')
@Unique(['planYearId', 'name'])
export class OperatingArea {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => PlanYear, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  planYear: PlanYear;

  @Column()
  planYearId: number;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Bokslut <year-1>: last year's net cost. */
  @Column({ type: 'bigint', nullable: true, transformer: kronorTransformer })
  previousYearActual: number | null;

  @Column({ type: 'bigint', transformer: kronorTransformer })
  budget: number;

  @Column({ type: 'int' })
  position: number;
}
