export * from './access/access-rules';
export * from './access/access.service';
export * from './access/acting-membership';
export * from './access/role-rights';
export * from './consent.model';
export * from './consents.module';
export * from './consent.input';
export * from './consents.service';
