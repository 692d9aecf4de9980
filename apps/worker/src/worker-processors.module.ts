import { Module } from '@nestjs/common';
import { SystemProcessor } from './system.processor';

/**
 * Every BullMQ processor and scheduled sweep. Imported by the worker app, and
 * by the API when it runs the worker in process (the embedded default).
 */
@Module({ providers: [SystemProcessor] })
export class WorkerProcessorsModule {}
