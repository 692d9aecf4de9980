import { Alert, Anchor, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorKey } from '../../../app/errors';
import { PageFallback } from '../../../app/fallback';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { ReferralQuery } from '../graphql/referrals';
import { useEnumLabel } from '../../../i18n/enum-label';
import { ReferralActions } from './ReferralActions';
import { ReferralTimeline } from './ReferralTimeline';
import { StatusBadge } from './StatusBadge';

/** One referral: what it is, where it stands, its timeline, and what this user may do now. */
export default function ReferralPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['referrals', 'common']);
  const label = useEnumLabel();
  const { data, loading, error, refetch } = useQuery(ReferralQuery, { variables: { id } });
  const referral = data?.referral;

  if (loading && !referral) return <PageFallback />;
  if (!referral) {
    return (
      <Alert color="red.9" role="alert" title={t('page.title')}>
        {t(errorKey(error))}
      </Alert>
    );
  }

  const participant = referral.participant;
  const name = participant?.identity
    ? `${participant.identity.firstName} ${participant.identity.lastName}`
    : t('participantHidden');

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1}>
            {t('page.title')}: {name}
          </Title>
          <Text>
            {referral.fromOrganisation.name} → {referral.toOrganisation.name}
            {referral.toService ? ` · ${referral.toService.name}` : ''}
          </Text>
        </Stack>
        <StatusBadge status={referral.status} />
      </Group>
      {referral.consentWithdrawn && (
        <Alert color="red.9" role="status">
          {t('page.consentWithdrawn')}
        </Alert>
      )}
      <ReferralActions referral={referral} allowed={referral.allowedActions} onChanged={() => refetch()} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('page.details')}
            </Title>
            <List spacing={4} listStyleType="none" p={0}>
              <List.Item>
                {t('page.participant')}:{' '}
                {participant ? (
                  <Anchor component={Link} to={`/participants/${participant.id}`}>
                    {name}
                  </Anchor>
                ) : (
                  name
                )}
              </List.Item>
              <List.Item>
                {t('page.reasonCategory')}: {label('ReferralReasonCategory', referral.reasonCategory)}
              </List.Item>
              <List.Item>
                {t('page.reasonText')}: {referral.reason}
              </List.Item>
              <List.Item>
                {t('priorityLabel')}: {label('ReferralPriority', referral.priority)}
              </List.Item>
              <List.Item>
                {t('page.purpose')}: {label('Purpose', referral.purpose)}
              </List.Item>
              {referral.responseDueOn && (
                <List.Item>{t('dueOn', { date: formatDate(referral.responseDueOn) })}</List.Item>
              )}
              {referral.sentAt && (
                <List.Item>
                  {t('page.sentAt')}: {formatDateTime(referral.sentAt)}
                </List.Item>
              )}
              {referral.outcome && (
                <List.Item>
                  <strong>
                    {t('page.outcome')}: {label('ReferralOutcome', referral.outcome)}
                  </strong>
                  {referral.outcomeNote ? ` — ${referral.outcomeNote}` : ''}
                </List.Item>
              )}
              {referral.attachments.map((attachment) => (
                <List.Item key={attachment.sha256}>
                  {t('page.attachment')}: {attachment.name}{' '}
                  <Text span size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    (SHA-256 {attachment.sha256})
                  </Text>
                </List.Item>
              ))}
              {referral.parentReferralId && (
                <List.Item>
                  <Anchor component={Link} to={`/referrals/${referral.parentReferralId}`}>
                    {t('page.parent')}
                  </Anchor>
                </List.Item>
              )}
              {referral.childReferralIds.map((childId) => (
                <List.Item key={childId}>
                  <Anchor component={Link} to={`/referrals/${childId}`}>
                    {t('page.child')}
                  </Anchor>
                </List.Item>
              ))}
            </List>
            {participant && participant.redactions.length > 0 && (
              <Text size="sm" mt="sm" c="dimmed">
                {t('page.hiddenCategories', {
                  list: participant.redactions
                    .map((r) => `${label('DataCategory', r.category)} (${label('RedactionReason', r.reason)})`)
                    .join(', '),
                })}
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('page.timeline')}
            </Title>
            <ReferralTimeline history={referral.history} />
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
