import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, authorize, isAllowed } from '@app/authz';
import { BadUserInputError, ConflictError, NotFoundError } from '@app/core';
import { DirectoryService } from '../directory/directory.service';
import { OrganisationEntity } from '../directory/organisation.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { AgreementStatus } from '../vocabulary';
import { ProposeAgreementInput, TerminateAgreementInput } from './agreement.input';
import { DataSharingAgreement } from './agreement.model';
import { AgreementPartyEntity, DataSharingAgreementEntity } from './data-sharing-agreement.entity';

/** Who an agreement binds and who may act on it, the facts the ability rules check. */
interface AgreementRoles {
  partyOrganisationIds: string[];
  approverOrganisationIds: string[];
  terminatorOrganisationIds: string[];
}

/**
 * Data-sharing agreements. One party's partner admin proposes; the other party
 * (for a partnership-wide agreement, the lead organisation) approves; either
 * side may terminate. An agreement's terms never change once proposed: a new
 * agreement replaces it, so what was agreed stays on record.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly partnerships: PartnershipsService,
  ) {}

  async list(actor: Actor, filter: { status?: AgreementStatus } = {}): Promise<DataSharingAgreement[]> {
    const query = this.dataSource
      .getRepository(DataSharingAgreementEntity)
      .createQueryBuilder('a')
      .orderBy('a.created_at', 'DESC');
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (!actor.isPlatformAdmin) {
      query.andWhere(
        // The agreements binding one of the actor's organisations (libs/access: agreement_parties_of).
        `EXISTS (SELECT 1 FROM agreement_parties_of(a) x WHERE x.organisation_id = ANY(:orgs))`,
        { orgs: actor.organisationIds },
      );
    }
    return this.toModels(actor, await query.getMany());
  }

  async get(actor: Actor, id: string): Promise<DataSharingAgreement> {
    const { row } = await this.visible(actor, id);
    const [model] = await this.toModels(actor, [row]);
    return model;
  }

  async propose(actor: Actor, input: ProposeAgreementInput): Promise<DataSharingAgreement> {
    if (Boolean(input.counterpartOrganisationId) === Boolean(input.partnershipId)) {
      throw new BadUserInputError('Give exactly one of counterpartOrganisationId and partnershipId', [
        {
          field: 'counterpartOrganisationId',
          problems: ['exactly one of counterpartOrganisationId and partnershipId'],
        },
      ]);
    }
    if (input.validUntil && input.validUntil < input.validFrom) {
      throw new BadUserInputError('validUntil is before validFrom', [
        { field: 'validUntil', problems: ['must not be before validFrom'] },
      ]);
    }
    if (input.counterpartOrganisationId === input.proposedByOrganisationId) {
      throw new BadUserInputError('An organisation cannot make an agreement with itself', [
        { field: 'counterpartOrganisationId', problems: ['must differ from proposedByOrganisationId'] },
      ]);
    }
    authorize(actor, 'create', 'DataSharingAgreement', { proposedByOrganisationId: input.proposedByOrganisationId });

    const id = await this.dataSource.transaction(async (tx) => {
      // Only a platform admin can name an organisation they do not belong to, possibly one that does not exist.
      if (!(await tx.existsBy(OrganisationEntity, { id: input.proposedByOrganisationId }))) {
        throw new NotFoundError('Organisation', input.proposedByOrganisationId);
      }
      if (
        input.counterpartOrganisationId &&
        !(await tx.existsBy(OrganisationEntity, { id: input.counterpartOrganisationId }))
      ) {
        throw new NotFoundError('Organisation', input.counterpartOrganisationId);
      }
      if (input.partnershipId) {
        const members = (await this.partnerships.memberIds([input.partnershipId])).get(input.partnershipId)!;
        const exists = await tx.existsBy(PartnershipEntity, { id: input.partnershipId });
        if (!exists || !members.includes(input.proposedByOrganisationId)) {
          throw new NotFoundError('Partnership', input.partnershipId);
        }
      }
      const agreement = await tx.save(
        tx.create(DataSharingAgreementEntity, {
          title: input.title.trim(),
          partnershipId: input.partnershipId ?? null,
          status: AgreementStatus.PROPOSED,
          purposes: [...new Set(input.purposes)],
          dataCategories: [...new Set(input.dataCategories)],
          validFrom: input.validFrom,
          validUntil: input.validUntil ?? null,
          responseTimeDays: input.responseTimeDays,
          proposedByOrganisationId: input.proposedByOrganisationId,
          proposedByUserId: actor.userId,
        }),
      );
      if (input.counterpartOrganisationId) {
        await tx.insert(AgreementPartyEntity, [
          { agreementId: agreement.id, organisationId: input.proposedByOrganisationId },
          { agreementId: agreement.id, organisationId: input.counterpartOrganisationId },
        ]);
      }
      return agreement.id;
    });
    return this.get(actor, id);
  }

  async approve(actor: Actor, id: string): Promise<DataSharingAgreement> {
    const { row, roles } = await this.visible(actor, id);
    authorize(actor, 'approve', 'DataSharingAgreement', { ...roles });
    await this.transition(row, AgreementStatus.PROPOSED, {
      status: AgreementStatus.ACTIVE,
      approvedAt: new Date(),
      approvedByUserId: actor.userId,
    });
    return this.get(actor, id);
  }

  async terminate(actor: Actor, input: TerminateAgreementInput): Promise<DataSharingAgreement> {
    const { row, roles } = await this.visible(actor, input.agreementId);
    authorize(actor, 'terminate', 'DataSharingAgreement', { ...roles });
    await this.transition(row, [AgreementStatus.PROPOSED, AgreementStatus.ACTIVE], {
      status: AgreementStatus.TERMINATED,
      terminatedAt: new Date(),
      terminatedByUserId: actor.userId,
      terminationReason: input.reason.trim(),
    });
    return this.get(actor, input.agreementId);
  }

  /**
   * One conditional UPDATE: it applies only if the row still has the status
   * and version we read, so two concurrent decisions cannot both win.
   */
  private async transition(
    row: DataSharingAgreementEntity,
    from: AgreementStatus | AgreementStatus[],
    changes: Partial<DataSharingAgreementEntity>,
  ): Promise<void> {
    const allowed = Array.isArray(from) ? from : [from];
    if (!allowed.includes(row.status)) {
      throw new ConflictError(`The agreement is ${row.status}`, { currentStatus: row.status });
    }
    const result = await this.dataSource
      .createQueryBuilder()
      .update(DataSharingAgreementEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status IN (:...allowed)', {
        id: row.id,
        version: row.version,
        allowed,
      })
      .execute();
    if (!result.affected) throw new ConflictError('The agreement was changed by someone else; reload and retry');
  }

  private async visible(actor: Actor, id: string): Promise<{ row: DataSharingAgreementEntity; roles: AgreementRoles }> {
    const row = await this.dataSource.getRepository(DataSharingAgreementEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('DataSharingAgreement', id);
    const roles = (await this.rolesOf([row])).get(row.id)!;
    if (!isAllowed(actor, 'read', 'DataSharingAgreement', { ...roles }))
      throw new NotFoundError('DataSharingAgreement', id);
    return { row, roles };
  }

  private async rolesOf(rows: DataSharingAgreementEntity[]): Promise<Map<string, AgreementRoles>> {
    const twoParty = rows.filter((r) => !r.partnershipId).map((r) => r.id);
    const parties = twoParty.length
      ? await this.dataSource.getRepository(AgreementPartyEntity).findBy({ agreementId: In(twoParty) })
      : [];
    const partnershipIds = [...new Set(rows.map((r) => r.partnershipId).filter((p): p is string => p !== null))];
    const members = await this.partnerships.memberIds(partnershipIds);
    const leads = partnershipIds.length
      ? await this.dataSource.getRepository(PartnershipEntity).findBy({ id: In(partnershipIds) })
      : [];
    const leadOf = new Map(leads.map((p) => [p.id, p.leadOrganisationId]));

    return new Map(
      rows.map((row) => {
        if (row.partnershipId) {
          const lead = leadOf.get(row.partnershipId)!;
          return [
            row.id,
            {
              partyOrganisationIds: members.get(row.partnershipId) ?? [],
              approverOrganisationIds: [lead],
              terminatorOrganisationIds: [...new Set([lead, row.proposedByOrganisationId])],
            },
          ];
        }
        const partyIds = parties.filter((p) => p.agreementId === row.id).map((p) => p.organisationId);
        return [
          row.id,
          {
            partyOrganisationIds: partyIds,
            approverOrganisationIds: partyIds.filter((p) => p !== row.proposedByOrganisationId),
            terminatorOrganisationIds: partyIds,
          },
        ];
      }),
    );
  }

  private async toModels(actor: Actor, rows: DataSharingAgreementEntity[]): Promise<DataSharingAgreement[]> {
    const roles = await this.rolesOf(rows);
    const organisations = await this.directory.getMany([
      ...new Set(rows.flatMap((r) => [r.proposedByOrganisationId, ...roles.get(r.id)!.partyOrganisationIds])),
    ]);
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const partnershipIds = [...new Set(rows.map((r) => r.partnershipId).filter((p): p is string => p !== null))];
    const partnerships = new Map(
      (await Promise.all(partnershipIds.map((id) => this.partnerships.get(actor, id).catch(() => null))))
        .filter((p) => p !== null)
        .map((p) => [p.id, p]),
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      partnership: row.partnershipId ? (partnerships.get(row.partnershipId) ?? null) : null,
      parties: roles.get(row.id)!.partyOrganisationIds.map((id) => byId.get(id)!),
      purposes: row.purposes,
      dataCategories: row.dataCategories,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      responseTimeDays: row.responseTimeDays,
      proposedBy: byId.get(row.proposedByOrganisationId)!,
      approvedAt: row.approvedAt,
      terminatedAt: row.terminatedAt,
      terminationReason: row.terminationReason,
      version: row.version,
    }));
  }
}
