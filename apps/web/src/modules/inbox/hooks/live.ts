import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { NotificationAddedSubscription } from '../graphql/notifications';

/**
 * Listens for `notificationAdded` while signed in; each arrival refreshes the
 * inbox and the unread count wherever they are shown, and is returned so the
 * header can announce it to screen readers.
 */
export function useLiveNotifications(): { latestTitle?: string } {
  const client = useApolloClient();
  const [latestTitle, setLatestTitle] = useState<string>();
  useSubscription(NotificationAddedSubscription, {
    onData: ({ data }) => {
      const added = data.data?.notificationAdded;
      if (!added) return;
      setLatestTitle(added.title);
      void client.refetchQueries({ include: ['Inbox', 'UnreadCount'] });
    },
  });
  return { latestTitle };
}
