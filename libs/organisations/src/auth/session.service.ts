import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LiveSession, SessionStore } from '@app/authz';
import { APP_CONFIG, AppConfig, preparedStatement } from '@app/core';

/** A session's token: 32 random bytes, base64url. Only its SHA-256 is stored. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Ended sessions are kept this long (who was signed in when), then deleted at the user's next sign-in. */
const KEEP_ENDED_DAYS = 30;

const LIVE = `s.revoked_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => s.idle_seconds)`;

/**
 * Every cookie-authenticated request runs it: the live session of a token hash,
 * and, when it was last marked used over a minute ago, marks it used now (so a
 * busy console writes once a minute, not on every request). Prepared once per
 * connection (see `preparedStatement`).
 */
const FIND = `WITH found AS (
       SELECT s.id, s.user_id, s.last_seen_at FROM sessions s WHERE s.token_hash = $1 AND ${LIVE}
     ), touched AS (
       UPDATE sessions SET last_seen_at = now()
         FROM found WHERE sessions.id = found.id AND found.last_seen_at < now() - interval '1 minute'
     )
     SELECT id, user_id FROM found`;

/**
 * Server-side browser sessions (table `sessions`). A browser holds an opaque
 * token in its HttpOnly cookie; the table holds the token's hash, the user,
 * and when the session ends: `SESSION_TTL_SECONDS` after sign-in,
 * `SESSION_IDLE_SECONDS` after its last use, or at sign-out. Nothing about
 * the session is cached: a revoked session is refused on the next request in
 * every API process.
 */
@Injectable()
export class SessionService implements SessionStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session for the user; the token is returned once, to go into the cookie. */
  async open(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const { ttlSeconds, idleSeconds } = this.config.auth.session;
    const [row]: { expires_at: Date }[] = await this.dataSource.query(
      `WITH forgotten AS (
         DELETE FROM sessions WHERE user_id = $1
            AND (revoked_at < now() - make_interval(days => $5) OR expires_at < now() - make_interval(days => $5))
       )
       INSERT INTO sessions (user_id, kind, token_hash, expires_at, idle_seconds)
       VALUES ($1, 'BROWSER', $2, now() + make_interval(secs => $3), $4)
       RETURNING expires_at`,
      [userId, hashOf(token), ttlSeconds, idleSeconds, KEEP_ENDED_DAYS],
    );
    return { token, expiresAt: row.expires_at };
  }

  async find(token: string): Promise<LiveSession | undefined> {
    const rows: { id: string; user_id: string }[] = await this.dataSource.query(
      preparedStatement('session-find', FIND),
      [hashOf(token)],
    );
    return rows[0] ? { sessionId: rows[0].id, userId: rows[0].user_id } : undefined;
  }

  async live(sessionIds: readonly string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM sessions s WHERE s.id = ANY ($1::uuid[]) AND ${LIVE}`,
      [sessionIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Ends the session of a token (sign-out). Returns whether a live session was ended. */
  async revoke(token: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH revoked AS (
         UPDATE sessions SET revoked_at = now(), revoked_reason = 'SIGN_OUT'
          WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id
       ) SELECT id FROM revoked`,
      [hashOf(token)],
    );
    return rows.length > 0;
  }
}
