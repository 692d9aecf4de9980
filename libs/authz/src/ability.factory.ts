import { AbilityBuilder, ForcedSubject, MongoAbility, createMongoAbility, subject as tagSubject } from '@casl/ability';
import { ForbiddenError } from '@app/core';
import type { Actor } from './actor';
import { Role } from './role';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete' | 'approve' | 'terminate';

/**
 * The facts about an object that the rules look at. Services pass them from
 * the rows they loaded, e.g. the organisation ids an agreement binds.
 */
export interface SubjectFields {
  Organisation: { id: string };
  OrganisationService: { organisationId: string };
  Membership: { organisationId: string; role: Role };
  Partnership: { leadOrganisationId: string; memberOrganisationIds: string[] };
  DataSharingAgreement: {
    proposedByOrganisationId: string;
    partyOrganisationIds: string[];
    approverOrganisationIds: string[];
    terminatorOrganisationIds: string[];
  };
}

export type SubjectName = keyof SubjectFields | 'all';

type AppSubject =
  'all' | { [K in keyof SubjectFields]: K | (ForcedSubject<K> & Partial<SubjectFields[K]>) }[keyof SubjectFields];

export type AppAbility = MongoAbility<[Action, AppSubject]>;

/**
 * Role rules, from the actor's memberships. Conditions name the organisation
 * ids an object is tied to, so each rule reads like the policy it enforces:
 * "a partner admin manages the members of their own organisation".
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);

  if (actor.isPlatformAdmin) {
    can('manage', 'all');
    return build();
  }

  const mine = actor.organisationIds;
  const administered = actor.organisationsWhere(Role.PARTNER_ADMIN);

  // The partner directory is open to every signed-in member: to refer someone
  // you must know who is there and what they offer.
  can('read', 'Organisation');
  can('read', 'OrganisationService');
  can('read', 'Membership', { organisationId: { $in: mine } });
  can('read', 'Partnership', { memberOrganisationIds: { $in: mine } });
  can('read', 'DataSharingAgreement', { partyOrganisationIds: { $in: mine } });

  if (administered.length > 0) {
    can('update', 'Organisation', { id: { $in: administered } });
    can(['create', 'update', 'delete'], 'OrganisationService', { organisationId: { $in: administered } });
    can(['create', 'update', 'delete'], 'Membership', { organisationId: { $in: administered } });
    // Platform administration is granted and taken away by platform admins only.
    cannot(['create', 'update', 'delete'], 'Membership', { role: Role.PLATFORM_ADMIN });
    can(['create', 'update'], 'Partnership', { leadOrganisationId: { $in: administered } });
    can('create', 'DataSharingAgreement', { proposedByOrganisationId: { $in: administered } });
    can('approve', 'DataSharingAgreement', { approverOrganisationIds: { $in: administered } });
    can('terminate', 'DataSharingAgreement', { terminatorOrganisationIds: { $in: administered } });
  }

  return build();
}

/** Whether the actor may do `action` on the object described by `fields`. */
export function isAllowed<K extends keyof SubjectFields>(
  actor: Actor,
  action: Action,
  type: K,
  fields: Partial<SubjectFields[K]>,
): boolean {
  return actor.ability.can(action, tagSubject(type, { ...fields }) as AppSubject);
}

/**
 * Object-level check: FORBIDDEN unless allowed. Use it only on objects the
 * actor may know about; for the others answer NOT_FOUND before getting here.
 */
export function authorize<K extends keyof SubjectFields>(
  actor: Actor,
  action: Action,
  type: K,
  fields: Partial<SubjectFields[K]>,
): void {
  if (!isAllowed(actor, action, type, fields)) throw new ForbiddenError();
}
