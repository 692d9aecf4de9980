import { Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** The access rule: every predicate as a SQL function (./sql), and the service that composes them into statements. */
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
