import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlanYear } from '../boards/plan-year.entity';
import { kronorTransformer } from '../database/transformers';

/** Intäkt (revenue) or kostnad (cost). */
export const ACCOUNT_TYPES = ['revenue', 'cost'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/**
 * A kontogrupp of the driftbudget, such as "Taxor och avgifter" or "Personalkostnader".
 * As in the city's tables, revenue is negative and cost positive, so Netto is a plain sum.
 */
@Entity('account_group')
@Check('CHK_account_group_type', `"type" IN ('revenue', 'cost')`)
@Unique(['planYearId', 'name'])
export class AccountGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => PlanYear, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  planYear: PlanYear;

  @Column()
  planYearId: number;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  type: AccountType;

  @Column({ type: 'bigint', transformer: kronorTransformer })
  budget: number;

  @Column({ type: 'int' })
  position: number;
}
