import { Actor } from './actor';

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

/**
 * Port implemented by the organisations library: turns a token's user id into
 * an Actor with current memberships, or `undefined` if the user is gone or
 * disabled. Read on every request so a removed membership takes effect at once.
 */
export interface ActorResolver {
  resolve(userId: string): Promise<Actor | undefined>;
}
