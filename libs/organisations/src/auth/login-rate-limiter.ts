import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig, RateLimitedError } from '@app/core';

/**
 * Two fixed windows: every attempt counts against the client address and
 * against the account; a successful login clears the account's count, so in
 * effect it counts the failures since the last success. With Redis the counters are shared by every
 * API process; without it (the embedded default runs one API process) they
 * live in memory.
 */
@Injectable()
export class LoginRateLimiter implements OnApplicationShutdown {
  private readonly perAddress: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;
  private readonly redis?: IORedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { maxAttemptsPerAddress, maxFailuresPerAccount, windowSeconds } = config.auth;
    if (config.redisUrl) {
      this.redis = new IORedis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      const prefix = `${config.queuePrefix}:login`;
      this.perAddress = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${prefix}:address`,
        points: maxAttemptsPerAddress,
        duration: windowSeconds,
      });
      this.perAccount = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${prefix}:account`,
        points: maxFailuresPerAccount,
        duration: windowSeconds,
      });
    } else {
      this.perAddress = new RateLimiterMemory({ points: maxAttemptsPerAddress, duration: windowSeconds });
      this.perAccount = new RateLimiterMemory({ points: maxFailuresPerAccount, duration: windowSeconds });
    }
  }

  /**
   * Counts the attempt against the address and the account before the password
   * is checked, so parallel guesses cannot slip past the account's limit; a
   * success clears the account's count again.
   */
  async admit(account: string, address: string): Promise<void> {
    await this.perAddress.consume(address).catch(rethrowAsRateLimited);
    await this.perAccount.consume(account).catch(rethrowAsRateLimited);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.perAccount.delete(account);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

function rethrowAsRateLimited(error: unknown): never {
  if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
  throw error;
}
