export * from './queue-names';
export * from './queue.factory';
export * from './queue.module';
