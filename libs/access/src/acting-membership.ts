import { Actor, ActorMembership } from '@app/authz';
import { BadUserInputError, NotFoundError } from '@app/core';

/**
 * The organisation on whose behalf the actor reads participant data. A person
 * working for two organisations (a MOPS and its KIS) says which; every read is
 * logged under that organisation.
 */
export function actingMembership(actor: Actor, asOrganisationId?: string): ActorMembership {
  if (asOrganisationId) {
    const membership = actor.memberships.find((m) => m.organisationId === asOrganisationId);
    if (!membership) throw new NotFoundError('Organisation membership', asOrganisationId);
    return membership;
  }
  if (actor.memberships.length !== 1) {
    throw new BadUserInputError('You belong to several organisations: say which with asOrganisationId', [
      { field: 'asOrganisationId', problems: ['required when you belong to several organisations'] },
    ]);
  }
  return actor.memberships[0];
}
