import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTOR_RESOLVER, Actor, ActorResolver } from '@app/authz';
import { ConsentsModule, ConsentsService, EvidenceMethod } from '@app/consents';
import { ADVISORY_LOCKS, APP_CONFIG, AppConfig, withAdvisoryLock } from '@app/core';
import {
  DEMO_ORGANISATIONS,
  DemoModule,
  DemoOrganisationKey,
  DemoSeeder,
  OrganisationsModule,
} from '@app/organisations';
import { ParticipantsModule, ParticipantsService } from '@app/participants';
import { CreateReferralInput } from '../referral.input';
import { ReferralPriority } from '../referral-vocabulary';
import { ReferralsModule } from '../referrals.module';
import { ReferralsService } from '../referrals.service';
import { ReferralTransition } from '../transitions';
import { DEMO_CASEWORKERS, DEMO_STORIES, DemoStep, DemoStory } from './demo-casework-data';

const SEED_NAME = 'demo-casework';
const DEFAULT_CONSENT_DAYS = 365;

/** What the stories are told with: the demo organisations, their services and caseworkers, today. */
interface Cast {
  organisation: Map<DemoOrganisationKey, string>;
  service: Map<string, string>;
  caseworker: Map<DemoOrganisationKey, Actor>;
  today: string;
}

/**
 * Tells the demo stories (`DEMO_STORIES`) on first boot, never in production:
 * each participant registered, consents given, and a referral taken through
 * its steps by the caseworkers of both sides — through the same services the
 * API runs, so the history, the outbox events and, once the worker has
 * delivered them, the notifications in the demo users' inboxes are exactly
 * what the platform makes. Runs once per database (`seed_history`, under its
 * own advisory lock, after the organisations' seed); a story whose
 * participant (by PESEL) is already registered is not told again, so a
 * re-run after an interrupted one never doubles anything.
 */
