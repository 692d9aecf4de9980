import { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import {
  GraphQLSchemaHost,
  Mutation,
  Query,
  Resolver,
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
import { JwtService } from '@nestjs/jwt';
import { GraphQLObjectType } from 'graphql';
import { Authenticated, Can, describePolicy, POLICY, PolicyRequirement, Public } from '@app/authz';
import { IS_PUBLIC } from '@app/core';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';

/**
 * Deny by default, checked two ways: every operation the schema exposes
 * declares its policy (and this file lists them, so a new operation fails here
 * until someone writes down who may call it); and an operation that declares
 * none is refused by the real guard, whoever asks.
 */

/** The API's operations and who may call them. Add a line for every new operation. */
const EXPECTED_POLICIES: Record<string, string> = {
  // organisations: directory, people, partnerships, agreements
  'Mutation.addMember': 'can create Membership',
  'Mutation.addOrganisationService': 'can create OrganisationService',
  'Mutation.addPartnershipMember': 'can update Partnership',
  'Mutation.approveDataSharingAgreement': 'can approve DataSharingAgreement',
  'Mutation.changeMemberRole': 'can update Membership',
  'Mutation.createOrganisation': 'can create Organisation',
  'Mutation.createPartnership': 'can create Partnership',
  'Mutation.login': 'public',
  'Mutation.proposeDataSharingAgreement': 'can create DataSharingAgreement',
  'Mutation.removeMember': 'can delete Membership',
  'Mutation.removePartnershipMember': 'can update Partnership',
  'Mutation.setMyLanguage': 'authenticated',
  'Mutation.signIn': 'public',
  'Mutation.signOut': 'public',
  'Mutation.terminateDataSharingAgreement': 'can terminate DataSharingAgreement',
  'Mutation.updateOrganisation': 'can update Organisation',
  'Mutation.updateOrganisationService': 'can update OrganisationService',
  'Query.dataSharingAgreement': 'authenticated',
  'Query.dataSharingAgreements': 'authenticated',
  'Query.me': 'authenticated',
  'Query.organisation': 'authenticated',
  'Query.organisations': 'authenticated',
  'Query.partnership': 'authenticated',
  'Query.partnerships': 'authenticated',
  // participants and consents: signed in; the access decision is made per participant in the service
  'Mutation.createParticipant': 'authenticated',
  'Mutation.grantConsent': 'authenticated',
  'Mutation.openEmergencyAccess': 'authenticated',
  'Mutation.recordLegalBasis': 'authenticated',
  'Mutation.updateParticipant': 'authenticated',
  'Mutation.withdrawConsent': 'authenticated',
  'Query.accessLog': 'authenticated',
  'Query.consentPreflight': 'authenticated',
  'Query.consents': 'authenticated',
  'Query.explainAccess': 'authenticated',
  'Query.exportParticipantData': 'authenticated',
  'Query.legalBases': 'authenticated',
  'Query.participant': 'authenticated',
  'Query.participants': 'authenticated',
  // referrals: signed in; the transition table and the referral's two sides decide, in the service
  'Mutation.acceptReferral': 'authenticated',
  'Mutation.cancelReferral': 'authenticated',
  'Mutation.completeReferral': 'authenticated',
  'Mutation.createReferral': 'authenticated',
  'Mutation.declineReferral': 'authenticated',
  'Mutation.dropOutReferral': 'authenticated',
  'Mutation.forwardReferral': 'authenticated',
  'Mutation.sendReferral': 'authenticated',
  'Mutation.startReferral': 'authenticated',
  'Query.referral': 'authenticated',
  'Query.referrals': 'authenticated',
  // notifications: signed in; each user reads and marks only their own inbox
  'Mutation.markAllNotificationsRead': 'authenticated',
  'Mutation.markNotificationRead': 'authenticated',
  // preferences: signed in; own preferences, organisation defaults for its partner admins (checked in the service)
  'Mutation.setNotificationPreference': 'authenticated',
  'Mutation.setOrganisationNotificationDefault': 'authenticated',
  'Query.notificationPreferences': 'authenticated',
  'Query.notifications': 'authenticated',
  // webhooks: signed in; the organisation's partner admins (or a platform admin), checked in the service
  'Mutation.createWebhookEndpoint': 'authenticated',
  'Mutation.disableWebhookEndpoint': 'authenticated',
  'Mutation.enableWebhookEndpoint': 'authenticated',
  'Mutation.replayWebhookDelivery': 'authenticated',
  'Query.webhookDeliveries': 'authenticated',
  'Query.webhookEndpoints': 'authenticated',
  'Subscription.notificationAdded': 'authenticated',
};

/**
 * Field resolvers run without the guard (no `fieldResolverEnhancers`): they are
 * reached only through a guarded operation, and their checks live in the
 * service. Listed so that a new one is a conscious decision.
 */
const EXPECTED_FIELD_RESOLVERS: Record<string, string> = {
  'Organisation.members': 'service: members only for members of the organisation (or a platform admin)',
  // Parts of a referral the guarded `referral`/`referrals`/transition operation already let the actor load.
  'OrganisationService.freePlaces': 'a count of referrals holding places; no one is named',
  'Referral.allowedActions': 'the transition table read for the actor; no data',
  'Referral.childReferralIds': 'ids of the forwarded child referrals',
  'Referral.fromOrganisation': 'the open partner directory',
  'Referral.history': "the referral's own timeline",
  'Referral.latestHistory': "the referral's own timeline",
  'Referral.participant': 'ParticipantsService.getMany(actor, …, REFERRAL): consent-scoped, null when hidden',
  'Referral.toOrganisation': 'the open partner directory',
  'Referral.toService': 'the open partner directory',
};

let sideEffects = 0;

/** Test-only operations; they exist in this file and nowhere else. */
@Resolver()
class PolicyProbeResolver {
  @Query(() => String)
  probeWithoutPolicy(): string {
    return 'should never be returned';
  }

  @Mutation(() => Boolean)
  probeMutationWithoutPolicy(): boolean {
    sideEffects += 1;
    return true;
  }

  @Query(() => String)
  @Authenticated()
  probeAuthenticated(): string {
    return 'signed in';
  }

  @Query(() => String)
  @Can('create', 'Organisation')
  probeCanCreateOrganisation(): string {
    return 'allowed';
  }

  @Query(() => String)
  @Public()
  probePublic(): string {
    return 'anyone';
  }
}

const PROBES: Record<string, string> = {
  'Query.probeWithoutPolicy': 'NONE',
  'Mutation.probeMutationWithoutPolicy': 'NONE',
  'Query.probeAuthenticated': 'authenticated',
  'Query.probeCanCreateOrganisation': 'can create Organisation',
  'Query.probePublic': 'public',
};

interface Declarations {
  operations: Record<string, string>;
  fieldResolvers: Record<string, string>;
}

/**
 * Every resolver method in the running application, with the policy the
 * guard will read for it (the same metadata, looked up the same way).
 */
function declaredPolicies(app: INestApplication): Declarations {
  const scanner = new MetadataScanner();
  const operations: Record<string, string> = {};
  const fieldResolvers: Record<string, string> = {};
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type || typeof type !== 'function' || !type.prototype || seen.has(type)) continue;
      seen.add(type);
      const classIsPublic = Reflect.getMetadata(IS_PUBLIC, type) === true;
      for (const methodName of scanner.getAllMethodNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[methodName] as object;
        const rootType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        const isField = Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, handler) === true;
        if (!isField && !['Query', 'Mutation', 'Subscription'].includes(rootType ?? '')) continue;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? methodName;
        const policy = Reflect.getMetadata(POLICY, handler) as PolicyRequirement | undefined;
        const isPublic = classIsPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true;
        const description = isPublic ? 'public' : policy ? describePolicy(policy) : 'NONE';
        if (isField) {
          const parent = Reflect.getMetadata(RESOLVER_TYPE_METADATA, type) as string;
          fieldResolvers[`${parent}.${fieldName}`] = isPublic || policy ? `IGNORED: ${description}` : 'service';
        } else {
          operations[`${rootType}.${fieldName}`] = description;
        }
      }
    }
  }
  return { operations, fieldResolvers };
}

