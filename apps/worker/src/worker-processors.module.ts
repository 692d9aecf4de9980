import { Module } from '@nestjs/common';
import { ReferralSweepModule } from '@app/referrals';
import { ReferralSweepProcessor } from './referral-sweep.processor';
import { SystemProcessor } from './system.processor';

/**
 * Every BullMQ processor and scheduled sweep. Imported by the worker app, and
 * by the API when it runs the worker in process (the embedded default).
 */
@Module({ imports: [ReferralSweepModule], providers: [SystemProcessor, ReferralSweepProcessor] })
export class WorkerProcessorsModule {}
