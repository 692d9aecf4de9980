export * from './consent.model';
export * from './consents.module';
export * from './consent.input';
export * from './consents.service';
