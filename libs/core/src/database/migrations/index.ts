import { Organisations1732350000000 } from './1732350000000-organisations';
import { ParticipantsAndConsents1732360000000 } from './1732360000000-participants-and-consents';

/** Every migration, in order. Listed explicitly so builds and tests need no globbing. */
export const MIGRATIONS = [Organisations1732350000000, ParticipantsAndConsents1732360000000];
