import { graphql } from '../../../gql';

export const InboxQuery = graphql(`
  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          eventType
          subjectType
          subjectId
          createdAt
          readAt
          summary {
            referralId
            participantId
            outcome
            declineReason
            dropOutReason
            cancelReason
          }
        }
      }
    }
  }
`);

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    notifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      eventType
      subjectType
      subjectId
      createdAt
      readAt
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

export const MarkAllReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);
