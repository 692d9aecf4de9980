/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n        language\n      }\n      memberships {\n        id\n        organisationId\n        role\n      }\n      organisations {\n        id\n        name\n        shortName\n        kind\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SetMyLanguage($language: Language!) {\n    setMyLanguage(language: $language) {\n      id\n      language\n    }\n  }\n": typeof types.SetMyLanguageDocument,
    "\n  query Consents($participantId: ID!) {\n    consents(participantId: $participantId) {\n      id\n      status\n      purposes\n      dataCategories\n      validFrom\n      validUntil\n      withdrawnAt\n      withdrawalReason\n      grantedToOrganisationId\n      grantedToPartnershipId\n      createdAt\n      evidence {\n        method\n        documentHash\n      }\n    }\n  }\n": typeof types.ConsentsDocument,
    "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.GrantConsentDocument,
    "\n  mutation WithdrawConsent($input: WithdrawConsentInput!) {\n    withdrawConsent(input: $input) {\n      id\n      status\n      withdrawnAt\n      withdrawalReason\n    }\n  }\n": typeof types.WithdrawConsentDocument,
    "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          eventType\n          subjectType\n          subjectId\n          createdAt\n          readAt\n          summary {\n            referralId\n            participantId\n            outcome\n            declineReason\n            dropOutReason\n            cancelReason\n          }\n        }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n": typeof types.UnreadCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      eventType\n      subjectType\n      subjectId\n      createdAt\n      readAt\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query ParticipantList($search: String, $first: Int!, $after: String) {\n    participants(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n          redactions {\n            category\n            reason\n          }\n        }\n      }\n    }\n  }\n": typeof types.ParticipantListDocument,
    "\n  query Participant($id: ID!) {\n    participant(id: $id) {\n      id\n      version\n      ownerOrganisationId\n      createdAt\n      access {\n        basis\n        purpose\n        visibleCategories\n      }\n      redactions {\n        category\n        reason\n      }\n      identity {\n        firstName\n        lastName\n        pesel\n        dateOfBirth\n      }\n      contact {\n        email\n        phone\n      }\n      address {\n        street\n        postalCode\n        city\n        commune\n      }\n      employment {\n        registeredUnemployedSince\n        monthsUnemployed\n        workHistory\n      }\n      education {\n        level\n        certificates\n        skills\n      }\n      benefits {\n        benefits\n        notes\n      }\n      family {\n        householdSize\n        dependants\n        notes\n      }\n      housing {\n        situation\n        notes\n      }\n      health {\n        disabilityDegree\n        disabilityCertificateValidUntil\n        notes\n      }\n      addiction {\n        inTreatment\n        notes\n      }\n      criminalRecord {\n        releasedOn\n        notes\n      }\n    }\n  }\n": typeof types.ParticipantDocument,
    "\n  query ExplainAccess($participantId: ID!) {\n    explainAccess(participantId: $participantId) {\n      basis\n      purpose\n      visibleCategories\n      consentIds\n      legalBasisIds\n      redactions {\n        category\n        reason\n      }\n    }\n  }\n": typeof types.ExplainAccessDocument,
    "\n  mutation CreateParticipant($input: CreateParticipantInput!) {\n    createParticipant(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateParticipantDocument,
    "\n  mutation UpdateParticipant($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateParticipantDocument,
    "\n  query AccessLog($participantId: ID!) {\n    accessLog(participantId: $participantId) {\n      id\n      occurredAt\n      actorOrganisationId\n      basis\n      purpose\n      categories\n      operation\n    }\n  }\n": typeof types.AccessLogDocument,
    "\n  query OrganisationNames {\n    organisations {\n      id\n      name\n      shortName\n      kind\n    }\n  }\n": typeof types.OrganisationNamesDocument,
    "\n  mutation OpenEmergencyAccess($input: OpenEmergencyAccessInput!) {\n    openEmergencyAccess(input: $input) {\n      id\n      openedAt\n      expiresAt\n    }\n  }\n": typeof types.OpenEmergencyAccessDocument,
    "\n  query ReferralList($filter: ReferralFilter, $first: Int!, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          priority\n          responseDueOn\n          sentAt\n          createdAt\n          fromOrganisation {\n            id\n            name\n            shortName\n          }\n          toOrganisation {\n            id\n            name\n            shortName\n          }\n          toService {\n            id\n            name\n          }\n          participant {\n            id\n            identity {\n              firstName\n              lastName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReferralListDocument,
    "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      id\n      version\n      status\n      allowedActions\n      priority\n      purpose\n      reasonCategory\n      reason\n      responseDueOn\n      sentAt\n      closedAt\n      createdAt\n      outcome\n      outcomeNote\n      consentWithdrawn\n      parentReferralId\n      childReferralIds\n      attachments {\n        name\n        sha256\n      }\n      fromOrganisation {\n        id\n        name\n      }\n      toOrganisation {\n        id\n        name\n      }\n      toService {\n        id\n        name\n      }\n      participantId\n      participant {\n        id\n        identity {\n          firstName\n          lastName\n        }\n        redactions {\n          category\n          reason\n        }\n      }\n      history {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reasonCode\n        outcome\n        note\n        actorOrganisationId\n      }\n    }\n  }\n": typeof types.ReferralDocument,
    "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": typeof types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": typeof types.DeclineReferralDocument,
    "\n  mutation StartReferral($input: TransitionInput!) {\n    startReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": typeof types.StartReferralDocument,
    "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n      outcome\n      outcomeNote\n    }\n  }\n": typeof types.CompleteReferralDocument,
    "\n  mutation DropOutReferral($input: DropOutReferralInput!) {\n    dropOutReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": typeof types.DropOutReferralDocument,
    "\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": typeof types.CancelReferralDocument,
    "\n  mutation SendReferral($input: TransitionInput!) {\n    sendReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": typeof types.SendReferralDocument,
    "\n  mutation ForwardReferral($input: ForwardReferralInput!) {\n    forwardReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": typeof types.ForwardReferralDocument,
    "\n  query Directory {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      services {\n        id\n        name\n        capacity\n        freePlaces\n        active\n      }\n    }\n  }\n": typeof types.DirectoryDocument,
    "\n  query ConsentPreflight($participantId: ID!, $toOrganisationId: ID!) {\n    consentPreflight(participantId: $participantId, toOrganisationId: $toOrganisationId) {\n      passes\n      basis\n      reasons\n      sharedCategories\n      agreementCategories\n    }\n  }\n": typeof types.ConsentPreflightDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateReferralDocument,
    "\n  query OwnParticipants($search: String) {\n    participants(search: $search, first: 50) {\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n": typeof types.OwnParticipantsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n        language\n      }\n      memberships {\n        id\n        organisationId\n        role\n      }\n      organisations {\n        id\n        name\n        shortName\n        kind\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SetMyLanguage($language: Language!) {\n    setMyLanguage(language: $language) {\n      id\n      language\n    }\n  }\n": types.SetMyLanguageDocument,
    "\n  query Consents($participantId: ID!) {\n    consents(participantId: $participantId) {\n      id\n      status\n      purposes\n      dataCategories\n      validFrom\n      validUntil\n      withdrawnAt\n      withdrawalReason\n      grantedToOrganisationId\n      grantedToPartnershipId\n      createdAt\n      evidence {\n        method\n        documentHash\n      }\n    }\n  }\n": types.ConsentsDocument,
    "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      id\n      status\n    }\n  }\n": types.GrantConsentDocument,
    "\n  mutation WithdrawConsent($input: WithdrawConsentInput!) {\n    withdrawConsent(input: $input) {\n      id\n      status\n      withdrawnAt\n      withdrawalReason\n    }\n  }\n": types.WithdrawConsentDocument,
    "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          eventType\n          subjectType\n          subjectId\n          createdAt\n          readAt\n          summary {\n            referralId\n            participantId\n            outcome\n            declineReason\n            dropOutReason\n            cancelReason\n          }\n        }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n": types.UnreadCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      eventType\n      subjectType\n      subjectId\n      createdAt\n      readAt\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query ParticipantList($search: String, $first: Int!, $after: String) {\n    participants(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n          redactions {\n            category\n            reason\n          }\n        }\n      }\n    }\n  }\n": types.ParticipantListDocument,
    "\n  query Participant($id: ID!) {\n    participant(id: $id) {\n      id\n      version\n      ownerOrganisationId\n      createdAt\n      access {\n        basis\n        purpose\n        visibleCategories\n      }\n      redactions {\n        category\n        reason\n      }\n      identity {\n        firstName\n        lastName\n        pesel\n        dateOfBirth\n      }\n      contact {\n        email\n        phone\n      }\n      address {\n        street\n        postalCode\n        city\n        commune\n      }\n      employment {\n        registeredUnemployedSince\n        monthsUnemployed\n        workHistory\n      }\n      education {\n        level\n        certificates\n        skills\n      }\n      benefits {\n        benefits\n        notes\n      }\n      family {\n        householdSize\n        dependants\n        notes\n      }\n      housing {\n        situation\n        notes\n      }\n      health {\n        disabilityDegree\n        disabilityCertificateValidUntil\n        notes\n      }\n      addiction {\n        inTreatment\n        notes\n      }\n      criminalRecord {\n        releasedOn\n        notes\n      }\n    }\n  }\n": types.ParticipantDocument,
    "\n  query ExplainAccess($participantId: ID!) {\n    explainAccess(participantId: $participantId) {\n      basis\n      purpose\n      visibleCategories\n      consentIds\n      legalBasisIds\n      redactions {\n        category\n        reason\n      }\n    }\n  }\n": types.ExplainAccessDocument,
    "\n  mutation CreateParticipant($input: CreateParticipantInput!) {\n    createParticipant(input: $input) {\n      id\n    }\n  }\n": types.CreateParticipantDocument,
    "\n  mutation UpdateParticipant($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateParticipantDocument,
    "\n  query AccessLog($participantId: ID!) {\n    accessLog(participantId: $participantId) {\n      id\n      occurredAt\n      actorOrganisationId\n      basis\n      purpose\n      categories\n      operation\n    }\n  }\n": types.AccessLogDocument,
    "\n  query OrganisationNames {\n    organisations {\n      id\n      name\n      shortName\n      kind\n    }\n  }\n": types.OrganisationNamesDocument,
    "\n  mutation OpenEmergencyAccess($input: OpenEmergencyAccessInput!) {\n    openEmergencyAccess(input: $input) {\n      id\n      openedAt\n      expiresAt\n    }\n  }\n": types.OpenEmergencyAccessDocument,
    "\n  query ReferralList($filter: ReferralFilter, $first: Int!, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          priority\n          responseDueOn\n          sentAt\n          createdAt\n          fromOrganisation {\n            id\n            name\n            shortName\n          }\n          toOrganisation {\n            id\n            name\n            shortName\n          }\n          toService {\n            id\n            name\n          }\n          participant {\n            id\n            identity {\n              firstName\n              lastName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ReferralListDocument,
    "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      id\n      version\n      status\n      allowedActions\n      priority\n      purpose\n      reasonCategory\n      reason\n      responseDueOn\n      sentAt\n      closedAt\n      createdAt\n      outcome\n      outcomeNote\n      consentWithdrawn\n      parentReferralId\n      childReferralIds\n      attachments {\n        name\n        sha256\n      }\n      fromOrganisation {\n        id\n        name\n      }\n      toOrganisation {\n        id\n        name\n      }\n      toService {\n        id\n        name\n      }\n      participantId\n      participant {\n        id\n        identity {\n          firstName\n          lastName\n        }\n        redactions {\n          category\n          reason\n        }\n      }\n      history {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reasonCode\n        outcome\n        note\n        actorOrganisationId\n      }\n    }\n  }\n": types.ReferralDocument,
    "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": types.DeclineReferralDocument,
    "\n  mutation StartReferral($input: TransitionInput!) {\n    startReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": types.StartReferralDocument,
    "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n      outcome\n      outcomeNote\n    }\n  }\n": types.CompleteReferralDocument,
    "\n  mutation DropOutReferral($input: DropOutReferralInput!) {\n    dropOutReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": types.DropOutReferralDocument,
    "\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": types.CancelReferralDocument,
    "\n  mutation SendReferral($input: TransitionInput!) {\n    sendReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": types.SendReferralDocument,
    "\n  mutation ForwardReferral($input: ForwardReferralInput!) {\n    forwardReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n": types.ForwardReferralDocument,
    "\n  query Directory {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      services {\n        id\n        name\n        capacity\n        freePlaces\n        active\n      }\n    }\n  }\n": types.DirectoryDocument,
    "\n  query ConsentPreflight($participantId: ID!, $toOrganisationId: ID!) {\n    consentPreflight(participantId: $participantId, toOrganisationId: $toOrganisationId) {\n      passes\n      basis\n      reasons\n      sharedCategories\n      agreementCategories\n    }\n  }\n": types.ConsentPreflightDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateReferralDocument,
    "\n  query OwnParticipants($search: String) {\n    participants(search: $search, first: 50) {\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n": types.OwnParticipantsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n        language\n      }\n      memberships {\n        id\n        organisationId\n        role\n      }\n      organisations {\n        id\n        name\n        shortName\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      user {\n        id\n        displayName\n        email\n        language\n      }\n      memberships {\n        id\n        organisationId\n        role\n      }\n      organisations {\n        id\n        name\n        shortName\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyLanguage($language: Language!) {\n    setMyLanguage(language: $language) {\n      id\n      language\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyLanguage($language: Language!) {\n    setMyLanguage(language: $language) {\n      id\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consents($participantId: ID!) {\n    consents(participantId: $participantId) {\n      id\n      status\n      purposes\n      dataCategories\n      validFrom\n      validUntil\n      withdrawnAt\n      withdrawalReason\n      grantedToOrganisationId\n      grantedToPartnershipId\n      createdAt\n      evidence {\n        method\n        documentHash\n      }\n    }\n  }\n"): (typeof documents)["\n  query Consents($participantId: ID!) {\n    consents(participantId: $participantId) {\n      id\n      status\n      purposes\n      dataCategories\n      validFrom\n      validUntil\n      withdrawnAt\n      withdrawalReason\n      grantedToOrganisationId\n      grantedToPartnershipId\n      createdAt\n      evidence {\n        method\n        documentHash\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation GrantConsent($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawConsent($input: WithdrawConsentInput!) {\n    withdrawConsent(input: $input) {\n      id\n      status\n      withdrawnAt\n      withdrawalReason\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawConsent($input: WithdrawConsentInput!) {\n    withdrawConsent(input: $input) {\n      id\n      status\n      withdrawnAt\n      withdrawalReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          eventType\n          subjectType\n          subjectId\n          createdAt\n          readAt\n          summary {\n            referralId\n            participantId\n            outcome\n            declineReason\n            dropOutReason\n            cancelReason\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          eventType\n          subjectType\n          subjectId\n          createdAt\n          readAt\n          summary {\n            referralId\n            participantId\n            outcome\n            declineReason\n            dropOutReason\n            cancelReason\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    notifications(first: 1, unreadOnly: true) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      eventType\n      subjectType\n      subjectId\n      createdAt\n      readAt\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      eventType\n      subjectType\n      subjectId\n      createdAt\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParticipantList($search: String, $first: Int!, $after: String) {\n    participants(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n          redactions {\n            category\n            reason\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ParticipantList($search: String, $first: Int!, $after: String) {\n    participants(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n          redactions {\n            category\n            reason\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Participant($id: ID!) {\n    participant(id: $id) {\n      id\n      version\n      ownerOrganisationId\n      createdAt\n      access {\n        basis\n        purpose\n        visibleCategories\n      }\n      redactions {\n        category\n        reason\n      }\n      identity {\n        firstName\n        lastName\n        pesel\n        dateOfBirth\n      }\n      contact {\n        email\n        phone\n      }\n      address {\n        street\n        postalCode\n        city\n        commune\n      }\n      employment {\n        registeredUnemployedSince\n        monthsUnemployed\n        workHistory\n      }\n      education {\n        level\n        certificates\n        skills\n      }\n      benefits {\n        benefits\n        notes\n      }\n      family {\n        householdSize\n        dependants\n        notes\n      }\n      housing {\n        situation\n        notes\n      }\n      health {\n        disabilityDegree\n        disabilityCertificateValidUntil\n        notes\n      }\n      addiction {\n        inTreatment\n        notes\n      }\n      criminalRecord {\n        releasedOn\n        notes\n      }\n    }\n  }\n"): (typeof documents)["\n  query Participant($id: ID!) {\n    participant(id: $id) {\n      id\n      version\n      ownerOrganisationId\n      createdAt\n      access {\n        basis\n        purpose\n        visibleCategories\n      }\n      redactions {\n        category\n        reason\n      }\n      identity {\n        firstName\n        lastName\n        pesel\n        dateOfBirth\n      }\n      contact {\n        email\n        phone\n      }\n      address {\n        street\n        postalCode\n        city\n        commune\n      }\n      employment {\n        registeredUnemployedSince\n        monthsUnemployed\n        workHistory\n      }\n      education {\n        level\n        certificates\n        skills\n      }\n      benefits {\n        benefits\n        notes\n      }\n      family {\n        householdSize\n        dependants\n        notes\n      }\n      housing {\n        situation\n        notes\n      }\n      health {\n        disabilityDegree\n        disabilityCertificateValidUntil\n        notes\n      }\n      addiction {\n        inTreatment\n        notes\n      }\n      criminalRecord {\n        releasedOn\n        notes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainAccess($participantId: ID!) {\n    explainAccess(participantId: $participantId) {\n      basis\n      purpose\n      visibleCategories\n      consentIds\n      legalBasisIds\n      redactions {\n        category\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExplainAccess($participantId: ID!) {\n    explainAccess(participantId: $participantId) {\n      basis\n      purpose\n      visibleCategories\n      consentIds\n      legalBasisIds\n      redactions {\n        category\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateParticipant($input: CreateParticipantInput!) {\n    createParticipant(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateParticipant($input: CreateParticipantInput!) {\n    createParticipant(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateParticipant($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateParticipant($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessLog($participantId: ID!) {\n    accessLog(participantId: $participantId) {\n      id\n      occurredAt\n      actorOrganisationId\n      basis\n      purpose\n      categories\n      operation\n    }\n  }\n"): (typeof documents)["\n  query AccessLog($participantId: ID!) {\n    accessLog(participantId: $participantId) {\n      id\n      occurredAt\n      actorOrganisationId\n      basis\n      purpose\n      categories\n      operation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationNames {\n    organisations {\n      id\n      name\n      shortName\n      kind\n    }\n  }\n"): (typeof documents)["\n  query OrganisationNames {\n    organisations {\n      id\n      name\n      shortName\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenEmergencyAccess($input: OpenEmergencyAccessInput!) {\n    openEmergencyAccess(input: $input) {\n      id\n      openedAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation OpenEmergencyAccess($input: OpenEmergencyAccessInput!) {\n    openEmergencyAccess(input: $input) {\n      id\n      openedAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralList($filter: ReferralFilter, $first: Int!, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          priority\n          responseDueOn\n          sentAt\n          createdAt\n          fromOrganisation {\n            id\n            name\n            shortName\n          }\n          toOrganisation {\n            id\n            name\n            shortName\n          }\n          toService {\n            id\n            name\n          }\n          participant {\n            id\n            identity {\n              firstName\n              lastName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralList($filter: ReferralFilter, $first: Int!, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          priority\n          responseDueOn\n          sentAt\n          createdAt\n          fromOrganisation {\n            id\n            name\n            shortName\n          }\n          toOrganisation {\n            id\n            name\n            shortName\n          }\n          toService {\n            id\n            name\n          }\n          participant {\n            id\n            identity {\n              firstName\n              lastName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      id\n      version\n      status\n      allowedActions\n      priority\n      purpose\n      reasonCategory\n      reason\n      responseDueOn\n      sentAt\n      closedAt\n      createdAt\n      outcome\n      outcomeNote\n      consentWithdrawn\n      parentReferralId\n      childReferralIds\n      attachments {\n        name\n        sha256\n      }\n      fromOrganisation {\n        id\n        name\n      }\n      toOrganisation {\n        id\n        name\n      }\n      toService {\n        id\n        name\n      }\n      participantId\n      participant {\n        id\n        identity {\n          firstName\n          lastName\n        }\n        redactions {\n          category\n          reason\n        }\n      }\n      history {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reasonCode\n        outcome\n        note\n        actorOrganisationId\n      }\n    }\n  }\n"): (typeof documents)["\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      id\n      version\n      status\n      allowedActions\n      priority\n      purpose\n      reasonCategory\n      reason\n      responseDueOn\n      sentAt\n      closedAt\n      createdAt\n      outcome\n      outcomeNote\n      consentWithdrawn\n      parentReferralId\n      childReferralIds\n      attachments {\n        name\n        sha256\n      }\n      fromOrganisation {\n        id\n        name\n      }\n      toOrganisation {\n        id\n        name\n      }\n      toService {\n        id\n        name\n      }\n      participantId\n      participant {\n        id\n        identity {\n          firstName\n          lastName\n        }\n        redactions {\n          category\n          reason\n        }\n      }\n      history {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reasonCode\n        outcome\n        note\n        actorOrganisationId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReferral($input: TransitionInput!) {\n    startReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"): (typeof documents)["\n  mutation StartReferral($input: TransitionInput!) {\n    startReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n      outcome\n      outcomeNote\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n      outcome\n      outcomeNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DropOutReferral($input: DropOutReferralInput!) {\n    dropOutReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"): (typeof documents)["\n  mutation DropOutReferral($input: DropOutReferralInput!) {\n    dropOutReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"): (typeof documents)["\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReferral($input: TransitionInput!) {\n    sendReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"): (typeof documents)["\n  mutation SendReferral($input: TransitionInput!) {\n    sendReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForwardReferral($input: ForwardReferralInput!) {\n    forwardReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"): (typeof documents)["\n  mutation ForwardReferral($input: ForwardReferralInput!) {\n    forwardReferral(input: $input) {\n      id\n      version\n      status\n      allowedActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Directory {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      services {\n        id\n        name\n        capacity\n        freePlaces\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query Directory {\n    organisations {\n      id\n      name\n      shortName\n      kind\n      services {\n        id\n        name\n        capacity\n        freePlaces\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentPreflight($participantId: ID!, $toOrganisationId: ID!) {\n    consentPreflight(participantId: $participantId, toOrganisationId: $toOrganisationId) {\n      passes\n      basis\n      reasons\n      sharedCategories\n      agreementCategories\n    }\n  }\n"): (typeof documents)["\n  query ConsentPreflight($participantId: ID!, $toOrganisationId: ID!) {\n    consentPreflight(participantId: $participantId, toOrganisationId: $toOrganisationId) {\n      passes\n      basis\n      reasons\n      sharedCategories\n      agreementCategories\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnParticipants($search: String) {\n    participants(search: $search, first: 50) {\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OwnParticipants($search: String) {\n    participants(search: $search, first: 50) {\n      edges {\n        node {\n          id\n          ownerOrganisationId\n          identity {\n            firstName\n            lastName\n            dateOfBirth\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;