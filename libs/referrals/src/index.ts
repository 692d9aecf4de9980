export * from './referral-vocabulary';
export * from './referral.model';
export * from './referrals.module';
export * from './referrals.service';
export * from './transitions';
export * from './allowed-actions';
export * from './referral-sweep.service';
export * from './consent-preflight.model';
