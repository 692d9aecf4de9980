import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobPayloads, QUEUES, QueueFactory } from '@app/core';

export interface PingResult {
  requestedAt: string;
  processedAt: string;
  pid: number;
}

/** Processes the `system` queue: the round-trip probe that proves the queue works. */
@Injectable()
export class SystemProcessor implements OnModuleInit {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(private readonly queues: QueueFactory) {}

  onModuleInit(): void {
    const worker = this.queues.worker(QUEUES.system, (job) => this.process(job), { concurrency: 1 });
    worker.on('failed', (job, error) => this.logger.warn(`job ${job?.id} (${job?.name}) failed: ${error.message}`));
  }

  async process(job: Job): Promise<PingResult> {
    switch (job.name as keyof JobPayloads) {
      case 'system.ping': {
        const data = job.data as JobPayloads['system.ping'];
        return { requestedAt: data.requestedAt, processedAt: new Date().toISOString(), pid: process.pid };
      }
      default:
        throw new Error(`Unknown job ${job.name} on the system queue`);
    }
  }
}
