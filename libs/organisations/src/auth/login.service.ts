import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessTokenService } from '@app/authz';
import { UnauthenticatedError } from '@app/core';
import { verifyPassword } from '../people/passwords';
import { AccessToken } from '../people/people.model';
import { UserEntity } from '../people/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionService } from './session.service';

const INVALID = 'Invalid e-mail or password';

/**
 * E-mail and password for an access token (`login`, API clients) or a browser
 * session (`signIn`, the console). Both check the password the same way: the
 * answer is the same whether the e-mail is unknown, the password wrong or the
 * account disabled, and costs the same time, so it never tells whether an
 * account exists; and both count against the same rate limits.
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async login(email: string, password: string, clientAddress: string): Promise<AccessToken> {
    const user = await this.checkPassword(email, password, clientAddress);
    return this.tokens.issue(user.id);
  }

  /** A new browser session; its token goes into the HttpOnly cookie, never to scripts. */
  async signIn(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ user: UserEntity; token: string; expiresAt: Date }> {
    const user = await this.checkPassword(email, password, clientAddress);
    return { user, ...(await this.sessions.open(user.id)) };
  }

  private async checkPassword(email: string, password: string, clientAddress: string): Promise<UserEntity> {
    const account = email.trim().toLowerCase();
    await this.limiter.admit(account, clientAddress);
    const user = account.length <= 254 ? await this.users.findOneBy({ email: account }) : null;
    const passwordMatches = await verifyPassword(user?.passwordHash, password);
    if (!user || !passwordMatches || user.disabledAt) throw new UnauthenticatedError(INVALID);
    await this.limiter.recordSuccess(account);
    return user;
  }
}
