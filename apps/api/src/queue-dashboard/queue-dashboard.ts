import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import { ACTOR_RESOLVER, AccessTokenService, ActorResolver } from '@app/authz';
import { APP_CONFIG, AppConfig, AppError, QUEUES, QueueFactory, asyncHandler, unstorableTextProblem } from '@app/core';
import { LoginService } from '@app/organisations';
import { dashboardToken, sessionCookie } from './dashboard-session';
import { maskedDashboardError, refuseUnstorableInput } from './dashboard-input';
import { loginPage } from './login-page';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const LOGIN_PATH = '/login';

/**
 * bull-board over every queue, at /admin/queues, for platform admins only:
 * each request (page, asset, API call) must carry a valid access token of a
 * user holding PLATFORM_ADMIN, as a Bearer header or the cookie set by the
 * dashboard's sign-in form. Anyone else gets 401/403 and never reaches
 * bull-board. From it an admin sees waiting/active/delayed/failed jobs and
 * retries failed ones (they are kept: see DEFAULT_JOB_OPTIONS).
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboard.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueFactory,
    private readonly tokens: AccessTokenService,
    private readonly logins: LoginService,
    @Inject(ACTOR_RESOLVER) private readonly actors: ActorResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Mounted on module init: after Nest's body parsers, before its 404 handler.
  onModuleInit(): void {
    const board = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QUEUES).map((name) => new BullMQAdapter(this.queues.queue(name))),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'Partnership queues' } },
    });
    const onError = (error: unknown) =>
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
    board.setErrorHandler(maskedDashboardError(onError));
    const express = this.adapterHost.httpAdapter.getInstance<Express>();
    express.post(
      `${QUEUE_DASHBOARD_PATH}${LOGIN_PATH}`,
      asyncHandler((request, response) => this.signIn(request, response), onError),
    );
    express.get(`${QUEUE_DASHBOARD_PATH}${LOGIN_PATH}`, (_request, response) => {
      this.sendLoginPage(response, 200);
    });
    express.use(
      QUEUE_DASHBOARD_PATH,
      asyncHandler((request, response, next) => this.admit(request, response, next), onError),
      refuseUnstorableInput,
      board.getRouter() as (request: Request, response: Response, next: NextFunction) => void,
    );
  }

  /** Lets the request through to bull-board only for a platform admin. */
  private async admit(request: Request, response: Response, next: NextFunction): Promise<void> {
    const token = dashboardToken(request);
    if (!token) {
      // A browser opening the dashboard goes to the sign-in form; anything else gets a plain 401.
      if (request.method === 'GET' && request.accepts(['json', 'html']) === 'html') {
        response.redirect(303, `${QUEUE_DASHBOARD_PATH}${LOGIN_PATH}`);
      } else {
        response.status(401).json({ error: 'Sign in as a platform administrator' });
      }
      return;
    }
    try {
      if (await this.isPlatformAdmin(token)) return next();
      response.status(403).json({ error: 'Platform administrators only' });
    } catch {
      response.status(401).json({ error: 'Invalid or expired token' });
    }
  }

  private async signIn(request: Request, response: Response): Promise<void> {
    const { email, password } = (request.body ?? {}) as { email?: unknown; password?: unknown };
    if (typeof email !== 'string' || typeof password !== 'string') {
      return this.sendLoginPage(response, 400, 'E-mail and password are required.');
    }
    if (unstorableTextProblem(email) || unstorableTextProblem(password)) {
      return this.sendLoginPage(response, 400, 'E-mail or password contains characters that are not allowed.');
    }
    try {
      const { accessToken } = await this.logins.login(email, password, request.ip ?? 'unknown');
      if (!(await this.isPlatformAdmin(accessToken))) {
        return this.sendLoginPage(response, 403, 'This account is not a platform administrator.');
      }
      const maxAge = this.config.auth.tokenTtlSeconds;
      response.setHeader(
        'Set-Cookie',
        sessionCookie(QUEUE_DASHBOARD_PATH, accessToken, maxAge, this.config.isProduction),
      );
      response.redirect(303, `${QUEUE_DASHBOARD_PATH}/`);
    } catch (error) {
      // Wrong credentials and rate limiting answer as the login mutation does; nothing else leaks.
      if (error instanceof AppError) return this.sendLoginPage(response, 401, error.message);
      this.logger.error(`dashboard sign-in failed: ${(error as Error).message}`);
      this.sendLoginPage(response, 500, 'Sign-in failed; try again.');
    }
  }

  private async isPlatformAdmin(token: string): Promise<boolean> {
    const actor = await this.actors.resolve(this.tokens.verify(token));
    return actor?.isPlatformAdmin === true;
  }

  private sendLoginPage(response: Response, status: number, message?: string): void {
    response
      .status(status)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(loginPage(`${QUEUE_DASHBOARD_PATH}${LOGIN_PATH}`, message));
  }
}
