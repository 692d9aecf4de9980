import { Module } from '@nestjs/common';
import { AccessService } from './access/access.service';
import { BreakGlassService } from './break-glass.service';
import { ConsentsResolver } from './consents.resolver';
import { ConsentsService } from './consents.service';

/** Consents, legal bases, break-glass, and the one access module. */
@Module({
  providers: [AccessService, ConsentsService, BreakGlassService, ConsentsResolver],
  exports: [AccessService, ConsentsService],
})
export class ConsentsModule {}
