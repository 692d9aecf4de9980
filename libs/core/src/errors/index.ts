export * from './app-error';
export * from './graphql-error-formatter';
export * from './validation.pipe';
export * from './uuid-arg';
