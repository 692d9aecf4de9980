import { Args, ArgsType, Field, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsString, Length, MaxLength } from 'class-validator';
import { Actor, Authenticated, Can, ClientAddress, CurrentActor, Public } from '@app/authz';
import { UuidArg } from '@app/core';
import { LoginService } from '../auth/login.service';
import { Organisation } from '../directory/organisation.model';
import { AddMemberInput, ChangeMemberRoleInput } from './people.input';
import { Language } from '../vocabulary';
import { AccessToken, Me, Membership, User } from './people.model';
import { PeopleService } from './people.service';

@ArgsType()
export class LoginArgs {
  @Field() @IsString() @MaxLength(320) email!: string;
  @Field() @IsString() @Length(1, 1024) password!: string;
}

@Resolver(() => Organisation)
export class PeopleResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly auth: LoginService,
  ) {}

  @Mutation(() => AccessToken, { description: 'Rate-limited per account and per client address.' })
  @Public()
  login(@Args() { email, password }: LoginArgs, @ClientAddress() address: string): Promise<AccessToken> {
    return this.auth.login(email, password, address);
  }

  @Query(() => Me)
  @Authenticated()
  me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.people.me(actor);
  }

  @Mutation(() => User, { description: 'Your language for the console, e-mails and notification titles.' })
  @Authenticated()
  setMyLanguage(
    @CurrentActor() actor: Actor,
    @Args('language', { type: () => Language }) language: Language,
  ): Promise<User> {
    return this.people.setLanguage(actor, language);
  }

  @ResolveField(() => [Membership], {
    nullable: true,
    description: "The organisation's members; null unless you belong to it (or are a platform admin).",
  })
  members(@CurrentActor() actor: Actor, @Parent() organisation: Organisation): Promise<Membership[] | null> {
    return this.people.membersOf(actor, organisation.id);
  }

  @Mutation(() => Membership, { description: 'Adds a person to your organisation, creating their account if needed.' })
  @Can('create', 'Membership')
  addMember(@CurrentActor() actor: Actor, @Args('input') input: AddMemberInput): Promise<Membership> {
    return this.people.addMember(actor, input);
  }

  @Mutation(() => Membership)
  @Can('update', 'Membership')
  changeMemberRole(@CurrentActor() actor: Actor, @Args('input') input: ChangeMemberRoleInput): Promise<Membership> {
    return this.people.changeRole(actor, input);
  }

  @Mutation(() => Boolean)
  @Can('delete', 'Membership')
  removeMember(@CurrentActor() actor: Actor, @UuidArg('membershipId') membershipId: string): Promise<boolean> {
    return this.people.removeMember(actor, membershipId);
  }
}
