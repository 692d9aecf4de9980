export * from './advisory-lock';
export * from './database.module';
export * from './embedded-postgres';
export * from './postgres-errors';
export * from './prepared-statement';
export * from './snake-naming.strategy';
