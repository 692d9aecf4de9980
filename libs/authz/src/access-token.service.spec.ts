import { createSecretKey, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, UnauthenticatedError } from '@app/core';
import { AccessTokenService, VERIFIED_TOKENS_KEPT } from './access-token.service';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const config = { auth: { jwtSecret: SECRET, tokenTtlSeconds: 60 } } as AppConfig;

/**
 * A token's signature is checked once, its expiry on every use: the verdicts
 * are jsonwebtoken's, remembered only for tokens it accepted.
 */
describe('AccessTokenService.verify', () => {
  let jwt: JwtService;
  let tokens: AccessTokenService;
  let now: jest.SpyInstance<number, []>;

  beforeEach(() => {
    jwt = new JwtService({});
    tokens = new AccessTokenService(jwt, config);
    now = jest.spyOn(Date, 'now');
  });
  afterEach(() => now.mockRestore());

  const refused = (token: string) => expect(() => tokens.verify(token)).toThrow(UnauthenticatedError);

  it('answers the user of an issued token, checking its signature once', () => {
    const user = randomUUID();
    const { accessToken } = tokens.issue(user);
    const verify = jest.spyOn(jwt, 'verify');
    expect(tokens.verify(accessToken)).toBe(user);
    expect(tokens.verify(accessToken)).toBe(user);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('refuses a remembered token from the second its expiry names, as jsonwebtoken does', () => {
    const issuedAt = Date.now();
    now.mockReturnValue(issuedAt);
    const { accessToken } = tokens.issue(randomUUID());
    tokens.verify(accessToken);
    const exp = Math.floor(issuedAt / 1000) + config.auth.tokenTtlSeconds;
    now.mockReturnValue(exp * 1000 - 1);
    expect(() => tokens.verify(accessToken)).not.toThrow();
    now.mockReturnValue(exp * 1000);
    refused(accessToken);
    // Forgotten, and refused by jsonwebtoken itself from then on.
    refused(accessToken);
  });

  it('refuses, and never remembers, a forged, foreign or malformed token', () => {
    const user = randomUUID();
    const forged = new JwtService({}).sign(
      { sub: user, typ: 'access' },
      { secret: createSecretKey(Buffer.from(`${SECRET}-other`)) as unknown as Buffer, issuer: 'partnership-platform' },
    );
    const key = createSecretKey(Buffer.from(SECRET)) as unknown as Buffer;
    const otherIssuer = jwt.sign({ sub: user, typ: 'access' }, { secret: key, issuer: 'someone-else', expiresIn: 60 });
    const notAccess = jwt.sign({ sub: user, typ: 'refresh' }, { secret: key, issuer: 'partnership-platform' });
    const noUser = jwt.sign({ sub: 'admin', typ: 'access' }, { secret: key, issuer: 'partnership-platform' });
    const verify = jest.spyOn(jwt, 'verify');
    for (const token of [forged, otherIssuer, notAccess, noUser, 'not.a.token', '']) {
      refused(token);
      refused(token);
    }
    expect(verify).toHaveBeenCalledTimes(12);
  });

  it(`remembers at most ${VERIFIED_TOKENS_KEPT} tokens, forgetting the oldest first`, () => {
    const first = tokens.issue(randomUUID()).accessToken;
    tokens.verify(first);
    for (let i = 0; i < VERIFIED_TOKENS_KEPT; i++) tokens.verify(tokens.issue(randomUUID()).accessToken);
    const verify = jest.spyOn(jwt, 'verify');
    tokens.verify(first);
    expect(verify).toHaveBeenCalledTimes(1);
    expect((tokens as unknown as { verified: Map<string, unknown> }).verified.size).toBe(VERIFIED_TOKENS_KEPT);
  });
});
