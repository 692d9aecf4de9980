import { Module } from '@nestjs/common';
import { BreakGlassService } from './break-glass.service';
import { ConsentsResolver } from './consents.resolver';
import { ConsentsService } from './consents.service';

/** Consents, legal bases and break-glass: what the access rule (libs/access) reads. */
@Module({
  providers: [ConsentsService, BreakGlassService, ConsentsResolver],
  exports: [ConsentsService],
})
export class ConsentsModule {}
