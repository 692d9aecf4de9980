import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, Can, CurrentActor } from '@app/authz';
import { UuidArg } from '@app/core';
import { AgreementStatus } from '../vocabulary';
import { ProposeAgreementInput, TerminateAgreementInput } from './agreement.input';
import { DataSharingAgreement } from './agreement.model';
import { AgreementsService } from './agreements.service';

@Resolver(() => DataSharingAgreement)
export class AgreementsResolver {
  constructor(private readonly agreements: AgreementsService) {}

  @Query(() => [DataSharingAgreement], { description: 'Agreements your organisations are party to.' })
  @Authenticated()
  dataSharingAgreements(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ): Promise<DataSharingAgreement[]> {
    return this.agreements.list(actor, { status });
  }

  @Query(() => DataSharingAgreement)
  @Authenticated()
  dataSharingAgreement(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<DataSharingAgreement> {
    return this.agreements.get(actor, id);
  }

  @Mutation(() => DataSharingAgreement, {
    description: 'A partner admin proposes an agreement on behalf of their organisation.',
  })
  @Can('create', 'DataSharingAgreement')
  proposeDataSharingAgreement(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProposeAgreementInput,
  ): Promise<DataSharingAgreement> {
    return this.agreements.propose(actor, input);
  }

  @Mutation(() => DataSharingAgreement, {
    description: "The counterpart's (or partnership lead's) partner admin approves.",
  })
  @Can('approve', 'DataSharingAgreement')
  approveDataSharingAgreement(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<DataSharingAgreement> {
    return this.agreements.approve(actor, id);
  }

  @Mutation(() => DataSharingAgreement)
  @Can('terminate', 'DataSharingAgreement')
  terminateDataSharingAgreement(
    @CurrentActor() actor: Actor,
    @Args('input') input: TerminateAgreementInput,
  ): Promise<DataSharingAgreement> {
    return this.agreements.terminate(actor, input);
  }
}
