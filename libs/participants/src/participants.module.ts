import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { ParticipantsResolver } from './participants.resolver';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [AccessModule],
  providers: [ParticipantsService, ParticipantsResolver],
  exports: [ParticipantsService],
})
export class ParticipantsModule {}
