import { Column, Entity, Unique } from 'typeorm';
import { PeriodRow } from '../boards/period-row';

/**
 * A narrative text of a period's report (SPEC 2.2): the "Sammanfattande analys", the
 * comment under the driftbudget table, or one of the headed sections that follow the
 * budget (Resultatenheter, Investeringar …). Kept one row per text so that an import
 * changes, adds or removes each text on its own.
 *
 * `key` is `summary`, `budgetComment` or `section:<heading>`.
 */
@Entity('period_text')
@Unique(['followupPeriodId', 'key'])
export class PeriodText extends PeriodRow {
  @Column({ type: 'varchar', length: 400 })
  key: string;

  /** The section's heading; null for the summary and the budget comment. */
  @Column({ type: 'text', nullable: true })
  heading: string | null;

  @Column({ type: 'text' })
  text: string;

  /** Order of the sections as the document gives them. */
  @Column({ type: 'int' })
  position: number;
}
