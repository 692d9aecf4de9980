import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@app/organisations';
import { ParticipantsModule } from '@app/participants';
import { ReferralsResolver } from './referrals.resolver';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [OrganisationsModule, ParticipantsModule],
  providers: [ReferralsService, ReferralsResolver],
  exports: [ReferralsService],
})
export class ReferralsModule {}
