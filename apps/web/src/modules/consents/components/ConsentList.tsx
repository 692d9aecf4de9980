import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { useOrganisationNames } from '../../participants/hooks/organisations';
import { useEnumLabel } from '../../../i18n/enum-label';
import { OrganisationNamesQuery as OrganisationsForConsent } from '../../participants/graphql/participants';
import { ConsentsQuery, WithdrawConsentMutation } from '../graphql/consents';
import { GrantConsentForm } from './GrantConsentForm';

/** A participant's consents (the owning organisation's view): record one, withdraw one. */
export function ConsentList({ participantId }: { participantId: string }) {
  const { t } = useTranslation(['consents', 'common']);
  const label = useEnumLabel();
  const orgName = useOrganisationNames();
  const { data, error, refetch } = useQuery(ConsentsQuery, { variables: { participantId } });
  const [withdrawing, setWithdrawing] = useState<string>();
  const [granting, setGranting] = useState(false);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('title')}
        </Title>
        <Button onClick={() => setGranting(true)}>{t('grant.open')}</Button>
      </Group>
      {error && (
        <Alert color="red.9" role="alert">
          {t(errorKey(error))}
        </Alert>
      )}
      {data && data.consents.length === 0 && <Text>{t('empty')}</Text>}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('title')}>
        {data?.consents.map((consent) => (
          <Card component="li" key={consent.id} withBorder padding="sm">
            <Group justify="space-between" align="start" wrap="wrap">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Text fw={600}>
                  {t('for', {
                    name: consent.grantedToOrganisationId ? orgName(consent.grantedToOrganisationId) : t('partnership'),
                  })}
                </Text>
                <Text size="sm">
                  {t('purposes')}: {consent.purposes.map((p) => label('Purpose', p)).join(', ')}
                </Text>
                <Text size="sm">
                  {t('categories')}: {consent.dataCategories.map((c) => label('DataCategory', c)).join(', ')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('validity', { from: formatDate(consent.validFrom), until: formatDate(consent.validUntil) || '—' })}{' '}
                  · {label('EvidenceMethod', consent.evidence.method)}
                </Text>
                {consent.withdrawnAt && (
                  <Text size="sm">
                    {t('withdrawnAt', { date: formatDateTime(consent.withdrawnAt) })}
                    {consent.withdrawalReason ? ` — „${consent.withdrawalReason}”` : ''}
                  </Text>
                )}
              </Stack>
              <Stack gap="xs" align="end">
                <Badge color={consent.status === 'ACTIVE' ? 'teal.9' : 'gray.7'} tt="none">
                  {label('ConsentStatus', consent.status)}
                </Badge>
                {consent.status !== 'WITHDRAWN' && (
                  <Button size="xs" variant="outline" color="red.9" onClick={() => setWithdrawing(consent.id)}>
                    {t('withdraw.open')}
                  </Button>
                )}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
      {withdrawing && (
        <WithdrawDialog
          consentId={withdrawing}
          onClose={() => setWithdrawing(undefined)}
          onDone={() => {
            setWithdrawing(undefined);
            void refetch();
          }}
        />
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common:close') }}
        opened={granting}
        onClose={() => setGranting(false)}
        title={t('grant.title')}
        size="lg"
      >
        {granting && (
          <RecipientThenGrant
            participantId={participantId}
            onGranted={() => {
              setGranting(false);
              void refetch();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function RecipientThenGrant({ participantId, onGranted }: { participantId: string; onGranted: () => void }) {
  const { t } = useTranslation('consents');
  const { data } = useQuery(OrganisationsForConsent);
  const [recipient, setRecipient] = useState<string | null>(null);
  const organisations = data?.organisations ?? [];
  const chosen = organisations.find((o) => o.id === recipient);
  return (
    <Stack>
      <Select
        label={t('grant.recipientLabel')}
        searchable
        required
        data={organisations.map((o) => ({ value: o.id, label: o.name }))}
        value={recipient}
        onChange={setRecipient}
      />
      {chosen && (
        <GrantConsentForm
          key={chosen.id}
          participantId={participantId}
          defaults={{ recipientOrganisationId: chosen.id, recipientName: chosen.name }}
          onGranted={onGranted}
        />
      )}
    </Stack>
  );
}

function WithdrawDialog({
  consentId,
  onClose,
  onDone,
}: {
  consentId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['consents', 'common']);
  const [reason, setReason] = useState('');
  const [withdraw, { loading, error }] = useMutation(WithdrawConsentMutation);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:close') }}
      opened
      onClose={onClose}
      title={t('withdraw.title')}
      centered
    >
      <Stack>
        <Text>{t('withdraw.explain')}</Text>
        {error && (
          <Alert color="red.9" role="alert">
            {t(errorKey(error))}
          </Alert>
        )}
        <Textarea
          label={t('withdraw.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            color="red.9"
            loading={loading}
            onClick={() =>
              void withdraw({ variables: { input: { consentId, reason: reason.trim() || undefined } } })
                .then(onDone)
                .catch(() => undefined)
            }
          >
            {t('withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
