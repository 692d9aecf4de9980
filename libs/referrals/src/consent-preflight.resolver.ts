import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import { ConsentPreflight, ConsentPreflightArgs } from './consent-preflight.model';
import { ConsentPreflightService } from './consent-preflight.service';

// `@Authenticated()`: the service lets through those who may make the referral (the owner's casework roles).
@Resolver(() => ConsentPreflight)
export class ConsentPreflightResolver {
  constructor(private readonly service: ConsentPreflightService) {}

  @Query(() => ConsentPreflight, {
    description:
      'Before sending: would the consent gate pass for this participant and recipient, why not, and what a ' +
      'consent recorded now may cover.',
  })
  @Authenticated()
  consentPreflight(@CurrentActor() actor: Actor, @Args() args: ConsentPreflightArgs): Promise<ConsentPreflight> {
    return this.service.check(actor, args);
  }
}