function schemaOperations(app: INestApplication): string[] {
  const schema = app.get(GraphQLSchemaHost).schema;
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots
    .filter((root): root is GraphQLObjectType => root !== null && root !== undefined)
    .flatMap((root) => Object.keys(root.getFields()).map((field) => `${root.name}.${field}`))
    .sort();
}

describe('deny by default', () => {
  let api: TestApp;

  beforeAll(async () => {
    sideEffects = 0;
    api = await startTestApp({ providers: [PolicyProbeResolver] });
  });
  afterAll(() => api.close());

  describe('every operation declares a policy', () => {
    it('lists each operation of the schema with the policy its resolver declares', () => {
      const { operations } = declaredPolicies(api.app);
      // The probes prove the check sees a missing policy; everything else is the real API.
      expect(operations).toEqual({ ...EXPECTED_POLICIES, ...PROBES });
      const missing = Object.entries(operations).filter(([name, policy]) => policy === 'NONE' && !(name in PROBES));
      expect(missing).toEqual([]);
    });

    it('has a resolver (so the guard runs) behind every field of Query, Mutation and Subscription', () => {
      expect(schemaOperations(api.app)).toEqual(Object.keys(declaredPolicies(api.app).operations).sort());
    });

    it('lists every field resolver; none carries a policy the guard would silently ignore', () => {
      const { fieldResolvers } = declaredPolicies(api.app);
      expect(Object.keys(fieldResolvers).sort()).toEqual(Object.keys(EXPECTED_FIELD_RESOLVERS).sort());
      expect(Object.values(fieldResolvers).filter((v) => v.startsWith('IGNORED'))).toEqual([]);
    });
  });

  describe('the guard', () => {
    const code = async (client: GraphQLClient, query: string) => {
      const result = await client.request(query);
      return { code: result.errors?.[0].extensions?.code, message: result.errors?.[0].message, data: result.data };
    };

    it('refuses an operation without a policy to anyone, signed in or not, before it runs', async () => {
      const clients = demoClients(api.baseUrl);
      for (const client of [
        GraphQLClient.anonymous(api.baseUrl),
        await clients.cisCaseworker(),
        await clients.platformAdmin(),
      ]) {
        expect(await code(client, '{ probeWithoutPolicy }')).toEqual({
          code: 'FORBIDDEN',
          message: 'This operation declares no access policy',
          data: null,
        });
        expect((await code(client, 'mutation { probeMutationWithoutPolicy }')).code).toBe('FORBIDDEN');
      }
      expect(sideEffects).toBe(0);
    });

    it('lets @Public() through to anyone', async () => {
      const anonymous = GraphQLClient.anonymous(api.baseUrl);
      expect(await anonymous.data('{ probePublic }')).toEqual({ probePublic: 'anyone' });
    });

    it('asks @Authenticated() for a valid token and nothing more', async () => {
      const anonymous = GraphQLClient.anonymous(api.baseUrl);
      expect((await code(anonymous, '{ probeAuthenticated }')).code).toBe('UNAUTHENTICATED');
      const auditor = await demoClients(api.baseUrl).auditor();
      expect(await auditor.data('{ probeAuthenticated }')).toEqual({ probeAuthenticated: 'signed in' });
    });

    it('asks @Can() for the role rule', async () => {
      const clients = demoClients(api.baseUrl);
      expect((await code(GraphQLClient.anonymous(api.baseUrl), '{ probeCanCreateOrganisation }')).code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await code(await clients.cisAdmin(), '{ probeCanCreateOrganisation }')).code).toBe('FORBIDDEN');
      expect(await (await clients.platformAdmin()).data('{ probeCanCreateOrganisation }')).toEqual({
        probeCanCreateOrganisation: 'allowed',
      });
    });

    describe('refuses a bad token as UNAUTHENTICATED', () => {
      const secret = 'test-secret-test-secret-test-secret-0123456789';
      const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      let userId: string;

      beforeAll(async () => {
        const { me } = await (await demoClients(api.baseUrl).cisAdmin()).data('{ me { user { id } } }');
        userId = me.user.id;
        expect(api.config.auth.jwtSecret).toBe(secret);
      });

      const tokens: Record<string, () => string> = {
        garbage: () => 'not-a-jwt',
        'signed with another secret': () =>
          new JwtService().sign(
            { sub: userId, typ: 'access' },
            { secret: 'another-secret-another-secret-0123456789', issuer: 'partnership-platform' },
          ),
        'alg none': () =>
          `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: userId, typ: 'access', iss: 'partnership-platform' })}.`,
        expired: () =>
          new JwtService().sign(
            { sub: userId, typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 },
            { secret, issuer: 'partnership-platform' },
          ),
        'from another issuer': () => new JwtService().sign({ sub: userId, typ: 'access' }, { secret, issuer: 'other' }),
        'not an access token': () =>
          new JwtService().sign({ sub: userId, typ: 'refresh' }, { secret, issuer: 'partnership-platform' }),
        'naming no user id': () =>
          new JwtService().sign({ sub: 'not-a-uuid', typ: 'access' }, { secret, issuer: 'partnership-platform' }),
        'naming an unknown user': () =>
          new JwtService().sign(
            { sub: '00000000-0000-4000-8000-000000000000', typ: 'access' },
            { secret, issuer: 'partnership-platform' },
          ),
      };

      it.each(Object.keys(tokens))('%s', async (kind) => {
        const client = new GraphQLClient(api.baseUrl, tokens[kind]());
        expect((await code(client, '{ probeAuthenticated }')).code).toBe('UNAUTHENTICATED');
        expect((await code(client, '{ me { user { id } } }')).code).toBe('UNAUTHENTICATED');
      });

      it('while the same claims, properly signed, pass', async () => {
        const token = new JwtService().sign({ sub: userId, typ: 'access' }, { secret, issuer: 'partnership-platform' });
        expect(await new GraphQLClient(api.baseUrl, token).data('{ probeAuthenticated }')).toEqual({
          probeAuthenticated: 'signed in',
        });
      });
    });
  });
});
