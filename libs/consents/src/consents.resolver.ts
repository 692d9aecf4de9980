import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import { AsOrganisationArg, UuidArg } from '@app/core';
import { BreakGlassService, EmergencyAccessGrant, OpenEmergencyAccessInput } from './break-glass.service';
import { GrantConsentInput, RecordLegalBasisInput, WithdrawConsentInput } from './consent.input';
import { Consent, LegalBasis } from './consent.model';
import { ConsentsService } from './consents.service';

// Policies are `@Authenticated()`: who may act depends on the participant's
// owner and the actor's role there, which the services check on the row.
@Resolver(() => Consent)
export class ConsentsResolver {
  constructor(
    private readonly service: ConsentsService,
    private readonly breakGlass: BreakGlassService,
  ) {}

  @Query(() => [Consent], { description: "A participant's consents, for the organisation that owns the participant." })
  @Authenticated()
  consents(
    @CurrentActor() actor: Actor,
    @UuidArg('participantId') participantId: string,
    @AsOrganisationArg() asOrganisationId?: string,
  ): Promise<Consent[]> {
    return this.service.list(actor, participantId, asOrganisationId);
  }

  @Mutation(() => Consent)
  @Authenticated()
  grantConsent(@CurrentActor() actor: Actor, @Args('input') input: GrantConsentInput): Promise<Consent> {
    return this.service.grant(actor, input);
  }

  @Mutation(() => Consent, { description: 'As easy as giving: one call. The record stays, marked withdrawn.' })
  @Authenticated()
  withdrawConsent(@CurrentActor() actor: Actor, @Args('input') input: WithdrawConsentInput): Promise<Consent> {
    return this.service.withdraw(actor, input);
  }

  @Mutation(() => LegalBasis, { description: 'A statutory duty to share, recorded by the disclosing organisation.' })
  @Authenticated()
  recordLegalBasis(@CurrentActor() actor: Actor, @Args('input') input: RecordLegalBasisInput): Promise<LegalBasis> {
    return this.service.recordLegalBasis(actor, input);
  }

  @Query(() => [LegalBasis])
  @Authenticated()
  legalBases(@CurrentActor() actor: Actor, @UuidArg('organisationId') organisationId: string): Promise<LegalBasis[]> {
    return this.service.legalBases(actor, organisationId);
  }

  @Mutation(() => EmergencyAccessGrant, { description: 'Break-glass access for coordinators; the owner is told.' })
  @Authenticated()
  openEmergencyAccess(
    @CurrentActor() actor: Actor,
    @Args('input') input: OpenEmergencyAccessInput,
  ): Promise<EmergencyAccessGrant> {
    return this.breakGlass.open(actor, input);
  }
}
