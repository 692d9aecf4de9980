import { Module } from '@nestjs/common';
import { AuthzModule } from '@app/authz';
import { QueueModule } from '@app/core';
import { OrganisationsModule } from '@app/organisations';
import { QueueDashboard } from './queue-dashboard';

/** The bull-board queue dashboard at /admin/queues, for platform admins only. */
@Module({
  imports: [QueueModule, AuthzModule, OrganisationsModule],
  providers: [QueueDashboard],
})
export class QueueDashboardModule {}
