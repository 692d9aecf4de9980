import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCKS, APP_CONFIG, AppConfig, withAdvisoryLock } from '@app/core';
import { AgreementPartyEntity, DataSharingAgreementEntity } from '../agreements/data-sharing-agreement.entity';
import { OrganisationEntity } from '../directory/organisation.entity';
import { OrganisationServiceEntity } from '../directory/organisation-service.entity';
import { PartnershipEntity, PartnershipMemberEntity } from '../partnerships/partnership.entity';
import { MembershipEntity } from '../people/membership.entity';
import { hashPassword } from '../people/passwords';
import { UserEntity } from '../people/user.entity';
import { AgreementStatus, Language } from '../vocabulary';
import {
  DEMO_AGREEMENTS,
  DEMO_AGREEMENT_VALIDITY,
  DEMO_ORGANISATIONS,
  DEMO_PARTNERSHIP,
  DEMO_PASSWORD,
  DEMO_USERS,
  DemoOrganisationKey,
} from './demo-data';

const SEED_NAME = 'demo-organisations';

/**
 * Creates the demo partnership on first boot (never in production). Runs once
 * per database: a row in `seed_history`, written in the same transaction as
 * the data, under an advisory lock, so concurrent boots cannot seed twice.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData || this.config.isProduction) return;
    const seeded = await this.seed();
    if (seeded) this.logger.log('Demo data created: log in as pup.caseworker@demo.local with password "demo"');
  }

  /** Returns false when the database was already seeded. */
  async seed(): Promise<boolean> {
    return withAdvisoryLock(this.dataSource, ADVISORY_LOCKS.demoSeed, () =>
      this.dataSource.transaction(async (tx) => {
        const done: unknown[] = await tx.query('SELECT 1 FROM seed_history WHERE name = $1', [SEED_NAME]);
        if (done.length > 0) return false;
        await this.createAll(tx);
        await tx.query('INSERT INTO seed_history (name) VALUES ($1)', [SEED_NAME]);
        return true;
      }),
    );
  }

  private async createAll(tx: EntityManager): Promise<void> {
    const ids = new Map<DemoOrganisationKey, string>();
    for (const demo of DEMO_ORGANISATIONS) {
      const organisation = await tx.save(
        tx.create(OrganisationEntity, {
          kind: demo.kind,
          name: demo.name,
          shortName: demo.shortName,
          street: demo.street,
          postalCode: demo.postalCode,
          city: demo.city,
          county: demo.county,
          voivodeship: 'mazowieckie',
          parentOrganisationId: 'parent' in demo ? ids.get(demo.parent)! : null,
        }),
      );
      ids.set(demo.key, organisation.id);
      for (const service of demo.services) {
        await tx.save(tx.create(OrganisationServiceEntity, { ...service, organisationId: organisation.id }));
      }
    }

    const userIds = new Map<string, string>();
    for (const demo of DEMO_USERS) {
      const user = await tx.save(
        tx.create(UserEntity, {
          email: demo.email,
          displayName: demo.displayName,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          language: Language.pl,
        }),
      );
      userIds.set(demo.email, user.id);
      await tx.save(
        tx.create(MembershipEntity, { userId: user.id, organisationId: ids.get(demo.organisation)!, role: demo.role }),
      );
    }

    const partnership = await tx.save(
      tx.create(PartnershipEntity, {
        name: DEMO_PARTNERSHIP.name,
        description: DEMO_PARTNERSHIP.description,
        leadOrganisationId: ids.get(DEMO_PARTNERSHIP.lead)!,
      }),
    );
    await tx.insert(
      PartnershipMemberEntity,
      DEMO_PARTNERSHIP.members.map((key) => ({ partnershipId: partnership.id, organisationId: ids.get(key)! })),
    );

    const proposer = userIds.get('cis.admin@demo.local')!;
    for (const demo of DEMO_AGREEMENTS) {
      const [first, second] = demo.parties;
      const agreement = await tx.save(
        tx.create(DataSharingAgreementEntity, {
          title: demo.title,
          partnershipId: null,
          status: AgreementStatus.ACTIVE,
          purposes: demo.purposes,
          dataCategories: demo.dataCategories,
          ...DEMO_AGREEMENT_VALIDITY,
          responseTimeDays: demo.responseTimeDays,
          proposedByOrganisationId: ids.get(first)!,
          proposedByUserId: proposer,
          approvedByUserId: proposer,
          approvedAt: new Date(),
        }),
      );
      await tx.insert(AgreementPartyEntity, [
        { agreementId: agreement.id, organisationId: ids.get(first)! },
        { agreementId: agreement.id, organisationId: ids.get(second)! },
      ]);
    }
  }
}
