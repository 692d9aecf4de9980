import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, Can, CurrentActor } from '@app/authz';
import { UuidArg } from '@app/core';
import { CreatePartnershipInput, PartnershipMemberInput } from './partnership.input';
import { Partnership } from './partnership.model';
import { PartnershipsService } from './partnerships.service';

@Resolver(() => Partnership)
export class PartnershipsResolver {
  constructor(private readonly service: PartnershipsService) {}

  @Query(() => [Partnership], { description: 'Partnerships your organisations belong to.' })
  @Authenticated()
  partnerships(@CurrentActor() actor: Actor): Promise<Partnership[]> {
    return this.service.list(actor);
  }

  @Query(() => Partnership)
  @Authenticated()
  partnership(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<Partnership> {
    return this.service.get(actor, id);
  }

  @Mutation(() => Partnership)
  @Can('create', 'Partnership')
  createPartnership(@CurrentActor() actor: Actor, @Args('input') input: CreatePartnershipInput): Promise<Partnership> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Partnership)
  @Can('update', 'Partnership')
  addPartnershipMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: PartnershipMemberInput,
  ): Promise<Partnership> {
    return this.service.addMember(actor, input);
  }

  @Mutation(() => Partnership)
  @Can('update', 'Partnership')
  removePartnershipMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: PartnershipMemberInput,
  ): Promise<Partnership> {
    return this.service.removeMember(actor, input);
  }
}
