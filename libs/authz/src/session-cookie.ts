/** The console's session cookie: an opaque token naming a server-side session. */
export const SESSION_COOKIE = 'pp_session';

/** Only GraphQL needs it (POST /graphql and the graphql-ws upgrade); no other path is sent it. */
export const SESSION_COOKIE_PATH = '/graphql';

/**
 * `Set-Cookie` for a session: HttpOnly (no script reads it, so an injected
 * script cannot carry it away), SameSite=Strict (no other site's page makes
 * the browser send it), Secure in production, scoped to /graphql.
 */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`Path=${SESSION_COOKIE_PATH}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${attributes.join('; ')}`;
}

/** `Set-Cookie` that makes the browser forget the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
