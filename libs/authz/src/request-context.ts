import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '@app/core';
import type { Actor } from './actor';

/** The HTTP request, whatever the transport of the current handler. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  /** HTTP method; absent on requests built for graphql-ws operations. */
  method?: string;
  /** On graphql-ws operations of a socket opened with the session cookie: its token. */
  sessionToken?: string;
  ip?: string;
  actor?: Actor;
}

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** The actor the guard authenticated; also works in field resolvers of guarded operations. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestOf(context).actor;
  if (!actor) throw new UnauthenticatedError();
  return actor;
});

/** The client address (Express honours `trust proxy` when it is configured). */
export const ClientAddress = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => requestOf(context).ip ?? 'unknown',
);
