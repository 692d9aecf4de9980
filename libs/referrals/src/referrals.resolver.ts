import { Args, ID, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor, Authenticated, AuthenticatedRequest, CurrentActor } from '@app/authz';
import { AsOrganisationArg, UnauthenticatedError, UuidArg, requestLoader, selects } from '@app/core';
import { DirectoryService, Organisation, OrganisationServiceModel, Purpose } from '@app/organisations';
import { Participant, ParticipantsService, ReadOptions, selectedCategories } from '@app/participants';
import {
  AcceptReferralInput,
  CancelReferralInput,
  CompleteReferralInput,
  CreateReferralInput,
  DeclineReferralInput,
  DropOutReferralInput,
  ForwardReferralInput,
  ReferralsArgs,
  TransitionInput,
} from './referral.input';
import { Referral, ReferralConnection, ReferralHistoryEntry } from './referral.model';
import { ReferralsService } from './referrals.service';
import { allowedActionsFor } from './allowed-actions';
import { ReferralTransition } from './transitions';

type GqlContext = { req: AuthenticatedRequest };

// `@Authenticated()`: the transition table and the referral's two sides decide
// who may do what; the service checks them on the row.
//
// The field resolvers take graphql-js's own arguments (parent, args, context, info) and no parameter
// decorators: Nest then calls them directly, without the parameter pipes (the global ValidationPipe ran
// on every parent object, hundreds of times a page). A page fills its referrals' nested fields in one pass
// (`referrals`); the field resolvers return what is there and load only what is not (a single referral,
// a mutation's answer), in one batch per request.
@Resolver(() => Referral)
export class ReferralsResolver {
  constructor(
    private readonly service: ReferralsService,
    private readonly directory: DirectoryService,
    private readonly participants: ParticipantsService,
  ) {}

  @Query(() => Referral, { description: 'A referral you sent or received, with its timeline.' })
  @Authenticated()
  referral(
    @CurrentActor() actor: Actor,
    @UuidArg('id') id: string,
    @AsOrganisationArg() asOrganisationId?: string,
  ): Promise<Referral> {
    return this.service.get(actor, id, asOrganisationId);
  }

