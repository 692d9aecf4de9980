import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QUEUES } from '../queue/queue-names';
import { QueueFactory } from '../queue/queue.factory';
import { Public } from '../security/public.decorator';

/** Liveness says the process runs; readiness that its database and queue backend answer. */
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
    try {
      await this.queues.queue(QUEUES.system).getJobCounts('waiting');
      return check.up({ backing: this.queues.kind });
    } catch {
      return check.down({ backing: this.queues.kind, message: 'queue backend unreachable' });
    }
  }
}
