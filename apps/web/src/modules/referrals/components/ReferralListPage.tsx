import { Alert, Button, Checkbox, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ReferralDirection, ReferralStatus } from '../../../gql/graphql';
import { errorKey } from '../../../app/errors';
import { PageFallback } from '../../../app/fallback';
import { isoDay } from '../../../i18n/format';
import { ReferralListQuery } from '../graphql/referrals';
import { useEnumLabel } from '../../../i18n/enum-label';
import { ReferralRows } from './ReferralRows';

const PAGE = 50;
const DIRECTIONS: ReferralDirection[] = ['INCOMING', 'OUTGOING', 'ALL'];
const STATUSES: ReferralStatus[] = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'IN_PROGRESS',
  'COMPLETED',
  'DECLINED',
  'DROPPED_OUT',
  'CANCELLED',
  'EXPIRED',
  'FORWARDED',
];
/** "Due soon": a response due within this many days. */
const DUE_SOON_DAYS = 2;

/** Incoming and outgoing referrals, filtered through the URL (so a filtered list can be linked to). */
export default function ReferralListPage() {
  const { t } = useTranslation(['referrals', 'common']);
  const label = useEnumLabel();
  const [params, setParams] = useSearchParams();
  const direction = (DIRECTIONS as string[]).includes(params.get('direction') ?? '')
    ? (params.get('direction') as ReferralDirection)
    : 'INCOMING';
  const status = params.get('status') as ReferralStatus | null;
  const overdue = params.get('overdue') === '1';
  const dueSoon = params.get('dueSoon') === '1';
  const participantId = params.get('participant');

  const update = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const filter = {
    direction,
    ...(status ? { statuses: [status] } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(dueSoon ? { dueBefore: isoDay(DUE_SOON_DAYS) } : {}),
    ...(participantId ? { participantId } : {}),
  };
  const { data, loading, error, fetchMore } = useQuery(ReferralListQuery, { variables: { filter, first: PAGE } });
  const connection = data?.referrals;

  const loadMore = () =>
    fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        referrals: {
          ...fetchMoreResult.referrals,
          edges: [...previous.referrals.edges, ...fetchMoreResult.referrals.edges],
        },
      }),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('list.title')}</Title>
        <Button component={Link} to="/referrals/new">
          {t('common:nav.newReferral')}
        </Button>
      </Group>
      <SegmentedControl
        aria-label={t('list.direction')}
        value={direction}
        onChange={(value) => update('direction', value)}
        data={DIRECTIONS.map((value) => ({ value, label: label('ReferralDirection', value) }))}
      />
      <Group align="end" gap="md">
        <Select
          label={t('list.status')}
          placeholder={t('list.anyStatus')}
          clearable
          data={STATUSES.map((value) => ({ value, label: label('ReferralStatus', value) }))}
          value={status}
          onChange={(value) => update('status', value)}
          w={220}
        />
        <Checkbox
          label={t('list.overdue')}
          checked={overdue}
          onChange={(event) => update('overdue', event.currentTarget.checked ? '1' : null)}
        />
        <Checkbox
          label={t('list.dueSoon', { days: DUE_SOON_DAYS })}
          checked={dueSoon}
          onChange={(event) => update('dueSoon', event.currentTarget.checked ? '1' : null)}
        />
        {participantId && (
          <Button variant="default" size="xs" onClick={() => update('participant', null)}>
            {t('list.clearParticipant')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red.9" role="alert">
          {t(errorKey(error))}
        </Alert>
      )}
      {loading && !connection && <PageFallback />}
      {connection && connection.edges.length === 0 && <Text>{t('list.empty')}</Text>}
      {connection && connection.edges.length > 0 && (
        <ReferralRows rows={connection.edges.map((edge) => edge.node)} label={t('list.title')} />
      )}
      {connection?.pageInfo.hasNextPage && (
        <Button variant="default" onClick={() => void loadMore()}>
          {t('common:loadMore')}
        </Button>
      )}
    </Stack>
  );
}
