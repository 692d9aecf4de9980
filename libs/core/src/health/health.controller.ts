import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QUEUES } from '../queue/queue-names';
import { QueueFactory } from '../queue/queue.factory';
import { Public } from '../security/public.decorator';

/**
 * Liveness says the process runs; readiness that its database and queue backend
 * answer (and, on Redis, that it will not evict jobs); metrics give queue depths.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database(), () => this.queueBackend()]);
  }

  private async database() {
    const check = this.indicators.check('database');
    try {
      await this.dataSource.query('SELECT 1');
      return check.up();
    } catch {
      return check.down('database unreachable');
    }
  }

  private async queueBackend() {
    const check = this.indicators.check('queue');
    const backing = this.queues.kind;
    try {
      await this.queues.queue(QUEUES.system).getJobCounts('waiting');
    } catch {
      return check.down({ backing, message: 'queue backend unreachable' });
    }
    const policy = await this.queues.redisEvictionPolicy().catch(() => undefined);
    if (policy !== undefined && policy !== 'noeviction') {
      // Redis may evict jobs under memory pressure: not ready to hold work.
      return check.down({ backing, maxmemoryPolicy: policy, message: 'Redis maxmemory-policy must be noeviction' });
    }
    return check.up({ backing, ...(policy ? { maxmemoryPolicy: policy } : {}) });
  }

  /** Queue depth per queue and state, in the Prometheus text format. */
  @Get('metrics')
  async metrics(@Res() res: Response): Promise<void> {
    const counts = await this.queues.counts();
    const lines = ['# HELP bullmq_jobs Jobs per queue and state.', '# TYPE bullmq_jobs gauge'];
    for (const [queue, states] of Object.entries(counts)) {
      for (const [state, count] of Object.entries(states))
        lines.push(`bullmq_jobs{queue="${queue}",state="${state}"} ${count}`);
    }
    res.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  }
}
