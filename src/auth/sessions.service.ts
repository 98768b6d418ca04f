import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthToken } from './auth-token.entity';
import { Principal } from './principal';
import { UsersService } from './users.service';

export const DEFAULT_TOKEN_HOURS = 8;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sign-ins that last: a random token handed to the person once, of which only the SHA-256
 * is stored, with an expiry. The API sends it as a bearer token; the web pages can carry
 * the same token in a session cookie.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const hours = this.config.tokenHours ?? DEFAULT_TOKEN_HOURS;
    const expiresAt = new Date(Date.now() + hours * 3600_000);
    const repo = this.dataSource.getRepository(AuthToken);
    await repo.delete({ userId, expiresAt: LessThan(new Date()) });
    await repo.insert({ tokenHash: tokenHash(token), userId, expiresAt });
    return { token, expiresAt };
  }

  /** The person a token belongs to, or null when it is unknown, expired or their account is disabled. */
  async resolve(token: string): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const row = await this.dataSource.getRepository(AuthToken).findOneBy({ tokenHash: tokenHash(token) });
    if (!row || row.expiresAt.getTime() <= Date.now()) return null;
    return this.users.principalOf(row.userId);
  }

  async revoke(token: string): Promise<void> {
    await this.dataSource.getRepository(AuthToken).delete({ tokenHash: tokenHash(token) });
  }
}
