import { OrganisationEntity } from './organisation.entity';
import { Organisation, OrganisationServiceModel } from './organisation.model';
import { OrganisationServiceEntity } from './organisation-service.entity';

export function toOrganisationServiceModel(row: OrganisationServiceEntity): OrganisationServiceModel {
  const { id, organisationId, name, description, capacity, active } = row;
  return { id, organisationId, name, description, capacity, active };
}

export function toOrganisationModel(row: OrganisationEntity, services: OrganisationServiceEntity[]): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    taxId: row.taxId,
    email: row.email,
    phone: row.phone,
    address: {
      street: row.street,
      postalCode: row.postalCode,
      city: row.city,
      county: row.county,
      voivodeship: row.voivodeship,
    },
    parentOrganisationId: row.parentOrganisationId,
    services: services.filter((s) => s.organisationId === row.id).map(toOrganisationServiceModel),
    version: row.version,
  };
}
