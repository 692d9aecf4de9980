import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, authorize } from '@app/authz';
import { ConflictError, NotFoundError, isForeignKeyViolation, isUniqueViolation } from '@app/core';
import { OrganisationKind } from '../vocabulary';
import {
  AddOrganisationServiceInput,
  AddressInput,
  CreateOrganisationInput,
  UpdateOrganisationInput,
  UpdateOrganisationServiceInput,
} from './organisation.input';
import { OrganisationEntity } from './organisation.entity';
import { toOrganisationModel, toOrganisationServiceModel } from './organisation.mapper';
import { Organisation, OrganisationServiceModel } from './organisation.model';
import { OrganisationServiceEntity } from './organisation-service.entity';

/** The partner directory: organisations and the services they offer. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(OrganisationServiceEntity) private readonly services: Repository<OrganisationServiceEntity>,
  ) {}

  async list(_actor: Actor, filter: { kind?: OrganisationKind } = {}): Promise<Organisation[]> {
    const rows = await this.organisations.find({
      where: filter.kind ? { kind: filter.kind } : {},
      order: { name: 'ASC' },
    });
    return this.withServices(rows);
  }

  async get(_actor: Actor, id: string): Promise<Organisation> {
    const row = await this.organisations.findOneBy({ id });
    if (!row) throw new NotFoundError('Organisation', id);
    const [organisation] = await this.withServices([row]);
    return organisation;
  }

  /**
   * Several at once, in the order asked, for field resolvers (a page of referrals' organisations and
   * services): one statement, the services joined in. Unknown ids are skipped.
   */
  async getMany(ids: readonly string[]): Promise<Organisation[]> {
    if (ids.length === 0) return [];
    const rows = (await this.organisations
      .createQueryBuilder('o')
      .leftJoinAndMapMany('o.services', OrganisationServiceEntity, 's', 's.organisationId = o.id')
      .where('o.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('s.name', 'ASC')
      .getMany()) as (OrganisationEntity & { services: OrganisationServiceEntity[] })[];
    const models = rows.map((row) => toOrganisationModel(row, row.services));
    const byId = new Map(models.map((m) => [m.id, m]));
    return ids.map((id) => byId.get(id)).filter((m): m is Organisation => m !== undefined);
  }

  async create(actor: Actor, input: CreateOrganisationInput): Promise<Organisation> {
    authorize(actor, 'create', 'Organisation', {});
    const row = this.organisations.create({
      kind: input.kind,
      name: input.name.trim(),
      shortName: input.shortName ?? null,
      taxId: input.taxId ?? null,
      email: input.email?.toLowerCase() ?? null,
      phone: input.phone ?? null,
      parentOrganisationId: input.parentOrganisationId ?? null,
      ...addressColumns(input.address),
    });
    try {
      return toOrganisationModel(await this.organisations.save(row), []);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('An organisation with this name or tax id already exists');
      if (isForeignKeyViolation(error)) throw new NotFoundError('Organisation', input.parentOrganisationId);
      throw error;
    }
  }

  async update(actor: Actor, input: UpdateOrganisationInput): Promise<Organisation> {
    const row = await this.organisations.findOneBy({ id: input.id });
    if (!row) throw new NotFoundError('Organisation', input.id);
    authorize(actor, 'update', 'Organisation', { id: row.id });
    if (input.name !== undefined) row.name = input.name.trim();
    if (input.shortName !== undefined) row.shortName = input.shortName;
    if (input.email !== undefined) row.email = input.email?.toLowerCase() ?? null;
    if (input.phone !== undefined) row.phone = input.phone;
    if (input.address !== undefined) Object.assign(row, addressColumns(input.address));
    try {
      await this.organisations.save(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('An organisation with this name already exists');
      throw error;
    }
    return this.get(actor, row.id);
  }

  async addService(actor: Actor, input: AddOrganisationServiceInput): Promise<OrganisationServiceModel> {
    if (!(await this.organisations.existsBy({ id: input.organisationId }))) {
      throw new NotFoundError('Organisation', input.organisationId);
    }
    authorize(actor, 'create', 'OrganisationService', { organisationId: input.organisationId });
    try {
      const row = await this.services.save(
        this.services.create({
          organisationId: input.organisationId,
          name: input.name.trim(),
          description: input.description ?? null,
          capacity: input.capacity ?? null,
        }),
      );
      return toOrganisationServiceModel(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('This organisation already offers a service with this name');
      throw error;
    }
  }

  async updateService(actor: Actor, input: UpdateOrganisationServiceInput): Promise<OrganisationServiceModel> {
    const row = await this.services.findOneBy({ id: input.id });
    if (!row) throw new NotFoundError('OrganisationService', input.id);
    authorize(actor, 'update', 'OrganisationService', { organisationId: row.organisationId });
    if (input.name !== undefined) row.name = input.name.trim();
    if (input.description !== undefined) row.description = input.description;
    if (input.capacity !== undefined) row.capacity = input.capacity;
    if (input.active !== undefined) row.active = input.active;
    try {
      return toOrganisationServiceModel(await this.services.save(row));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('This organisation already offers a service with this name');
      throw error;
    }
  }

  private async withServices(rows: OrganisationEntity[]): Promise<Organisation[]> {
    const services = rows.length
      ? await this.services.find({ where: { organisationId: In(rows.map((r) => r.id)) }, order: { name: 'ASC' } })
      : [];
    return rows.map((row) => toOrganisationModel(row, services));
  }
}

function addressColumns(address: AddressInput | undefined) {
  return {
    street: address?.street ?? null,
    postalCode: address?.postalCode ?? null,
    city: address?.city ?? null,
    county: address?.county ?? null,
    voivodeship: address?.voivodeship ?? null,
  };
}
