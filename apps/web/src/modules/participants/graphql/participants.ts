import { graphql } from '../../../gql';

export const ParticipantListQuery = graphql(`
  query ParticipantList($search: String, $first: Int!, $after: String) {
    participants(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ownerOrganisationId
          identity {
            firstName
            lastName
            dateOfBirth
          }
          redactions {
            category
            reason
          }
        }
      }
    }
  }
`);

export const ParticipantQuery = graphql(`
  query Participant($id: ID!) {
    participant(id: $id) {
      id
      version
      ownerOrganisationId
      createdAt
      access {
        basis
        purpose
        visibleCategories
      }
      redactions {
        category
        reason
      }
      identity {
        firstName
        lastName
        pesel
        dateOfBirth
      }
      contact {
        email
        phone
      }
      address {
        street
        postalCode
        city
        commune
      }
      employment {
        registeredUnemployedSince
        monthsUnemployed
        workHistory
      }
      education {
        level
        certificates
        skills
      }
      benefits {
        benefits
        notes
      }
      family {
        householdSize
        dependants
        notes
      }
      housing {
        situation
        notes
      }
      health {
        disabilityDegree
        disabilityCertificateValidUntil
        notes
      }
      addiction {
        inTreatment
        notes
      }
      criminalRecord {
        releasedOn
        notes
      }
    }
  }
`);

export const ExplainAccessQuery = graphql(`
  query ExplainAccess($participantId: ID!) {
    explainAccess(participantId: $participantId) {
      basis
      purpose
      visibleCategories
      consentIds
      legalBasisIds
      redactions {
        category
        reason
      }
    }
  }
`);

export const CreateParticipantMutation = graphql(`
  mutation CreateParticipant($input: CreateParticipantInput!) {
    createParticipant(input: $input) {
      id
    }
  }
`);

export const UpdateParticipantMutation = graphql(`
  mutation UpdateParticipant($input: UpdateParticipantInput!) {
    updateParticipant(input: $input) {
      id
      version
    }
  }
`);

export const AccessLogQuery = graphql(`
  query AccessLog($participantId: ID!) {
    accessLog(participantId: $participantId) {
      id
      occurredAt
      actorOrganisationId
      basis
      purpose
      categories
      operation
    }
  }
`);

export const OrganisationNamesQuery = graphql(`
  query OrganisationNames {
    organisations {
      id
      name
      shortName
      kind
    }
  }
`);

export const OpenEmergencyAccessMutation = graphql(`
  mutation OpenEmergencyAccess($input: OpenEmergencyAccessInput!) {
    openEmergencyAccess(input: $input) {
      id
      openedAt
      expiresAt
    }
  }
`);
