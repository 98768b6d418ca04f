import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUser } from './user.entity';

/**
 * A sign-in: the bearer token handed out at POST /api/auth/login (and, for the web pages,
 * a session cookie's value). Only the token's SHA-256 is stored, never the token itself,
 * so a copy of the database cannot be used to sign in.
 */
@Entity('auth_token')
export class AuthToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  user: AppUser;

  @Column()
  userId: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
