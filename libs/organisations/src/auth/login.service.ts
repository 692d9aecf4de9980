import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessTokenService } from '@app/authz';
import { UnauthenticatedError } from '@app/core';
import { verifyPassword } from '../people/passwords';
import { AccessToken } from '../people/people.model';
import { UserEntity } from '../people/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';

const INVALID = 'Invalid e-mail or password';

/**
 * E-mail and password for an access token. The answer is the same whether the
 * e-mail is unknown, the password wrong or the account disabled, and costs the
 * same time, so it never tells whether an account exists.
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: AccessTokenService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async login(email: string, password: string, clientAddress: string): Promise<AccessToken> {
    const account = email.trim().toLowerCase();
    await this.limiter.admit(account, clientAddress);
    const user = account.length <= 254 ? await this.users.findOneBy({ email: account }) : null;
    const passwordMatches = await verifyPassword(user?.passwordHash, password);
    if (!user || !passwordMatches || user.disabledAt) throw new UnauthenticatedError(INVALID);
    await this.limiter.recordSuccess(account);
    return this.tokens.issue(user.id);
  }
}
