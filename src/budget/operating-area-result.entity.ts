import { Column, Entity, JoinColumn, ManyToOne, Unique, VersionColumn } from 'typeorm';
import { kronorTransformer } from '../database/transformers';
import { OperatingArea } from './operating-area.entity';
import { PeriodRow } from '../boards/period-row';

/** A period's prognos for a verksamhetsområde and the justering the board asks for. */
@Entity('operating_area_result')
@Unique(['followupPeriodId', 'operatingAreaId'])
export class OperatingAreaResult extends PeriodRow {
  @ManyToOne(() => OperatingArea, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  operatingArea: OperatingArea;

  @Column()
  operatingAreaId: number;

  @Column({ type: 'bigint', transformer: kronorTransformer })
  forecast: number;

  /** Justering: budget adjustments requested (e.g. from the city's central funds). */
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 })
  adjustment: number;

  /** Prestationsförändring: the budget change that follows from volumes, + when the board gets more. */
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 })
  volumeChange: number;

  /** Återredovisning: money given back to kommunstyrelsen, + when returned. */
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 })
  returned: number;

  /** Grows by one at every change; the ETag of PATCH, so a correction never overwrites one it has not seen. */
  @VersionColumn({ default: 1 })
  version: number;
  /** What the report says about the area's prognos, under a heading with its avvikelse. */
  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
