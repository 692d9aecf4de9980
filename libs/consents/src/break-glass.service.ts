import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Actor, Role } from '@app/authz';
import { ForbiddenError, NotFoundError, writeOutboxEvent } from '@app/core';
import { actingMembership } from '@app/access';

@InputType()
export class OpenEmergencyAccessInput {
  @Field(() => ID) @IsUUID() participantId!: string;
  @Field({ description: 'Why this cannot wait for consent; shown to the owning organisation.' })
  @IsString()
  @Length(10, 2000)
  reason!: string;
  @Field(() => Int, { defaultValue: 3, description: 'Hours, 1 to 24.' }) @IsInt() @Min(1) @Max(24) hours: number = 3;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}

@ObjectType()
export class EmergencyAccessGrant {
  @Field(() => ID) id!: string;
  @Field(() => ID) participantId!: string;
  @Field(() => ID) organisationId!: string;
  @Field() openedAt!: Date;
  @Field() expiresAt!: Date;
}

/**
 * Break-glass: a coordinator of a partner organisation opens time-boxed access
 * to a participant without consent, for an emergency, with a reason. It never
 * opens CRIMINAL_RECORD (enforced by `participant_access`: only a consent or
 * legal basis naming it does); every read under it is logged as BREAK_GLASS;
 * the owning organisation is told through the outbox.
 */
@Injectable()
export class BreakGlassService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(actor: Actor, input: OpenEmergencyAccessInput): Promise<EmergencyAccessGrant> {
    const membership = actingMembership(actor, input.asOrganisationId);
    // The role first: answering FORBIDDEN only after finding the participant would tell
    // a non-coordinator which participant ids exist in partner organisations.
    if (membership.role !== Role.COORDINATOR) throw new ForbiddenError('Only coordinators may open emergency access');
    return this.dataSource.transaction(async (tx) => {
      // Only participants of a partner organisation (shared partnership or agreement) can be reached.
      const rows: { owner_organisation_id: string }[] = await tx.query(
        `SELECT p.owner_organisation_id FROM participants p
          WHERE p.id = $1 AND p.owner_organisation_id <> $2 AND are_partners(p.owner_organisation_id, $2)`,
        [input.participantId, membership.organisationId],
      );
      if (!rows[0]) throw new NotFoundError('Participant', input.participantId);
      const [grant]: { id: string; opened_at: Date; expires_at: Date }[] = await tx.query(
        `INSERT INTO break_glass_grants (participant_id, organisation_id, user_id, reason, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id, opened_at, expires_at`,
        [input.participantId, membership.organisationId, actor.userId, input.reason.trim(), input.hours],
      );
      await writeOutboxEvent(tx, {
        type: 'break_glass.opened',
        aggregateType: 'participant',
        aggregateId: input.participantId,
        payload: {
          grantId: grant.id,
          participantId: input.participantId,
          ownerOrganisationId: rows[0].owner_organisation_id,
          openedByOrganisationId: membership.organisationId,
          expiresAt: grant.expires_at.toISOString(),
        },
      });
      return {
        id: grant.id,
        participantId: input.participantId,
        organisationId: membership.organisationId,
        openedAt: grant.opened_at,
        expiresAt: grant.expires_at,
      };
    });
  }
}
