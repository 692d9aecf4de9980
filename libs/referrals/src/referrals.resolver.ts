import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import { AsOrganisationArg, UuidArg, requestLoader } from '@app/core';
import { DirectoryService, Organisation, OrganisationServiceModel, Purpose } from '@app/organisations';
import { Participant, ParticipantsService } from '@app/participants';
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

type GqlContext = { req: object };

// `@Authenticated()`: the transition table and the referral's two sides decide
// who may do what; the service checks them on the row.
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

  @Query(() => ReferralConnection)
  @Authenticated()
  referrals(@CurrentActor() actor: Actor, @Args() args: ReferralsArgs): Promise<ReferralConnection> {
    return this.service.list(actor, args);
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
  allowedActions(@Parent() referral: Referral, @CurrentActor() actor: Actor): ReferralTransition[] {
    return allowedActionsFor(actor, referral);
  }

  @ResolveField(() => Organisation)
  fromOrganisation(@Parent() referral: Referral, @Context() { req }: GqlContext): Promise<Organisation> {
    return this.organisations(req).load(referral.fromOrganisationId);
  }

  @ResolveField(() => Organisation)
  toOrganisation(@Parent() referral: Referral, @Context() { req }: GqlContext): Promise<Organisation> {
    return this.organisations(req).load(referral.toOrganisationId);
  }

  @ResolveField(() => OrganisationServiceModel, { nullable: true })
  async toService(
    @Parent() referral: Referral,
    @Context() { req }: GqlContext,
  ): Promise<OrganisationServiceModel | null> {
    if (!referral.toServiceId) return null;
    const organisation = await this.organisations(req).load(referral.toOrganisationId);
    return organisation.services.find((s) => s.id === referral.toServiceId) ?? null;
  }

  @ResolveField(() => Participant, { nullable: true })
  participant(
    @Parent() referral: Referral,
    @Context() { req }: GqlContext,
    @CurrentActor() actor: Actor,
  ): Promise<Participant | null> {
    // As the organisation the referral was read as (someone in two organisations names one), one batch each.
    const asOrganisationId = referral.viewerOrganisationId;
    return requestLoader(req, `referral.participant:${asOrganisationId}`, (ids) =>
      this.participants.getMany(actor, ids, { purpose: Purpose.REFERRAL, asOrganisationId }),
    ).load(referral.participantId);
  }

  @ResolveField(() => ReferralHistoryEntry, { nullable: true })
  latestHistory(@Parent() referral: Referral, @Context() { req }: GqlContext): Promise<ReferralHistoryEntry | null> {
    // Its own batch, the last step only: a page needs no whole timelines for it.
    return requestLoader(req, 'referral.latestHistory', async (ids) => {
      const latest = await this.service.latestHistoryOf(ids);
      return ids.map((id) => latest.get(id) ?? null);
    }).load(referral.id);
  }

  @ResolveField(() => [ReferralHistoryEntry])
  history(@Parent() referral: Referral, @Context() { req }: GqlContext): Promise<ReferralHistoryEntry[]> {
    return this.histories(req).load(referral.id);
  }

  @ResolveField(() => [ID])
  childReferralIds(@Parent() referral: Referral, @Context() { req }: GqlContext): Promise<string[]> {
    return requestLoader(req, 'referral.children', async (ids) => {
      const children = await this.service.childrenOf(ids);
      return ids.map((id) => children.get(id) ?? []);
    }).load(referral.id);
  }

  private organisations(req: object) {
    return requestLoader(req, 'organisation', (ids) => this.directory.getMany(ids));
  }

  private histories(req: object) {
    return requestLoader(req, 'referral.history', async (ids) => {
      const histories = await this.service.historyOf(ids);
      return ids.map((id) => histories.get(id) ?? []);
    });
  }
}
