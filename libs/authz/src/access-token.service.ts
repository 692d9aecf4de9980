import { KeyObject, createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, UnauthenticatedError } from '@app/core';

interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

const ISSUER = 'partnership-platform';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Short-lived HS256 access tokens naming the user; roles are read per request. */
@Injectable()
export class AccessTokenService {
  /**
   * The HMAC key, made once. Handed the secret as a string, jsonwebtoken first tries it as a PEM
   * public key on every call (which throws) and only then makes this same key: about a quarter of
   * an authenticated request's CPU (bench profile, issue 6). @nestjs/jwt's option types leave
   * KeyObject out; jsonwebtoken takes it, hence the casts.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret));
  }

  issue(userId: string): { accessToken: string; expiresAt: Date } {
    const ttl = this.config.auth.tokenTtlSeconds;
    const accessToken = this.jwt.sign({ sub: userId, typ: 'access' } satisfies AccessTokenClaims, {
      secret: this.key as unknown as Buffer,
      algorithm: 'HS256',
      issuer: ISSUER,
      expiresIn: ttl,
    });
    return { accessToken, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** The user id in a valid token; any bad, expired or foreign token is UNAUTHENTICATED. */
  verify(token: string): string {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, {
        secret: this.key as unknown as Buffer,
        algorithms: ['HS256'],
        issuer: ISSUER,
      });
      // The subject goes on to SQL: a value that is no user id is a bad token, not a database error.
      if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
        throw new Error('not an access token for a user');
      }
      return claims.sub;
    } catch {
      throw new UnauthenticatedError('Invalid or expired token');
    }
  }
}
