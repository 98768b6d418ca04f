import { Column, Entity, JoinColumn, ManyToOne, Unique, VersionColumn } from 'typeorm';
import { decimalTransformer } from '../database/transformers';
import { Indicator } from './indicator.entity';
import { PeriodRow } from '../boards/period-row';

const decimal = { type: 'numeric' as const, nullable: true, transformer: decimalTransformer };

/** What a controller enters for one indicator in one period. Every value may be missing. */
@Entity('indicator_result')
@Unique(['followupPeriodId', 'indicatorId'])
export class IndicatorResult extends PeriodRow {
  @ManyToOne(() => Indicator, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  indicator: Indicator;

  @Column()
  indicatorId: number;

  /** Periodens utfall (cumulative for the year to date). */
  @Column(decimal)
  outcome: number | null;

  /** Utfall män/pojkar. */
  @Column(decimal)
  men: number | null;

  /** Utfall kvinnor/flickor. */
  @Column(decimal)
  women: number | null;

  /** Prognos helår. */
  @Column(decimal)
  forecast: number | null;

  @Column({ type: 'text', nullable: true })
  analysis: string | null;

  /** Grows by one at every change; the ETag of PATCH, so a correction never overwrites one it has not seen. */
  @VersionColumn({ default: 1 })
  version: number;
}
