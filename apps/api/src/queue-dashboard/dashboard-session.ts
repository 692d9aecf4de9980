import type { Request } from 'express';
import { readCookie } from '@app/authz';

/** The cookie that carries a platform admin's access token to the dashboard's own pages and API. */
export const DASHBOARD_COOKIE = 'pp_queue_dashboard';

/**
 * The access token of a dashboard request: an `Authorization: Bearer` header
 * (scripts, tests) or the dashboard cookie (a browser, after the login form).
 */
export function dashboardToken(request: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer) return bearer[1];
  return readCookie(request.headers.cookie, DASHBOARD_COOKIE);
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page can
 * make the browser send it, so the dashboard's retry/clean buttons cannot be
 * triggered cross-site), scoped to the dashboard's path, Secure in production.
 */
export function sessionCookie(basePath: string, token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`Path=${basePath}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  return `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; ${attributes.join('; ')}`;
}
