import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles';
import { AppUser } from './user.entity';

/**
 * A role on one board (by its code, so a grant may be given before the board's plan is
 * imported), or the administrator role with no board (every board).
 */
@Entity('user_grant')
@Check('CHK_user_grant_role', `"role" IN ('controller', 'manager', 'auditor', 'city', 'admin')`)
@Check('CHK_user_grant_board', `("role" IN ('admin', 'city')) = ("board_code" IS NULL)`)
export class UserGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => AppUser, (user) => user.grants, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  user: AppUser;

  @Column()
  userId: number;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'varchar', length: 50, nullable: true })
  boardCode: string | null;
}
