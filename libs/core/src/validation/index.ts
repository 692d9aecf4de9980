export * from './date-only';
export * from './storable-text';
export * from './text.decorators';
