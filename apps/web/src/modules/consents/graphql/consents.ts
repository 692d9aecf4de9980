import { graphql } from '../../../gql';

export const ConsentsQuery = graphql(`
  query Consents($participantId: ID!) {
    consents(participantId: $participantId) {
      id
      status
      purposes
      dataCategories
      validFrom
      validUntil
      withdrawnAt
      withdrawalReason
      grantedToOrganisationId
      grantedToPartnershipId
      createdAt
      evidence {
        method
        documentHash
      }
    }
  }
`);

export const GrantConsentMutation = graphql(`
  mutation GrantConsent($input: GrantConsentInput!) {
    grantConsent(input: $input) {
      id
      status
    }
  }
`);

export const WithdrawConsentMutation = graphql(`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      id
      status
      withdrawnAt
      withdrawalReason
    }
  }
`);
