import { Alert, Anchor, Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorKey } from '../../../app/errors';
import { PageFallback } from '../../../app/fallback';
import { formatDateTime } from '../../../i18n/format';
import { InboxQuery, MarkAllReadMutation, MarkReadMutation } from '../graphql/notifications';
import { useEnumLabel } from '../../../i18n/enum-label';
import { notificationPath } from '../hooks/links';

const PAGE = 20;

/** The home screen: the user's notifications, newest first. */
export default function InboxPage() {
  const { t } = useTranslation(['inbox', 'common']);
  const label = useEnumLabel();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(InboxQuery, {
    variables: { first: PAGE, unreadOnly },
  });
  const [markRead] = useMutation(MarkReadMutation, { refetchQueries: ['UnreadCount'] });
  const [markAll, { loading: markingAll }] = useMutation(MarkAllReadMutation, {
    refetchQueries: ['Inbox', 'UnreadCount'],
  });

  const connection = data?.notifications;
  const loadMore = () =>
    fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        notifications: {
          ...fetchMoreResult.notifications,
          edges: [...previous.notifications.edges, ...fetchMoreResult.notifications.edges],
        },
      }),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('title')}</Title>
        <Button
          variant="default"
          onClick={() => void markAll()}
          loading={markingAll}
          disabled={!connection || connection.unreadCount === 0}
        >
          {t('markAllRead')}
        </Button>
      </Group>
      <Switch
        label={t('unreadOnly')}
        checked={unreadOnly}
        onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
      />
      {error && (
        <Alert color="red.9" role="alert">
          {t(errorKey(error))}
        </Alert>
      )}
      {loading && !connection && <PageFallback />}
      {connection && connection.edges.length === 0 && <Text>{t('empty')}</Text>}
      <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }} aria-label={t('listLabel')}>
        {connection?.edges.map(({ node }) => {
          const path = notificationPath(node.summary);
          const { outcome, declineReason, dropOutReason, cancelReason } = node.summary;
          const detail = outcome
            ? label('ReferralOutcome', outcome)
            : declineReason
              ? label('DeclineReason', declineReason)
              : dropOutReason
                ? label('DropOutReason', dropOutReason)
                : cancelReason
                  ? label('CancelReason', cancelReason)
                  : undefined;
          return (
            <Card component="li" key={node.id} withBorder padding="sm" bg={node.readAt ? undefined : 'blue.0'}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap="xs">
                    {!node.readAt && (
                      <Badge color="blue.8" size="sm">
                        {t('unread')}
                      </Badge>
                    )}
                    <Text size="sm" c="dimmed">
                      {formatDateTime(node.createdAt)}
                    </Text>
                  </Group>
                  {path ? (
                    <Anchor
                      component={Link}
                      to={path}
                      fw={node.readAt ? 400 : 700}
                      onClick={() => {
                        if (!node.readAt) void markRead({ variables: { id: node.id } });
                      }}
                    >
                      {node.title}
                    </Anchor>
                  ) : (
                    <Text fw={node.readAt ? 400 : 700}>{node.title}</Text>
                  )}
                  {detail && <Text size="sm">{detail}</Text>}
                </Stack>
                {!node.readAt && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void markRead({ variables: { id: node.id } })}
                    aria-label={t('markReadLabel', { title: node.title })}
                  >
                    {t('markRead')}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      {connection?.pageInfo.hasNextPage && (
        <Button variant="default" onClick={() => void loadMore()}>
          {t('common:loadMore')}
        </Button>
      )}
    </Stack>
  );
}
