import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { credentialOf, csrfTokenOf, SESSION_COOKIE } from './auth.guard';
import { LoginDto } from './dto/login.dto';
import { IDENTITY_PROVIDER, IdentityProvider } from './identity-provider';
import { AuthenticatedRequest, CurrentPrincipal, Public, Requires } from './permission.decorator';
import { Principal } from './principal';
import { ROLE_LABELS } from './roles';
import { SessionsService } from './sessions.service';

@ApiTags('Inloggning')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(IDENTITY_PROVIDER) private readonly identities: IdentityProvider,
    private readonly sessions: SessionsService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Logga in med användarnamn och lösenord; svarar med en token att skicka som "Authorization: Bearer <token>"',
    description:
      'Upprepade försök bromsas per användarnamn och per adress (429). Med "cookie": true (webbsidorna) läggs token i en ' +
      'HttpOnly-cookie och svaret ger en csrfToken som varje ändring måste skicka i huvudet X-CSRF-Token.',
  })
  async login(
    @Body() body: LoginDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ token?: string; csrfToken?: string; expiresAt: Date; username: string }> {
    const user = await this.identities.authenticate(body);
    if (!user) throw new DomainError(DomainErrorCode.Unauthenticated, 'Fel användarnamn eller lösenord, eller så är kontot avstängt.');
    const session = await this.sessions.issue(user.id);
    if (!body.cookie) return { ...session, username: user.username };
    // A web session: the token goes only into an HttpOnly cookie; the page gets the CSRF token to repeat on writes.
    res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', path: '/', expires: session.expiresAt, secure: req.secure });
    return { csrfToken: csrfTokenOf(session.token), expiresAt: session.expiresAt, username: user.username };
  }

  @Post('logout')
  @Requires('signedIn')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Logga ut: token slutar gälla' })
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<{ message: string }> {
    const credential = credentialOf(request)!;
    await this.sessions.revoke(credential.token);
    if (credential.via === 'cookie') res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { message: 'Du är utloggad.' };
  }

  @Get('me')
  @Requires('signedIn')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Vem som är inloggad, med roller per nämnd' })
  me(@CurrentPrincipal() principal: Principal) {
    return {
      username: principal.username,
      admin: principal.isAdmin,
      grants: principal.grants.map((g) => ({ ...g, roleLabel: ROLE_LABELS[g.role] })),
    };
  }
}
