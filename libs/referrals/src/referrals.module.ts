import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@app/organisations';
import { ParticipantsModule } from '@app/participants';
import { ReferralSweepService } from './referral-sweep.service';
import { ReferralsResolver } from './referrals.resolver';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [OrganisationsModule, ParticipantsModule],
  providers: [ReferralsService, ReferralSweepService, ReferralsResolver],
  exports: [ReferralsService],
})
export class ReferralsModule {}

/** What the worker needs: the scheduled sweep, without the GraphQL side. */
@Module({ providers: [ReferralSweepService], exports: [ReferralSweepService] })
export class ReferralSweepModule {}
