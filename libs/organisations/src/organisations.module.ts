import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACTOR_RESOLVER, RequestAuthenticator, SESSION_STORE } from '@app/authz';
import { AgreementPartyEntity, DataSharingAgreementEntity } from './agreements/data-sharing-agreement.entity';
import { AgreementsResolver } from './agreements/agreements.resolver';
import { AgreementsService } from './agreements/agreements.service';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { LoginService } from './auth/login.service';
import { SessionResolver } from './auth/session.resolver';
import { SessionService } from './auth/session.service';
import { DirectoryResolver } from './directory/directory.resolver';
import { DirectoryService } from './directory/directory.service';
import { OrganisationEntity } from './directory/organisation.entity';
import { OrganisationServiceEntity } from './directory/organisation-service.entity';
import { PartnershipEntity, PartnershipMemberEntity } from './partnerships/partnership.entity';
import { PartnershipsResolver } from './partnerships/partnerships.resolver';
import { PartnershipsService } from './partnerships/partnerships.service';
import { MembershipActorResolver } from './people/membership-actor.resolver';
import { MembershipEntity } from './people/membership.entity';
import { PeopleResolver } from './people/people.resolver';
import { PeopleService } from './people/people.service';
import { UserEntity } from './people/user.entity';

export const ORGANISATION_ENTITIES = [
  OrganisationEntity,
  OrganisationServiceEntity,
  UserEntity,
  MembershipEntity,
  PartnershipEntity,
  PartnershipMemberEntity,
  DataSharingAgreementEntity,
  AgreementPartyEntity,
];

/** Organisations, their people, partnerships and data-sharing agreements; login and browser sessions. */
@Module({
  imports: [TypeOrmModule.forFeature(ORGANISATION_ENTITIES)],
  providers: [
    DirectoryService,
    DirectoryResolver,
    PeopleService,
    PeopleResolver,
    PartnershipsService,
    PartnershipsResolver,
    AgreementsService,
    AgreementsResolver,
    LoginService,
    LoginRateLimiter,
    SessionService,
    SessionResolver,
    { provide: ACTOR_RESOLVER, useClass: MembershipActorResolver },
    { provide: SESSION_STORE, useExisting: SessionService },
    // Defined in authz, built here, where the ports it needs are implemented.
    RequestAuthenticator,
  ],
  exports: [
    DirectoryService,
    PartnershipsService,
    AgreementsService,
    LoginService,
    ACTOR_RESOLVER,
    SESSION_STORE,
    RequestAuthenticator,
  ],
})
export class OrganisationsModule {}
