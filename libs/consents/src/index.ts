export * from './consent.model';
export * from './consents.module';
