import { Organisations1732350000000 } from './1732350000000-organisations';

/** Every migration, in order. Listed explicitly so builds and tests need no globbing. */
export const MIGRATIONS = [Organisations1732350000000];
