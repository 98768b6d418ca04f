import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where a change came from (SPEC 7). */
export const AUDIT_SOURCES = ['import', 'api', 'web', 'cli'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/**
 * One changed field of a plan or follow-up, written in the same transaction as the change.
 * Nothing in the product updates or deletes these rows (a database trigger refuses it), and
 * they carry the board, year and period as values, not as references, so that removing a
 * plan never removes its history.
 */
@Entity('audit_entry')
@Index(['boardCode', 'year', 'period'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  /** Who: the signed-in user, or at the command line the system user who ran it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 10 })
  source: AuditSource;

  @Column({ type: 'varchar', length: 50 })
  boardCode: string;

  @Column({ type: 'int' })
  year: number;

  /** T1, T2, VB …; null for the plan itself. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  period: string | null;

  /** indicator, goal, activity, operating_area, account_group, period … */
  @Column({ type: 'varchar', length: 50 })
  objectKind: string;

  /** The object's code or name. */
  @Column({ type: 'text' })
  objectCode: string;

  @Column({ type: 'varchar', length: 100 })
  field: string;

  @Column({ type: 'text', nullable: true })
  oldValue: string | null;

  @Column({ type: 'text', nullable: true })
  newValue: string | null;
}
