import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, authorize, isAllowed } from '@app/authz';
import { BadUserInputError, ConflictError, NotFoundError, isUniqueViolation } from '@app/core';
import { DirectoryService } from '../directory/directory.service';
import { OrganisationEntity } from '../directory/organisation.entity';
import { CreatePartnershipInput, PartnershipMemberInput } from './partnership.input';
import { PartnershipEntity, PartnershipMemberEntity } from './partnership.entity';
import { Partnership } from './partnership.model';

/** Partnerships: visible to their members, managed by the lead organisation's partner admins. */
@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  async list(actor: Actor): Promise<Partnership[]> {
    const query = this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p').orderBy('p.name');
    if (!actor.isPlatformAdmin) {
      query.where(
        // The partnerships of the actor's organisations (libs/access: organisation_partnerships).
        'p.id IN (SELECT m.partnership_id FROM unnest(CAST(:orgs AS uuid[])) o, organisation_partnerships(o) m)',
        { orgs: actor.organisationIds },
      );
    }
    return this.toModels(await query.getMany());
  }

  async get(actor: Actor, id: string): Promise<Partnership> {
    const [partnership] = await this.toModels(await this.visible(actor, id));
    return partnership;
  }

  async create(actor: Actor, input: CreatePartnershipInput): Promise<Partnership> {
    authorize(actor, 'create', 'Partnership', { leadOrganisationId: input.leadOrganisationId });
    const memberIds = [...new Set([input.leadOrganisationId, ...(input.memberOrganisationIds ?? [])])];
    const id = await this.dataSource.transaction(async (tx) => {
      await this.assertOrganisationsExist(tx, memberIds);
      try {
        const partnership = await tx.save(
          tx.create(PartnershipEntity, {
            name: input.name.trim(),
            description: input.description ?? null,
            leadOrganisationId: input.leadOrganisationId,
          }),
        );
        await tx.insert(
          PartnershipMemberEntity,
          memberIds.map((organisationId) => ({ partnershipId: partnership.id, organisationId })),
        );
        return partnership.id;
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('A partnership with this name already exists');
        throw error;
      }
    });
    return this.get(actor, id);
  }

  async addMember(actor: Actor, input: PartnershipMemberInput): Promise<Partnership> {
    const [partnership] = await this.visible(actor, input.partnershipId);
    authorize(actor, 'update', 'Partnership', { leadOrganisationId: partnership.leadOrganisationId });
    await this.dataSource.transaction(async (tx) => {
      await this.assertOrganisationsExist(tx, [input.organisationId]);
      try {
        await tx.insert(PartnershipMemberEntity, {
          partnershipId: partnership.id,
          organisationId: input.organisationId,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('The organisation is already a member');
        throw error;
      }
    });
    return this.get(actor, partnership.id);
  }

  async removeMember(actor: Actor, input: PartnershipMemberInput): Promise<Partnership> {
    const [partnership] = await this.visible(actor, input.partnershipId);
    authorize(actor, 'update', 'Partnership', { leadOrganisationId: partnership.leadOrganisationId });
    if (input.organisationId === partnership.leadOrganisationId) {
      throw new ConflictError('The lead organisation cannot leave its own partnership');
    }
    const { affected } = await this.dataSource
      .getRepository(PartnershipMemberEntity)
      .delete({ partnershipId: partnership.id, organisationId: input.organisationId });
    if (!affected) throw new NotFoundError('Partnership member', input.organisationId);
    return this.get(actor, partnership.id);
  }

  /** Member organisation ids per partnership. */
  async memberIds(partnershipIds: string[]): Promise<Map<string, string[]>> {
    const rows = partnershipIds.length
      ? await this.dataSource.getRepository(PartnershipMemberEntity).findBy({ partnershipId: In(partnershipIds) })
      : [];
    const members = new Map<string, string[]>(partnershipIds.map((id) => [id, []]));
    for (const row of rows) members.get(row.partnershipId)!.push(row.organisationId);
    return members;
  }

  /** The partnership as a one-element list, or NOT_FOUND when the actor is not in it. */
  private async visible(actor: Actor, id: string): Promise<[PartnershipEntity]> {
    const partnership = await this.dataSource.getRepository(PartnershipEntity).findOneBy({ id });
    if (!partnership) throw new NotFoundError('Partnership', id);
    const members = (await this.memberIds([id])).get(id)!;
    if (!isAllowed(actor, 'read', 'Partnership', { memberOrganisationIds: members })) {
      throw new NotFoundError('Partnership', id);
    }
    return [partnership];
  }

  private async toModels(rows: PartnershipEntity[]): Promise<Partnership[]> {
    const members = await this.memberIds(rows.map((r) => r.id));
    const organisations = await this.directory.getMany([
      ...new Set([...rows.map((r) => r.leadOrganisationId), ...[...members.values()].flat()]),
    ]);
    const byId = new Map(organisations.map((o) => [o.id, o]));
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      leadOrganisation: byId.get(row.leadOrganisationId)!,
      members: members
        .get(row.id)!
        .map((id) => byId.get(id)!)
        .sort((a, b) => a.name.localeCompare(b.name, 'pl')),
    }));
  }

  private async assertOrganisationsExist(tx: EntityManager, ids: string[]): Promise<void> {
    const found = await tx.countBy(OrganisationEntity, { id: In(ids) });
    if (found !== ids.length) {
      throw new BadUserInputError('Unknown organisation', [
        { field: 'organisationId', problems: ['no such organisation'] },
      ]);
    }
  }
}
