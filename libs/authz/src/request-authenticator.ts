import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, UnauthenticatedError, cookieValue } from '@app/core';
import { AccessTokenService } from './access-token.service';
import type { Actor } from './actor';
import { ACTOR_RESOLVER, ActorResolver } from './actor-resolver';
import { isAllowedOrigin } from './origin-policy';
import { SESSION_COOKIE } from './session-cookie';
import { SESSION_STORE, SessionStore } from './session-store';

/** What a request carries that may say who sends it. */
export interface Credentials {
  headers: Record<string, string | string[] | undefined>;
  /** HTTP method; `undefined` for a websocket upgrade. */
  method?: string;
  /**
   * A session token vetted when its websocket opened (origin checked): each
   * operation over the socket checks that the session is still live.
   */
  sessionToken?: string;
}

const header = (credentials: Credentials, name: string): string | undefined => {
  const value = credentials.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Who sends a request, from one of two credentials:
 *
 * - `Authorization: Bearer <access token>` (API clients, scripts): accepted
 *   on any method. It is never sent by a browser on its own, so it needs no
 *   CSRF defence.
 * - the session cookie (the console in a browser): accepted on POST only and
 *   on the websocket upgrade, and only from an allowed `Origin` when the
 *   request names one (websockets must). GET is refused, so a link or an image
 *   can never run an operation with the cookie; Apollo's CSRF prevention
 *   refuses the POST content types a form can send.
 *
 * A bearer header wins over a cookie: a request is one caller.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    @Inject(ACTOR_RESOLVER) private readonly actors: ActorResolver,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(credentials: Credentials): Promise<Actor> {
    if (credentials.sessionToken !== undefined) return this.session(credentials.sessionToken);
    const authorization = header(credentials, 'authorization');
    if (authorization !== undefined) return this.bearer(authorization);
    const token = this.sessionToken(credentials);
    if (token === undefined) throw new UnauthenticatedError();
    return this.session(token);
  }

  /** The actor of an `Authorization: Bearer` header. */
  async bearer(authorization: string): Promise<Actor> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError();
    const actor = await this.actors.resolve(this.tokens.verify(match[1]));
    if (!actor) throw new UnauthenticatedError('Invalid or expired token');
    return actor;
  }

  /** The session token a request may use: the cookie, on POST or a websocket, from an allowed origin. */
  sessionToken(credentials: Credentials): string | undefined {
    const token = cookieValue(credentials.headers.cookie, SESSION_COOKIE);
    if (!token) return undefined;
    const isWebsocket = credentials.method === undefined;
    if (!isWebsocket && credentials.method !== 'POST') {
      throw new UnauthenticatedError('The session cookie is accepted on POST only');
    }
    const origin = header(credentials, 'origin');
    if (origin === undefined ? isWebsocket : !this.originAllowed(origin, header(credentials, 'host'))) {
      throw new UnauthenticatedError('The session cookie is not accepted from this origin');
    }
    return token;
  }

  private originAllowed(origin: string, host: string | undefined): boolean {
    return isAllowedOrigin(origin, host, this.config.http.allowedOrigins);
  }

  /** The actor of a live session, carrying its id (so long-lived connections can re-check it). */
  async session(token: string): Promise<Actor> {
    const session = await this.sessions.find(token);
    const actor = session && (await this.actors.resolve(session.userId));
    if (!session || !actor) throw new UnauthenticatedError('Your session has ended; sign in again');
    return actor.inSession(session.sessionId);
  }
}
