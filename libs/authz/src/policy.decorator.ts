import { SetMetadata } from '@nestjs/common';
import { Action, SubjectName } from './ability.factory';

export const POLICY = 'authz:policy';

/**
 * What an operation requires before its resolver runs. `authenticated` asks
 * only for a signed-in actor (the service then scopes what they see); a rule
 * asks that the actor's abilities allow the action on some object of that
 * type. Object-level checks stay in the service, which loads the object.
 */
export type PolicyRequirement = { kind: 'authenticated' } | { kind: 'ability'; action: Action; subject: SubjectName };

export const Authenticated = (): MethodDecorator =>
  SetMetadata(POLICY, { kind: 'authenticated' } satisfies PolicyRequirement);

export const Can = (action: Action, subject: SubjectName): MethodDecorator =>
  SetMetadata(POLICY, { kind: 'ability', action, subject } satisfies PolicyRequirement);

export function describePolicy(policy: PolicyRequirement): string {
  return policy.kind === 'authenticated' ? 'authenticated' : `can ${policy.action} ${policy.subject}`;
}
