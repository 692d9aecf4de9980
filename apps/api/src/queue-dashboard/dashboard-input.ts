import type { NextFunction, Request, Response } from 'express';
import { findUnstorableText } from '@app/core';

function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * bull-board passes what it is given — job ids, statuses, job options — to
 * the queue backend (on PostgreSQL, into SQL), and its own error messages
 * use NUL as a separator: a NUL in a job id or a query was a 500 carrying
 * PostgreSQL's message. The dashboard gets the rule every GraphQL argument
 * gets: only text PostgreSQL can store, in the path, the query and the body.
 */
export function refuseUnstorableInput(request: Request, response: Response, next: NextFunction): void {
  const path = decodedPath(request.path);
  const problem =
    path === undefined
      ? { path: 'path', problem: 'is not valid percent-encoding' }
      : (findUnstorableText(path, 'path') ??
        findUnstorableText(request.query, 'query') ??
        findUnstorableText(request.body, 'body'));
  if (problem) {
    response.status(400).json({ error: `Invalid request: ${problem.path} ${problem.problem}` });
    return;
  }
  next();
}

/** The statuses bull-board answers with; any other failure is a 500. */
const CLIENT_ERRORS = [400, 403, 404, 405, 409] as const;
type ClientError = (typeof CLIENT_ERRORS)[number];
const isClientError = (status: number | undefined): status is ClientError =>
  (CLIENT_ERRORS as readonly number[]).includes(status ?? 0);

/** bull-board's own answer to a failure, minus the failure's message (a queue backend's, e.g. PostgreSQL's). */
export function maskedDashboardError(onUnexpected: (error: unknown) => void) {
  return (error: Error & { statusCode?: number }) => {
    if (isClientError(error.statusCode)) {
      return { status: error.statusCode, body: { error: { key: 'ERRORS.BAD_REQUEST' }, message: error.message } };
    }
    onUnexpected(error);
    return {
      status: 500 as const,
      body: { error: { key: 'ERRORS.INTERNAL_SERVER_ERROR' }, message: 'Internal server error' },
    };
  };
}
