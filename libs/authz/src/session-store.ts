export const SESSION_STORE = Symbol('SESSION_STORE');

/** A live browser session: whose it is. */
export interface LiveSession {
  sessionId: string;
  userId: string;
}

/**
 * Port implemented by the organisations library: server-side sessions, looked
 * up by the opaque token a browser holds in its cookie. A session that is
 * unknown, expired, idle too long or revoked is never found, so signing out
 * (revoking) takes effect on the very next request.
 */
export interface SessionStore {
  /** The session of a token, marking it used; `undefined` unless it is live. */
  find(token: string): Promise<LiveSession | undefined>;
  /** Which of these sessions are still live (for long-lived connections). */
  live(sessionIds: readonly string[]): Promise<Set<string>>;
}
