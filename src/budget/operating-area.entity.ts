import { Column, Entity, Unique } from 'typeorm';
import { kronorTransformer } from '../database/transformers';
import { PlanYearRow } from '../boards/plan-year-row';

/** A verksamhetsområde with its net cost budget for the year. Amounts in whole kronor. */
@Entity('operating_area')
@Unique(['planYearId', 'name'])
export class OperatingArea extends PlanYearRow {
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
