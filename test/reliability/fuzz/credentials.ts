import { createHmac, randomUUID } from 'node:crypto';
import { JWT_SECRET } from './api-process';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 JWT over any claims, signed with `secret` (the API's own, or not). */
export function signJwt(claims: Record<string, unknown>, secret = JWT_SECRET, header: Record<string, unknown> = {}) {
  const head = b64({ alg: 'HS256', typ: 'JWT', ...header });
  const body = b64(claims);
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);
const valid = (claims: Record<string, unknown>) =>
  signJwt({ typ: 'access', iss: 'partnership-platform', iat: now(), exp: now() + 3600, ...claims });

/** An access token exactly as the API issues them, for any subject (a user id, or one of nobody). */
export const accessTokenFor = (sub: string) => valid({ sub });

/**
 * Credentials an attacker would try, by kind: garbage, tokens the server
 * could have signed but with a subject that is no user (or no id at all),
 * expired, unsigned, signed with another key. `userId` is a real user's id.
 */
export function forgedAuthorizations(userId: string): [kind: string, header: string][] {
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: userId, typ: 'access', iss: 'partnership-platform' })}.`;
  return [
    ['empty Authorization', ''],
    ['Bearer without a token', 'Bearer'],
    ['Bearer garbage', 'Bearer a.b.c'],
    ['Basic credentials', 'Basic YWRtaW5AZGVtby5sb2NhbDpkZW1v'],
    ['Bearer of 8 KB', `Bearer ${'A'.repeat(8192)}`],
    ['two Bearer tokens', `Bearer ${valid({ sub: userId })} Bearer x`],
    ['JWT with alg none', `Bearer ${unsigned}`],
    [
      'JWT signed with another key',
      `Bearer ${signJwt({ sub: userId, typ: 'access', iss: 'partnership-platform' }, 'not-the-secret')}`,
    ],
    ['JWT with alg HS512 header', `Bearer ${signJwt({ sub: userId, typ: 'access' }, JWT_SECRET, { alg: 'HS512' })}`],
    ['JWT, subject not a UUID', `Bearer ${valid({ sub: "1' OR '1'='1" })}`],
    ['JWT, subject with NUL', `Bearer ${valid({ sub: `${userId}\u0000` })}`],
    ['JWT, subject a lone surrogate', `Bearer ${valid({ sub: '\ud800' })}`],
    ['JWT, subject a number', `Bearer ${valid({ sub: 12345 })}`],
    ['JWT, subject an object', `Bearer ${valid({ sub: { id: userId } })}`],
    ['JWT, no subject', `Bearer ${valid({})}`],
    ['JWT, subject of nobody', `Bearer ${valid({ sub: randomUUID() })}`],
    ['JWT, subject upper-case', `Bearer ${valid({ sub: userId.toUpperCase() })}`],
    ['JWT, wrong token type', `Bearer ${valid({ sub: userId, typ: 'refresh' })}`],
    ['JWT, expired', `Bearer ${valid({ sub: userId, exp: now() - 10 })}`],
    ['JWT, expiry in year 5 million', `Bearer ${valid({ sub: userId, exp: 1e14 })}`],
    ['JWT, expiry not a number', `Bearer ${valid({ sub: userId, exp: 'never' })}`],
    ['JWT, not valid yet', `Bearer ${valid({ sub: userId, nbf: now() + 3600 })}`],
    ['JWT, other issuer', `Bearer ${valid({ sub: userId, iss: 'evil' })}`],
    [
      'JWT with a path in kid',
      `Bearer ${signJwt({ sub: userId, typ: 'access' }, JWT_SECRET, { kid: '../../etc/passwd' })}`,
    ],
    ['JWT header not JSON', `Bearer ${Buffer.from('{').toString('base64url')}.${b64({ sub: userId })}.x`],
  ];
}
