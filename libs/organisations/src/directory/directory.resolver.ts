import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, Can, CurrentActor } from '@app/authz';
import { UuidArg } from '@app/core';
import { OrganisationKind } from '../vocabulary';
import { DirectoryService } from './directory.service';
import {
  AddOrganisationServiceInput,
  CreateOrganisationInput,
  UpdateOrganisationInput,
  UpdateOrganisationServiceInput,
} from './organisation.input';
import { Organisation, OrganisationServiceModel } from './organisation.model';

@Resolver(() => Organisation)
export class DirectoryResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => [Organisation], { description: 'The partner directory, open to every signed-in member.' })
  @Authenticated()
  organisations(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => OrganisationKind, nullable: true }) kind?: OrganisationKind,
  ): Promise<Organisation[]> {
    return this.directory.list(actor, { kind });
  }

  @Query(() => Organisation)
  @Authenticated()
  organisation(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<Organisation> {
    return this.directory.get(actor, id);
  }

  @Mutation(() => Organisation, { description: 'Platform admins only.' })
  @Can('create', 'Organisation')
  createOrganisation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<Organisation> {
    return this.directory.create(actor, input);
  }

  @Mutation(() => Organisation, { description: "A partner admin edits their own organisation's details." })
  @Can('update', 'Organisation')
  updateOrganisation(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return this.directory.update(actor, input);
  }

  @Mutation(() => OrganisationServiceModel)
  @Can('create', 'OrganisationService')
  addOrganisationService(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddOrganisationServiceInput,
  ): Promise<OrganisationServiceModel> {
    return this.directory.addService(actor, input);
  }

  @Mutation(() => OrganisationServiceModel)
  @Can('update', 'OrganisationService')
  updateOrganisationService(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateOrganisationServiceInput,
  ): Promise<OrganisationServiceModel> {
    return this.directory.updateService(actor, input);
  }
}
