export * from './async-handler';
export * from './cookies';
