import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { AppUser } from './user.entity';

/** What a person signs in with through the product's own form or API. */
export interface PasswordCredentials {
  username: string;
  password: string;
}

/**
 * How a person proves who they are. The product signs people in with a password today;
 * a city's single sign-on (OIDC) would be one more implementation that answers the same
 * question, leaving the guard, the roles and every domain module as they are.
 */
export interface IdentityProvider {
  /** The account the credentials prove, or null (unknown name, wrong password, disabled account). */
  authenticate(credentials: PasswordCredentials): Promise<AppUser | null>;
}

export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');

/** Usernames are compared without regard to case: "Anna" and "anna" are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Password sign-in against argon2id hashes. */
@Injectable()
export class PasswordIdentityProvider implements IdentityProvider {
  /** Verified when the name is unknown, so that a wrong name takes as long as a wrong password. */
  private readonly decoy = hashPassword('ingen-användare');

  constructor(private readonly dataSource: DataSource) {}

  async authenticate({ username, password }: PasswordCredentials): Promise<AppUser | null> {
    const user = await this.dataSource.getRepository(AppUser).findOneBy({ username: normalizeUsername(username) });
    const stored = user?.passwordHash ?? (await this.decoy);
    const matches = await verify(stored, password).catch(() => false);
    if (!user || !user.passwordHash || !matches || user.disabledAt) return null;
    return user;
  }
}
