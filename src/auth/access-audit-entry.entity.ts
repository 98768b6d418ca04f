import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What an administrator did to an account. */
export const ACCESS_ACTIONS = ['add', 'grant', 'revoke', 'disable'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/**
 * One change of who may do what (SPEC 7): an account created, a role given or taken away,
 * an account disabled. Written in the same transaction as the change, from the command line
 * or the admin pages; like the audit trail of the figures, never updated or deleted (a
 * database trigger refuses it). Passwords are never recorded.
 */
@Entity('access_audit_entry')
@Index(['targetUsername'])
export class AccessAuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  /** Who made the change: the signed-in administrator, or null for the server's command line. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  actor: string | null;

  @Column({ type: 'varchar', length: 10 })
  source: 'web' | 'cli';

  /** The account changed. */
  @Column({ type: 'varchar', length: 100 })
  targetUsername: string;

  @Column({ type: 'varchar', length: 20 })
  action: AccessAction;

  @Column({ type: 'varchar', length: 20, nullable: true })
  role: string | null;

  /** The board of the role; null for a role on every board and for add/disable. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  boardCode: string | null;
}
