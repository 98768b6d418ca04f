import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { UserGrant } from './user-grant.entity';

/**
 * A person who may sign in. The password is kept only as an argon2id hash; a disabled
 * account cannot sign in and its tokens stop working.
 */
@Entity('app_user')
export class AppUser {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  username: string;

  /** argon2id hash (PHC string); null for an account that signs in another way (e.g. single sign-on later). */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => UserGrant, (grant) => grant.user)
  grants: UserGrant[];
}