@Injectable()
export class DemoCaseworkSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoCaseworkSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ACTOR_RESOLVER) private readonly actors: ActorResolver,
    private readonly organisations: DemoSeeder,
    private readonly participants: ParticipantsService,
    private readonly consents: ConsentsService,
    private readonly referrals: ReferralsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoCasework || this.config.isProduction) return;
    await this.organisations.seed();
    if (await this.seed()) this.logger.log(`Demo casework created: ${DEMO_STORIES.length} participants with referrals`);
  }

  /** Returns false when the stories were told before (or the demo organisations are gone). */
  async seed(): Promise<boolean> {
    if (this.config.isProduction) return false;
    return withAdvisoryLock(this.dataSource, ADVISORY_LOCKS.demoCasework, async () => {
      const done: unknown[] = await this.dataSource.query('SELECT 1 FROM seed_history WHERE name = $1', [SEED_NAME]);
      if (done.length > 0) return false;
      const cast = await this.cast();
      if (!cast) {
        this.logger.warn('Demo casework skipped: the demo organisations or their caseworkers are missing');
        return false;
      }
      for (const story of DEMO_STORIES) {
        if (await this.alreadyRegistered(story, cast)) continue;
        await this.tell(story, cast);
      }
      await this.dataSource.query('INSERT INTO seed_history (name) VALUES ($1)', [SEED_NAME]);
      return true;
    });
  }

  private async cast(): Promise<Cast | undefined> {
    const organisations: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM organisations WHERE name = ANY ($1)`,
      [DEMO_ORGANISATIONS.map((o) => o.name)],
    );
    const organisation = new Map<DemoOrganisationKey, string>();
    for (const demo of DEMO_ORGANISATIONS) {
      const id = organisations.find((o) => o.name === demo.name)?.id;
      if (id) organisation.set(demo.key, id);
    }
    const services: { organisation_id: string; name: string; id: string }[] = await this.dataSource.query(
      `SELECT organisation_id, name, id FROM organisation_services WHERE organisation_id = ANY ($1::uuid[])`,
      [[...organisation.values()]],
    );
    const service = new Map(services.map((s) => [`${s.organisation_id}:${s.name}`, s.id]));
    const caseworker = new Map<DemoOrganisationKey, Actor>();
    for (const [key, email] of Object.entries(DEMO_CASEWORKERS) as [DemoOrganisationKey, string][]) {
      const [user]: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
      const actor = user && (await this.actors.resolve(user.id));
      if (actor?.memberships.length === 1 && actor.memberships[0].organisationId === organisation.get(key)) {
        caseworker.set(key, actor);
      }
    }
    const needed = DEMO_STORIES.flatMap((s) => [
      s.owner,
      s.referral.to,
      ...s.referral.steps.flatMap((step) => (step.step === 'forward' ? [step.to] : [])),
    ]);
    if (!needed.every((key) => organisation.has(key) && caseworker.has(key))) return undefined;
    const [{ today }]: { today: string }[] = await this.dataSource.query(`SELECT current_date::text AS today`);
    return { organisation, service, caseworker, today };
  }

  private async alreadyRegistered(story: DemoStory, cast: Cast): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM participants p JOIN participant_data d ON d.participant_id = p.id AND d.category = 'IDENTITY'
        WHERE p.owner_organisation_id = $1 AND d.data->>'pesel' = $2`,
      [cast.organisation.get(story.owner), story.participant.identity.pesel],
    );
    return rows.length > 0;
  }

  private async tell(story: DemoStory, cast: Cast): Promise<void> {
    const owner = cast.caseworker.get(story.owner)!;
    const recipient = cast.caseworker.get(story.referral.to)!;
    const organisationId = (key: DemoOrganisationKey) => cast.organisation.get(key)!;
    const serviceId = (key: DemoOrganisationKey, name: string | undefined) =>
      name ? cast.service.get(`${organisationId(key)}:${name}`) : undefined;

    const { id: participantId } = await this.participants.create(owner, story.participant);
    const consentTo = new Map<DemoOrganisationKey, string>();
    for (const consent of story.consents) {
      const { id } = await this.consents.grant(owner, {
        participantId,
        recipientOrganisationId: organisationId(consent.to),
        purposes: consent.purposes,
        dataCategories: consent.categories,
        validFrom: cast.today,
        validUntil: addDays(cast.today, consent.validForDays ?? DEFAULT_CONSENT_DAYS),
        evidence: {
          method: EvidenceMethod.PAPER_SIGNATURE,
          // The hash of the signed form the browser would compute; here of an invented document.
          documentHash: createHash('sha256')
            .update(`zgoda ${story.participant.identity.pesel} ${consent.to}`)
            .digest('hex'),
        },
      });
      consentTo.set(consent.to, id);
    }

    const referral: CreateReferralInput = {
      participantId,
      toOrganisationId: organisationId(story.referral.to),
      toServiceId: serviceId(story.referral.to, story.referral.service),
      reasonCategory: story.referral.reasonCategory,
      reason: story.referral.reason,
      priority: story.referral.priority ?? ReferralPriority.NORMAL,
      send: false,
    };
    const { id: referralId } = await this.referrals.create(owner, referral);
    for (const step of story.referral.steps) {
      await this.take(step, referralId, { owner, recipient, consentTo, organisationId, serviceId });
    }
  }

  private async take(
    step: DemoStep,
    referralId: string,
    who: {
      owner: Actor;
      recipient: Actor;
      consentTo: Map<DemoOrganisationKey, string>;
      organisationId: (key: DemoOrganisationKey) => string;
      serviceId: (key: DemoOrganisationKey, name: string | undefined) => string | undefined;
    },
  ): Promise<void> {
    const { owner, recipient } = who;
    const move = (actor: Actor, transition: ReferralTransition, input: object = {}, details = {}) =>
      this.referrals.transition(actor, transition, { referralId, ...input }, details);
    switch (step.step) {
      case 'send':
        return void (await move(owner, ReferralTransition.SEND));
      case 'accept':
        return void (await move(recipient, ReferralTransition.ACCEPT, { note: step.note }));
      case 'decline':
        return void (await move(recipient, ReferralTransition.DECLINE, step, { reasonCode: step.reasonCode }));
      case 'start':
        return void (await move(recipient, ReferralTransition.START, { note: step.note }));
      case 'complete':
        return void (await move(recipient, ReferralTransition.COMPLETE, step, { outcome: step.outcome }));
      case 'dropOut':
        return void (await move(recipient, ReferralTransition.DROP_OUT, step, { reasonCode: step.reasonCode }));
      case 'cancel':
        return void (await move(owner, ReferralTransition.CANCEL, step, { reasonCode: step.reasonCode }));
      case 'forward':
        return void (await move(recipient, ReferralTransition.FORWARD, {
          toOrganisationId: who.organisationId(step.to),
          toServiceId: who.serviceId(step.to, step.service),
          reason: step.reason,
        }));
      case 'expire':
        // The demo's only shortcut: the due date is moved into the past, and the system's own sweep expires it.
        await this.dataSource.query(
          `UPDATE referrals SET response_due_on = current_date - 1 WHERE id = $1 AND status = 'SENT'`,
          [referralId],
        );
        return void (await this.referrals.expireOverdue());
      case 'withdrawConsent':
        return void (await this.consents.withdraw(owner, {
          consentId: who.consentTo.get(step.to)!,
          reason: step.reason,
        }));
    }
  }
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Imported by the API only, next to `DemoModule`: the demo partnership's casework on first boot. */
@Module({
  imports: [DemoModule, OrganisationsModule, ConsentsModule, ParticipantsModule, ReferralsModule],
  providers: [DemoCaseworkSeeder],
  exports: [DemoCaseworkSeeder],
})
export class DemoCaseworkModule {}
