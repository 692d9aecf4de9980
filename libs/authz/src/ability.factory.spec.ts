import { ForbiddenError } from '@app/core';
import { Action, SubjectName, authorize, isAllowed } from './ability.factory';
import { Actor } from './actor';
import { Role } from './role';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

const actor = (...memberships: [string, Role][]) =>
  new Actor(
    '00000000-0000-4000-8000-0000000000ff',
    memberships.map(([organisationId, role]) => ({ organisationId, role })),
  );

/** Type-level checks, as the PolicyGuard makes them before any object is loaded. */
const typeLevel = (who: Actor) =>
  (
    [
      ['create', 'Organisation'],
      ['update', 'Organisation'],
      ['read', 'Organisation'],
      ['create', 'OrganisationService'],
      ['create', 'Membership'],
      ['update', 'Membership'],
      ['delete', 'Membership'],
      ['create', 'Partnership'],
      ['update', 'Partnership'],
      ['create', 'DataSharingAgreement'],
      ['approve', 'DataSharingAgreement'],
      ['terminate', 'DataSharingAgreement'],
    ] as [Action, SubjectName][]
  )
    .filter(([action, subject]) => who.ability.can(action, subject))
    .map(([action, subject]) => `${action} ${subject}`);

describe('role rules (CASL ability factory)', () => {
  describe('type-level: what each role may attempt at all', () => {
    it.each([Role.CASEWORKER, Role.COORDINATOR, Role.AUDITOR])('%s only reads', (role) => {
      expect(typeLevel(actor([A, role]))).toEqual(['read Organisation']);
    });

    it('PARTNER_ADMIN administers, but never creates organisations', () => {
      expect(typeLevel(actor([A, Role.PARTNER_ADMIN]))).toEqual([
        'update Organisation',
        'read Organisation',
        'create OrganisationService',
        'create Membership',
        'update Membership',
        'delete Membership',
        'create Partnership',
        'update Partnership',
        'create DataSharingAgreement',
        'approve DataSharingAgreement',
        'terminate DataSharingAgreement',
      ]);
    });

    it('PLATFORM_ADMIN may do everything', () => {
      expect(typeLevel(actor([A, Role.PLATFORM_ADMIN]))).toHaveLength(12);
      expect(actor([A, Role.PLATFORM_ADMIN]).ability.can('manage', 'all')).toBe(true);
    });

    it('a user with no membership sees the directory and nothing else', () => {
      expect(typeLevel(actor())).toEqual(['read Organisation']);
    });
  });

  describe('object-level: the organisation an object belongs to decides', () => {
    const caseworker = actor([A, Role.CASEWORKER]);
    const admin = actor([A, Role.PARTNER_ADMIN]);
    const adminHereCaseworkerThere = actor([A, Role.PARTNER_ADMIN], [B, Role.CASEWORKER]);

    it('the partner directory is open to every member', () => {
      expect(isAllowed(caseworker, 'read', 'Organisation', { id: B })).toBe(true);
      expect(isAllowed(caseworker, 'read', 'OrganisationService', { organisationId: C })).toBe(true);
    });

    it('members are visible inside one’s own organisations only', () => {
      expect(isAllowed(caseworker, 'read', 'Membership', { organisationId: A })).toBe(true);
      expect(isAllowed(caseworker, 'read', 'Membership', { organisationId: B })).toBe(false);
    });

    it('a partner admin edits their own organisation and its services only', () => {
      expect(isAllowed(admin, 'update', 'Organisation', { id: A })).toBe(true);
      expect(isAllowed(admin, 'update', 'Organisation', { id: B })).toBe(false);
      for (const action of ['create', 'update', 'delete'] as const) {
        expect(isAllowed(admin, action, 'OrganisationService', { organisationId: A })).toBe(true);
        expect(isAllowed(admin, action, 'OrganisationService', { organisationId: B })).toBe(false);
      }
      expect(isAllowed(caseworker, 'update', 'Organisation', { id: A })).toBe(false);
    });

    it('a partner admin manages their own members, but never grants PLATFORM_ADMIN', () => {
      expect(isAllowed(admin, 'create', 'Membership', { organisationId: A, role: Role.CASEWORKER })).toBe(true);
      expect(isAllowed(admin, 'update', 'Membership', { organisationId: A, role: Role.PARTNER_ADMIN })).toBe(true);
      expect(isAllowed(admin, 'delete', 'Membership', { organisationId: A, role: Role.AUDITOR })).toBe(true);
      expect(isAllowed(admin, 'create', 'Membership', { organisationId: A, role: Role.PLATFORM_ADMIN })).toBe(false);
      expect(isAllowed(admin, 'update', 'Membership', { organisationId: A, role: Role.PLATFORM_ADMIN })).toBe(false);
      expect(isAllowed(admin, 'create', 'Membership', { organisationId: B, role: Role.CASEWORKER })).toBe(false);
    });

    it('roles do not carry over between organisations', () => {
      expect(isAllowed(adminHereCaseworkerThere, 'create', 'Membership', { organisationId: A })).toBe(true);
      expect(isAllowed(adminHereCaseworkerThere, 'create', 'Membership', { organisationId: B })).toBe(false);
      expect(isAllowed(adminHereCaseworkerThere, 'update', 'Organisation', { id: B })).toBe(false);
      expect(isAllowed(adminHereCaseworkerThere, 'read', 'Membership', { organisationId: B })).toBe(true);
    });

    it('partnerships: members read, the lead’s admin changes', () => {
      const partnership = { leadOrganisationId: A, memberOrganisationIds: [A, B] };
      expect(isAllowed(caseworker, 'read', 'Partnership', partnership)).toBe(true);
      expect(isAllowed(actor([C, Role.CASEWORKER]), 'read', 'Partnership', partnership)).toBe(false);
      expect(isAllowed(admin, 'update', 'Partnership', partnership)).toBe(true);
      expect(isAllowed(actor([B, Role.PARTNER_ADMIN]), 'update', 'Partnership', partnership)).toBe(false);
      expect(isAllowed(caseworker, 'update', 'Partnership', partnership)).toBe(false);
    });

    it('agreements: parties read; proposing, approving and terminating follow the organisations named', () => {
      const agreement = {
        proposedByOrganisationId: A,
        partyOrganisationIds: [A, B],
        approverOrganisationIds: [B],
        terminatorOrganisationIds: [A, B],
      };
      const adminOfB = actor([B, Role.PARTNER_ADMIN]);
      expect(isAllowed(caseworker, 'read', 'DataSharingAgreement', agreement)).toBe(true);
      expect(isAllowed(actor([C, Role.AUDITOR]), 'read', 'DataSharingAgreement', agreement)).toBe(false);
      expect(isAllowed(admin, 'create', 'DataSharingAgreement', agreement)).toBe(true);
      expect(isAllowed(adminOfB, 'create', 'DataSharingAgreement', agreement)).toBe(false);
      expect(isAllowed(admin, 'approve', 'DataSharingAgreement', agreement)).toBe(false);
      expect(isAllowed(adminOfB, 'approve', 'DataSharingAgreement', agreement)).toBe(true);
      expect(isAllowed(admin, 'terminate', 'DataSharingAgreement', agreement)).toBe(true);
      expect(isAllowed(caseworker, 'terminate', 'DataSharingAgreement', agreement)).toBe(false);
    });

    it('the platform admin passes every object-level check', () => {
      const platformAdmin = actor([C, Role.PLATFORM_ADMIN]);
      expect(isAllowed(platformAdmin, 'update', 'Organisation', { id: A })).toBe(true);
      expect(isAllowed(platformAdmin, 'create', 'Membership', { organisationId: B, role: Role.PLATFORM_ADMIN })).toBe(
        true,
      );
    });
  });

  it('authorize() answers FORBIDDEN when the rules say no', () => {
    const caseworker = actor([A, Role.CASEWORKER]);
    expect(() => authorize(caseworker, 'update', 'Organisation', { id: A })).toThrow(ForbiddenError);
    expect(() => authorize(caseworker, 'read', 'Membership', { organisationId: A })).not.toThrow();
  });

  it('builds the ability once per actor', () => {
    const who = actor([A, Role.CASEWORKER]);
    expect(who.ability).toBe(who.ability);
  });
});
