import type { NextFunction, Request, RequestHandler, Response } from 'express';

type AsyncHandler = (request: Request, response: Response, next: NextFunction) => Promise<void>;

/**
 * An Express handler from an async function, for routes mounted on Express
 * directly (outside Nest's exception filters). A rejection never escapes:
 * it is reported and, if nothing was sent yet, answered 500 without detail.
 */
export function asyncHandler(handler: AsyncHandler, onError: (error: unknown) => void): RequestHandler {
  return (request, response, next) => {
    handler(request, response, next).catch((error: unknown) => {
      onError(error);
      if (!response.headersSent) response.status(500).json({ error: 'Internal server error' });
      else response.end();
    });
  };
}
