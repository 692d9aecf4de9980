import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import { AsOrganisationArg, UuidArg, selects } from '@app/core';
import {
  CreateParticipantInput,
  ExplainAccessArgs,
  ParticipantArgs,
  ParticipantsArgs,
  UpdateParticipantInput,
} from './participant.input';
import { AccessExplanation, AccessLogEntry, Participant, ParticipantConnection } from './participant.model';
import { ParticipantsService } from './participants.service';
import { selectedCategories } from './categories';

// `@Authenticated()`: what each actor may see or change is decided per
// participant by the access module and the services, never by the resolver.
@Resolver(() => Participant)
export class ParticipantsResolver {
  constructor(private readonly service: ParticipantsService) {}

  @Query(() => Participant, { description: 'NOT_FOUND when you may not know about the participant.' })
  @Authenticated()
  participant(
    @CurrentActor() actor: Actor,
    @Args() { id, ...args }: ParticipantArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    return this.service.get(actor, id, args, {
      explain: selects(info, 'redactions'),
      categories: selectedCategories(info),
    });
  }

  @Query(() => ParticipantConnection)
  @Authenticated()
  participants(
    @CurrentActor() actor: Actor,
    @Args() args: ParticipantsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ParticipantConnection> {
    // What the query does not ask for is not computed: the count is a second walk, the facts a second decision.
    return this.service.list(actor, args, {
      count: selects(info, 'totalCount') || selects(info, 'totalCountIsCapped'),
      explain: selects(info, 'edges', 'node', 'redactions'),
      categories: selectedCategories(info, 'edges', 'node'),
    });
  }

  @Query(() => AccessExplanation, { description: 'Why you see what you see of a participant, for a purpose.' })
  @Authenticated()
  explainAccess(
    @CurrentActor() actor: Actor,
    @Args() { participantId, ...args }: ExplainAccessArgs,
  ): Promise<AccessExplanation> {
    return this.service.explain(actor, participantId, args);
  }

  @Query(() => [AccessLogEntry], {
    description: "Who read the participant's data: for the owning organisation (auditors too).",
  })
  @Authenticated()
  accessLog(
    @CurrentActor() actor: Actor,
    @UuidArg('participantId') participantId: string,
    @AsOrganisationArg() asOrganisationId?: string,
  ): Promise<AccessLogEntry[]> {
    return this.service.accessLog(actor, participantId, asOrganisationId);
  }

  @Query(() => String, {
    description: 'GDPR art. 15 export as a JSON document: personal data, consents, referrals, access log.',
  })
  @Authenticated()
  exportParticipantData(
    @CurrentActor() actor: Actor,
    @UuidArg('participantId') participantId: string,
    @AsOrganisationArg() asOrganisationId?: string,
  ): Promise<string> {
    return this.service.export(actor, participantId, asOrganisationId);
  }

  @Mutation(() => Participant)
  @Authenticated()
  createParticipant(@CurrentActor() actor: Actor, @Args('input') input: CreateParticipantInput): Promise<Participant> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Participant)
  @Authenticated()
  updateParticipant(@CurrentActor() actor: Actor, @Args('input') input: UpdateParticipantInput): Promise<Participant> {
    return this.service.update(actor, input);
  }
}
