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

/** How many verified tokens `verify` remembers (the oldest is forgotten first). */
export const VERIFIED_TOKENS_KEPT = 10_000;

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

  /**
   * Tokens already verified: their user and expiry (seconds since the epoch). What a token's signature,
   * issuer and type say never changes, so the signature is checked once per token (jsonwebtoken's
   * verify was about a twentieth of a write request's CPU, issue 6); the expiry is checked on every use,
   * as jsonwebtoken checks it. Only the token's validity is remembered: who the user is and which roles
   * they hold are still read from the database on every request.
   */
  private readonly verified = new Map<string, { userId: string; expiresAt: number }>();

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
    const known = this.verified.get(token);
    if (known) {
      // jsonwebtoken's rule: expired from the second `exp` names.
      if (Math.floor(Date.now() / 1000) < known.expiresAt) return known.userId;
      this.verified.delete(token);
      throw new UnauthenticatedError('Invalid or expired token');
    }
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = this.jwt.verify<AccessTokenClaims & { exp?: number }>(token, {
        secret: this.key as unknown as Buffer,
        algorithms: ['HS256'],
        issuer: ISSUER,
      });
      // The subject goes on to SQL: a value that is no user id is a bad token, not a database error.
      if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
        throw new Error('not an access token for a user');
      }
    } catch {
      throw new UnauthenticatedError('Invalid or expired token');
    }
    // Every token `issue` makes expires; one that would not is verified every time.
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { userId: claims.sub, expiresAt: claims.exp });
    }
    return claims.sub;
  }
}
