import { Module } from '@nestjs/common';
import { ConsentsModule } from '@app/consents';
import { ParticipantsResolver } from './participants.resolver';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [ConsentsModule],
  providers: [ParticipantsService, ParticipantsResolver],
  exports: [ParticipantsService],
})
export class ParticipantsModule {}
