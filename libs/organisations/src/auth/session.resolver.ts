import { Args, Context, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { ClientAddress, Public, SESSION_COOKIE, clearedSessionCookie, sessionCookie } from '@app/authz';
import { APP_CONFIG, AppConfig, cookieValue } from '@app/core';
import { User } from '../people/people.model';
import { LoginArgs } from '../people/people.resolver';
import { LoginService } from './login.service';
import { SessionService } from './session.service';

@ObjectType({ description: 'A browser session was opened: its cookie is set (HttpOnly, never readable by scripts).' })
export class SignInResult {
  @Field(() => User) user!: User;
  @Field({ description: 'When the session ends at the latest (it also ends after a while unused).' })
  expiresAt!: Date;
}

/** The parts of Express's request and response the session cookie needs. */
interface HttpContext {
  req: { headers: Record<string, string | string[] | undefined> };
  res?: { append(name: string, value: string): unknown };
}

/**
 * Sign-in for browsers, as GraphQL mutations (not a REST endpoint): one
 * transport and one error format for the console (`UNAUTHENTICATED`,
 * `RATE_LIMITED`, as `login`), typed by the same generated schema, and behind
 * the same CSRF defences as every other operation (Apollo's CSRF prevention,
 * JSON only, POST only). The session token travels only in the `Set-Cookie`
 * header; the answer never carries it.
 */
@Resolver()
export class SessionResolver {
  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => SignInResult, {
    description:
      'Signs in a browser: sets the HttpOnly session cookie. Rate-limited and answered as `login` is. API clients use `login`.',
  })
  @Public()
  async signIn(
    @Args() { email, password }: LoginArgs,
    @ClientAddress() address: string,
    @Context() { res }: HttpContext,
  ): Promise<SignInResult> {
    const { user, token, expiresAt } = await this.logins.signIn(email, password, address);
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    res?.append('Set-Cookie', sessionCookie(token, maxAge, this.config.isProduction));
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName, language: user.language },
      expiresAt,
    };
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the browser session of this request on the server and clears its cookie; true if a live session was ended.',
  })
  @Public()
  async signOut(@Context() { req, res }: HttpContext): Promise<boolean> {
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    res?.append('Set-Cookie', clearedSessionCookie(this.config.isProduction));
    return token ? this.sessions.revoke(token) : false;
  }
}
