import { Check, Column, Entity, Unique } from 'typeorm';
import { kronorTransformer } from '../database/transformers';
import { PlanYearRow } from '../boards/plan-year-row';

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
export class AccountGroup extends PlanYearRow {
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  type: AccountType;

  @Column({ type: 'bigint', transformer: kronorTransformer })
  budget: number;

  @Column({ type: 'int' })
  position: number;
}
