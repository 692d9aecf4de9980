/**
 * Whether a browser request's `Origin` may use the session cookie: the API's
 * own origin (the console is served by the API; the development server
 * proxies with the browser's Host), or one listed in ALLOWED_ORIGINS. Checked
 * on every cookie-authenticated request and websocket, where SameSite alone
 * does not protect (a websocket is not subject to CORS).
 */
export function isAllowedOrigin(origin: string, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && host !== undefined && url.host === host;
}
