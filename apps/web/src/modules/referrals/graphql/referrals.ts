import { graphql } from '../../../gql';

export const ReferralListQuery = graphql(`
  query ReferralList($filter: ReferralFilter, $first: Int!, $after: String) {
    referrals(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          priority
          responseDueOn
          sentAt
          createdAt
          fromOrganisation {
            id
            name
            shortName
          }
          toOrganisation {
            id
            name
            shortName
          }
          toService {
            id
            name
          }
          participant {
            id
            identity {
              firstName
              lastName
            }
          }
        }
      }
    }
  }
`);

export const ReferralQuery = graphql(`
  query Referral($id: ID!) {
    referral(id: $id) {
      id
      version
      status
      allowedActions
      priority
      purpose
      reasonCategory
      reason
      responseDueOn
      sentAt
      closedAt
      createdAt
      outcome
      outcomeNote
      consentWithdrawn
      parentReferralId
      childReferralIds
      attachments {
        name
        sha256
      }
      fromOrganisation {
        id
        name
      }
      toOrganisation {
        id
        name
      }
      toService {
        id
        name
      }
      participantId
      participant {
        id
        identity {
          firstName
          lastName
        }
        redactions {
          category
          reason
        }
      }
      history {
        id
        occurredAt
        fromStatus
        toStatus
        reasonCode
        outcome
        note
        actorOrganisationId
      }
    }
  }
`);

export const AcceptReferralMutation = graphql(`
  mutation AcceptReferral($input: AcceptReferralInput!) {
    acceptReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const DeclineReferralMutation = graphql(`
  mutation DeclineReferral($input: DeclineReferralInput!) {
    declineReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const StartReferralMutation = graphql(`
  mutation StartReferral($input: TransitionInput!) {
    startReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const CompleteReferralMutation = graphql(`
  mutation CompleteReferral($input: CompleteReferralInput!) {
    completeReferral(input: $input) {
      id
      version
      status
      allowedActions
      outcome
      outcomeNote
    }
  }
`);

export const DropOutReferralMutation = graphql(`
  mutation DropOutReferral($input: DropOutReferralInput!) {
    dropOutReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const CancelReferralMutation = graphql(`
  mutation CancelReferral($input: CancelReferralInput!) {
    cancelReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const SendReferralMutation = graphql(`
  mutation SendReferral($input: TransitionInput!) {
    sendReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const ForwardReferralMutation = graphql(`
  mutation ForwardReferral($input: ForwardReferralInput!) {
    forwardReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const DirectoryQuery = graphql(`
  query Directory {
    organisations {
      id
      name
      shortName
      kind
      services {
        id
        name
        capacity
        freePlaces
        active
      }
    }
  }
`);

export const ConsentPreflightQuery = graphql(`
  query ConsentPreflight($participantId: ID!, $toOrganisationId: ID!) {
    consentPreflight(participantId: $participantId, toOrganisationId: $toOrganisationId) {
      passes
      basis
      reasons
      sharedCategories
      agreementCategories
    }
  }
`);

export const CreateReferralMutation = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      status
    }
  }
`);

export const OwnParticipantsQuery = graphql(`
  query OwnParticipants($search: String) {
    participants(search: $search, first: 50) {
      edges {
        node {
          id
          ownerOrganisationId
          identity {
            firstName
            lastName
            dateOfBirth
          }
        }
      }
    }
  }
`);
