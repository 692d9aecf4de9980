import { registerEnumType } from '@nestjs/graphql';

/** A user's role within one organisation (a membership). */
export enum Role {
  CASEWORKER = 'CASEWORKER',
  COORDINATOR = 'COORDINATOR',
  PARTNER_ADMIN = 'PARTNER_ADMIN',
  AUDITOR = 'AUDITOR',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
}

registerEnumType(Role, { name: 'Role' });
