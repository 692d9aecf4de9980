import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorKey } from '../../../app/errors';
import { PageFallback } from '../../../app/fallback';
import { formatDate } from '../../../i18n/format';
import { useSession } from '../../auth/hooks/session';
import { ParticipantListQuery } from '../graphql/participants';
import { useOrganisationNames } from '../hooks/organisations';

const PAGE = 20;

/** The participants this user may know about: the organisation's own register first of all, with search. */
export default function ParticipantListPage() {
  const { t } = useTranslation(['participants', 'common']);
  const { organisationId } = useSession();
  const orgName = useOrganisationNames();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const { data, loading, error, fetchMore } = useQuery(ParticipantListQuery, {
    variables: { search: debounced || undefined, first: PAGE },
  });
  const connection = data?.participants;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('list.title')}</Title>
        <Button component={Link} to="/participants/new">
          {t('list.new')}
        </Button>
      </Group>
      <TextInput
        label={t('list.search')}
        type="search"
        value={search}
        onChange={(event) =>
          setParams(event.currentTarget.value ? { q: event.currentTarget.value } : {}, { replace: true })
        }
        maw={420}
      />
      {error && (
        <Alert color="red.9" role="alert">
          {t(errorKey(error))}
        </Alert>
      )}
      {loading && !connection && <PageFallback />}
      {connection && (
        <Text size="sm" c="dimmed" role="status">
          {t('list.count', { count: connection.totalCount })}
        </Text>
      )}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.title')}>
        {connection?.edges.map(({ node }) => (
          <Card component="li" key={node.id} withBorder padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Anchor component={Link} to={`/participants/${node.id}`} fw={600}>
                  {node.identity ? `${node.identity.lastName} ${node.identity.firstName}` : t('hiddenName')}
                </Anchor>
                {node.identity?.dateOfBirth && (
                  <Text size="sm" c="dimmed">
                    {t('fields.dateOfBirth')}: {formatDate(node.identity.dateOfBirth)}
                  </Text>
                )}
              </Stack>
              {node.ownerOrganisationId === organisationId ? (
                <Badge color="blue.8" tt="none">
                  {t('list.own')}
                </Badge>
              ) : (
                <Badge color="gray.7" tt="none">
                  {t('list.partner', { name: orgName(node.ownerOrganisationId) })}
                </Badge>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {connection?.pageInfo.hasNextPage && (
        <Button
          variant="default"
          onClick={() =>
            void fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                participants: {
                  ...fetchMoreResult.participants,
                  edges: [...previous.participants.edges, ...fetchMoreResult.participants.edges],
                },
              }),
            })
          }
        >
          {t('common:loadMore')}
        </Button>
      )}
    </Stack>
  );
}
