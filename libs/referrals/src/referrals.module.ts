import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { ConsentsModule } from '@app/consents';
import { OrganisationsModule } from '@app/organisations';
import { ParticipantsModule } from '@app/participants';
import { ConsentPreflightResolver } from './consent-preflight.resolver';
import { ConsentPreflightService } from './consent-preflight.service';
import { ReferralSweepService } from './referral-sweep.service';
import { ReferralsResolver } from './referrals.resolver';
import { ReferralsService } from './referrals.service';
import { ServicePlacesResolver } from './service-places';

@Module({
  imports: [AccessModule, OrganisationsModule, ConsentsModule, ParticipantsModule],
  providers: [
    ReferralsService,
    ReferralSweepService,
    ReferralsResolver,
    ConsentPreflightService,
    ConsentPreflightResolver,
    ServicePlacesResolver,
  ],
  exports: [ReferralsService],
})
export class ReferralsModule {}

/** What the worker needs: the scheduled sweep, without the GraphQL side. */
@Module({ providers: [ReferralSweepService], exports: [ReferralSweepService] })
export class ReferralSweepModule {}
