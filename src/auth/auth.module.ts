import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { normalizeUsername, IDENTITY_PROVIDER, PasswordIdentityProvider } from './identity-provider';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

/** Sign-in attempts allowed per minute: per user name, and per address (many names from one place). */
export const SIGN_IN_LIMITS = { perUsername: 5, perAddress: 30, windowMs: 60_000 };

/**
 * Accounts, sign-in and the guard in front of every route. Identity is behind
 * IDENTITY_PROVIDER (passwords today), so single sign-on can be added here alone.
 */
@Module({
  imports: [
    ThrottlerModule.forRoot({
      errorMessage: 'För många inloggningsförsök. Vänta en minut och försök igen.',
      throttlers: [
        { name: 'address', ttl: SIGN_IN_LIMITS.windowMs, limit: SIGN_IN_LIMITS.perAddress, getTracker: (req) => String(req.ip) },
        {
          name: 'username',
          ttl: SIGN_IN_LIMITS.windowMs,
          limit: SIGN_IN_LIMITS.perUsername,
          getTracker: (req) => (typeof req.body?.username === 'string' ? normalizeUsername(req.body.username) : String(req.ip)),
        },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [
    UsersService,
    SessionsService,
    { provide: IDENTITY_PROVIDER, useClass: PasswordIdentityProvider },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, SessionsService, IDENTITY_PROVIDER],
})
export class AuthModule {}
