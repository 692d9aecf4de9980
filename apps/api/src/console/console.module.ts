import { Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, Response } from 'express';
import { ConsoleFile, findConsoleDir, loadConsoleFiles } from './console-files';

/** Paths the console never answers: the API's own. */
const API_PATHS = /^\/(graphql|graphiql|admin|health)(\/|$)/;

/**
 * The console's pages: script, style, the API (also over websocket) and
 * nothing else from this origin; never framed. Mantine sets inline styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the staff console (apps/web, built by `npm start` or `npm run
 * build:web`) at `/`: its files as built, and index.html for any other page
 * a browser asks for (the console routes in the browser). GraphQL, GraphiQL,
 * the queue dashboard and health checks are left to their own handlers.
 */
@Injectable()
export class ConsoleStatic implements OnModuleInit {
  private readonly logger = new Logger(ConsoleStatic.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const dir = findConsoleDir();
    if (!dir) this.logger.warn('The console is not built (apps/web/dist): run `npm run build:web`');
    const express = this.adapterHost.httpAdapter.getInstance<Express>();
    express.use(consoleMiddleware(dir ? loadConsoleFiles(dir) : undefined));
  }
}

/** Answers GET/HEAD for console files and pages; everything else goes on to the API. */
export function consoleMiddleware(files: Map<string, ConsoleFile> | undefined) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path)) return next();
    if (!files) {
      if (request.path !== '/') return next();
      response.status(404).type('text/plain').send('The console is not built: run `npm run build:web`.\n');
      return;
    }
    const file = files.get(request.path);
    if (file) return send(request, response, file);
    // A console route (e.g. /referrals/…) opened directly: the app decides what it shows.
    if (!request.path.startsWith('/assets/') && request.accepts(['html', 'json']) === 'html') {
      return send(request, response, files.get('/index.html')!);
    }
    next();
  };
}

function send(request: Request, response: Response, file: ConsoleFile): void {
  response.setHeader('Content-Type', file.type);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'same-origin');
  response.setHeader('Vary', 'Accept-Encoding');
  response.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (file.type.startsWith('text/html')) {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Frame-Options', 'DENY');
  }
  const gzip = file.gzipped && request.acceptsEncodings('gzip') === 'gzip';
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  const body = gzip ? file.gzipped! : file.body;
  response.setHeader('Content-Length', String(body.length));
  if (request.method === 'HEAD') response.end();
  else response.end(body);
}

/** The built console at `/`. */
@Module({ providers: [ConsoleStatic] })
export class ConsoleModule {}
