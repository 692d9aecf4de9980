import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import { AsOrganisationArg, UuidArg } from '@app/core';
import {
  CreateParticipantInput,
  ExplainAccessArgs,
  ParticipantArgs,
  ParticipantsArgs,
  UpdateParticipantInput,
} from './participant.input';
import { AccessExplanation, AccessLogEntry, Participant, ParticipantConnection } from './participant.model';
import { ParticipantsService } from './participants.service';

// `@Authenticated()`: what each actor may see or change is decided per
// participant by the access module and the services, never by the resolver.
@Resolver(() => Participant)
export class ParticipantsResolver {
  constructor(private readonly service: ParticipantsService) {}

  @Query(() => Participant, { description: 'NOT_FOUND when you may not know about the participant.' })
  @Authenticated()
  participant(@CurrentActor() actor: Actor, @Args() { id, ...args }: ParticipantArgs): Promise<Participant> {
    return this.service.get(actor, id, args);
  }

  @Query(() => ParticipantConnection)
  @Authenticated()
  participants(@CurrentActor() actor: Actor, @Args() args: ParticipantsArgs): Promise<ParticipantConnection> {
    return this.service.list(actor, args);
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