  /**
   * A page of referrals with what the query selects of their participants, organisations and latest
   * steps, read together (one statement each, at once) and mapped onto the page in one pass.
   */
  @Query(() => ReferralConnection)
  @Authenticated()
  async referrals(
    @CurrentActor() actor: Actor,
    @Args() args: ReferralsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReferralConnection> {
    const page = await this.service.list(actor, args);
    const nodes = page.edges.map((edge) => edge.node);
    if (nodes.length === 0) return page;
    const wants = (field: string, ...below: string[]) => selects(info, 'edges', 'node', field, ...below);
    const [participants, organisations, latest] = await Promise.all([
      wants('participant')
        ? this.participantsOf(actor, nodes, {
            explain: wants('participant', 'redactions'),
            categories: selectedCategories(info, 'edges', 'node', 'participant'),
          })
        : undefined,
      wants('fromOrganisation') || wants('toOrganisation') || wants('toService')
        ? this.directory.getMany(nodes.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]))
        : undefined,
      wants('latestHistory') ? this.service.latestHistoryOf(nodes.map((r) => r.id)) : undefined,
    ]);
    const organisationById = organisations && new Map(organisations.map((o) => [o.id, o]));
    for (const referral of nodes) {
      if (participants) referral.participant = participants.get(referral.participantId) ?? null;
      if (organisationById) {
        referral.fromOrganisation = organisationById.get(referral.fromOrganisationId);
        referral.toOrganisation = organisationById.get(referral.toOrganisationId);
        referral.toService = serviceOf(referral.toOrganisation, referral.toServiceId);
      }
      if (latest) referral.latestHistory = latest.get(referral.id) ?? null;
    }
    return page;
  }

  @Mutation(() => Referral, { description: 'A draft (or, with send: true, a sent referral).' })
  @Authenticated()
  createReferral(@CurrentActor() actor: Actor, @Args('input') input: CreateReferralInput): Promise<Referral> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Referral)
  @Authenticated()
  sendReferral(@CurrentActor() actor: Actor, @Args('input') input: TransitionInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.SEND, input);
  }

  @Mutation(() => Referral)
  @Authenticated()
  acceptReferral(@CurrentActor() actor: Actor, @Args('input') input: AcceptReferralInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.ACCEPT, input);
  }

  @Mutation(() => Referral)
  @Authenticated()
  declineReferral(@CurrentActor() actor: Actor, @Args('input') input: DeclineReferralInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.DECLINE, input, { reasonCode: input.reasonCode });
  }

  @Mutation(() => Referral)
  @Authenticated()
  startReferral(@CurrentActor() actor: Actor, @Args('input') input: TransitionInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.START, input);
  }

  @Mutation(() => Referral)
  @Authenticated()
  completeReferral(@CurrentActor() actor: Actor, @Args('input') input: CompleteReferralInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.COMPLETE, input, { outcome: input.outcome });
  }

  @Mutation(() => Referral)
  @Authenticated()
  dropOutReferral(@CurrentActor() actor: Actor, @Args('input') input: DropOutReferralInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.DROP_OUT, input, { reasonCode: input.reasonCode });
  }

  @Mutation(() => Referral)
  @Authenticated()
  cancelReferral(@CurrentActor() actor: Actor, @Args('input') input: CancelReferralInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.CANCEL, input, { reasonCode: input.reasonCode });
  }

  @Mutation(() => Referral, { description: 'Pass the referral on to a third organisation: a child referral, linked.' })
  @Authenticated()
  forwardReferral(@CurrentActor() actor: Actor, @Args('input') input: ForwardReferralInput): Promise<Referral> {
    return this.service.transition(actor, ReferralTransition.FORWARD, input);
  }

  @ResolveField(() => [ReferralTransition])
  allowedActions(referral: Referral, _args: unknown, { req }: GqlContext): ReferralTransition[] {
    return allowedActionsFor(actorOf(req), referral);
  }

  @ResolveField(() => Organisation)
  fromOrganisation(referral: Referral, _args: unknown, { req }: GqlContext): Organisation | Promise<Organisation> {
    return referral.fromOrganisation ?? this.organisations(req).load(referral.fromOrganisationId);
  }

  @ResolveField(() => Organisation)
  toOrganisation(referral: Referral, _args: unknown, { req }: GqlContext): Organisation | Promise<Organisation> {
    return referral.toOrganisation ?? this.organisations(req).load(referral.toOrganisationId);
  }

  @ResolveField(() => OrganisationServiceModel, { nullable: true })
  async toService(referral: Referral, _args: unknown, { req }: GqlContext): Promise<OrganisationServiceModel | null> {
    if (referral.toService !== undefined) return referral.toService;
    if (!referral.toServiceId) return null;
    return serviceOf(await this.organisations(req).load(referral.toOrganisationId), referral.toServiceId);
  }

  @ResolveField(() => Participant, { nullable: true })
  participant(
    referral: Referral,
    _args: unknown,
    { req }: GqlContext,
    info: GraphQLResolveInfo,
  ): Participant | null | Promise<Participant | null> {
    if (referral.participant !== undefined) return referral.participant;
    // As the organisation the referral was read as (someone in two organisations names one), one batch each.
    const asOrganisationId = referral.viewerOrganisationId;
    const options = { explain: selects(info, 'redactions'), categories: selectedCategories(info) };
    return requestLoader(req, `referral.participant:${asOrganisationId}:${JSON.stringify(options)}`, (ids) =>
      this.participants.getMany(actorOf(req), ids, { purpose: Purpose.REFERRAL, asOrganisationId }, options),
    ).load(referral.participantId);
  }

  @ResolveField(() => ReferralHistoryEntry, { nullable: true })
  latestHistory(
    referral: Referral,
    _args: unknown,
    { req }: GqlContext,
  ): ReferralHistoryEntry | null | Promise<ReferralHistoryEntry | null> {
    if (referral.latestHistory !== undefined) return referral.latestHistory;
    // Its own batch, the last step only: a page needs no whole timelines for it.
    return requestLoader(req, 'referral.latestHistory', async (ids) => {
      const latest = await this.service.latestHistoryOf(ids);
      return ids.map((id) => latest.get(id) ?? null);
    }).load(referral.id);
  }

  @ResolveField(() => [ReferralHistoryEntry])
  history(referral: Referral, _args: unknown, { req }: GqlContext): Promise<ReferralHistoryEntry[]> {
    return requestLoader(req, 'referral.history', async (ids) => {
      const histories = await this.service.historyOf(ids);
      return ids.map((id) => histories.get(id) ?? []);
    }).load(referral.id);
  }

  @ResolveField(() => [ID])
  childReferralIds(referral: Referral, _args: unknown, { req }: GqlContext): Promise<string[]> {
    return requestLoader(req, 'referral.children', async (ids) => {
      const children = await this.service.childrenOf(ids);
      return ids.map((id) => children.get(id) ?? []);
    }).load(referral.id);
  }

  /**
   * The page's participants, in one statement (decision, visible data, access log; the facts if asked), as
   * the organisation the page was read as.
   */
  private async participantsOf(
    actor: Actor,
    referrals: Referral[],
    options: ReadOptions,
  ): Promise<Map<string, Participant | null>> {
    const ids = [...new Set(referrals.map((r) => r.participantId))];
    const read = await this.participants.getMany(
      actor,
      ids,
      { purpose: Purpose.REFERRAL, asOrganisationId: referrals[0].viewerOrganisationId },
      options,
    );
    return new Map(ids.map((id, i) => [id, read[i]]));
  }

  private organisations(req: object) {
    return requestLoader(req, 'organisation', (ids) => this.directory.getMany(ids));
  }
}

function serviceOf(organisation: Organisation | undefined, serviceId: string | null): OrganisationServiceModel | null {
  if (!organisation || !serviceId) return null;
  return organisation.services.find((s) => s.id === serviceId) ?? null;
}

/** The actor the guard authenticated for this request (field resolvers run without parameter decorators). */
function actorOf(req: AuthenticatedRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
