import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QUEUES, QueueFactory } from '@app/core';
import { ReferralSweepService } from '@app/referrals';

const SCHEDULER_ID = 'referrals-sweep';

/**
 * A BullMQ job scheduler runs the referral sweep every
 * REFERRAL_SWEEP_INTERVAL_SECONDS: one job per tick across all workers, so
 * running several worker processes does not sweep several times.
 */
@Injectable()
export class ReferralSweepProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferralSweepProcessor.name);

  constructor(
    private readonly queues: QueueFactory,
    private readonly sweep: ReferralSweepService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { sweepIntervalSeconds } = this.config.referrals;
    // Kept, not just upserted: a Redis restarted without persistence would otherwise lose the schedule.
    await this.queues.keepJobScheduler(QUEUES.referrals, SCHEDULER_ID, 'referrals.sweep', sweepIntervalSeconds * 1000);
    this.queues.worker(QUEUES.referrals, () => this.run(), { concurrency: 1 });
  }

  async run(): Promise<{ expired: number; dueSoon: number }> {
    const expired = await this.sweep.expireOverdue();
    const dueSoon = await this.sweep.announceDueSoon(this.config.referrals.dueSoonHours);
    if (expired || dueSoon) this.logger.log(`referral sweep: ${expired} expired, ${dueSoon} due soon`);
    return { expired, dueSoon };
  }
}
