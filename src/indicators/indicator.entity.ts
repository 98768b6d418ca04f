import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { decimalTransformer } from '../database/transformers';
import { Goal } from '../goals/goal.entity';
import { PlanYearRow } from '../boards/plan-year-row';

/** Nämndindikator (the board's own) or KF-indikator (set by the city council). */
export const INDICATOR_SOURCES = ['board', 'council'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const INDICATOR_UNITS = ['percent', 'count', 'index', 'days', 'sek'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Whether a higher value is better, a lower one, or closeness to the target (±tolerance). */
export const DIRECTIONS = ['increase', 'decrease', 'range'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How often the indicator is measured: every tertial, every half year or once a year. */
export const FREQUENCIES = ['tertial', 'halfyear', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const decimal = { type: 'numeric' as const, nullable: true, transformer: decimalTransformer };

/** An indikator hanging on a KF goal or a nämndmål, with its targets for the year. */
@Entity('indicator')
@Check('CHK_indicator_source', `"source" IN ('board', 'council')`)
@Check('CHK_indicator_unit', `"unit" IN ('percent', 'count', 'index', 'days', 'sek')`)
@Check('CHK_indicator_direction', `"direction" IN ('increase', 'decrease', 'range')`)
@Check('CHK_indicator_frequency', `"frequency" IN ('tertial', 'halfyear', 'year')`)
@Unique(['planYearId', 'code'])
export class Indicator extends PlanYearRow {
  @ManyToOne(() => Goal, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  goal: Goal;

  @Column()
  goalId: number;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  source: IndicatorSource;

  @Column({ type: 'varchar', length: 10 })
  unit: IndicatorUnit;

  @Column({ type: 'varchar', length: 10 })
  direction: Direction;

  /** Könsuppdelad: outcomes are reported for män/pojkar and kvinnor/flickor too. */
  @Column({ type: 'boolean' })
  genderSplit: boolean;

  @Column({ type: 'varchar', length: 10 })
  frequency: Frequency;

  /** Årsmål, set by the board. */
  @Column(decimal)
  annualTarget: number | null;

  /** KF:s årsmål; null means "tas fram av nämnden". */
  @Column(decimal)
  councilTarget: number | null;

  /** For range indicators: the allowed distance from the årsmål. */
  @Column(decimal)
  tolerance: number | null;

  /** Where "Uppnås delvis" begins; default 90 % (increase) or 110 % (decrease) of the årsmål. */
  @Column(decimal)
  partialThreshold: number | null;

  /** Periodens utfall VB <year-1>. */
  @Column(decimal)
  previousYearOutcome: number | null;

  /**
   * How much worse than last year the value may get before "Försämring mot föregående år" is
   * flagged, in the indicator's unit; null means 5 % of the årsmål.
   */
  @Column(decimal)
  deteriorationThreshold: number | null;

  /** The Kolada key figure (KPI id, e.g. "N00945") whose values `import-kolada` writes into this indicator. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  koladaKpi: string | null;

  @Column({ type: 'int' })
  position: number;
}
