import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The codes the API puts in `extensions.code`, each with words in `common:errors`. */
const KNOWN = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED'];

export interface ApiError {
  code: string;
  /** Everything the server put in extensions (e.g. currentStatus on a CONFLICT). */
  extensions: Record<string, unknown>;
}

/** The first error's code, or NETWORK / UNKNOWN. */
export function apiError(error: unknown): ApiError | undefined {
  if (!error) return undefined;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'UNKNOWN';
    return { code: KNOWN.includes(code) ? code : 'UNKNOWN', extensions: { ...(first?.extensions ?? {}) } };
  }
  return { code: error instanceof TypeError ? 'NETWORK' : 'UNKNOWN', extensions: {} };
}

/** The i18n key (namespace common) for an error. */
export function errorKey(error: unknown): string {
  return `common:errors.${apiError(error)?.code ?? 'UNKNOWN'}`;
}
