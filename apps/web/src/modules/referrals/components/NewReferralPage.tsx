import { Alert, Button, Card, Group, List, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ReferralPriority, ReferralReasonCategory } from '../../../gql/graphql';
import { errorKey } from '../../../app/errors';
import { useEnumLabel } from '../../../i18n/enum-label';
import { useSession } from '../../auth/hooks/session';
import { GrantConsentForm } from '../../consents/components/GrantConsentForm';
import {
  ConsentPreflightQuery,
  CreateReferralMutation,
  DirectoryQuery,
  OwnParticipantsQuery,
} from '../graphql/referrals';

const REASONS: ReferralReasonCategory[] = [
  'LONG_TERM_UNEMPLOYMENT',
  'SOCIAL_EXCLUSION_RISK',
  'HOMELESSNESS',
  'ADDICTION_RECOVERY',
  'AFTER_PRISON',
  'DISABILITY',
  'OTHER',
];
const PRIORITIES: ReferralPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/**
 * A new referral, in the order a caseworker decides it: who, to whom (and
 * which service), whether the consent gate will pass — and if not, why, with
 * the consent recorded on the spot — then why and how urgent, then send.
 */
export default function NewReferralPage() {
  const { t } = useTranslation(['referrals', 'common']);
  const label = useEnumLabel();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { organisationId } = useSession();
  const [participantId, setParticipantId] = useState<string | null>(params.get('participant'));
  const [toOrganisationId, setToOrganisationId] = useState<string | null>(null);
  const [toServiceId, setToServiceId] = useState<string | null>(null);
  const [reasonCategory, setReasonCategory] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [priority, setPriority] = useState<string | null>('NORMAL');
  const [responseDueOn, setResponseDueOn] = useState('');
  const [problem, setProblem] = useState<string>();
  // One key per attempt to send this referral: a double click or a retry creates it once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const participants = useQuery(OwnParticipantsQuery, { variables: {} });
  const directory = useQuery(DirectoryQuery);
  const preflight = useQuery(ConsentPreflightQuery, {
    variables: { participantId: participantId ?? '', toOrganisationId: toOrganisationId ?? '' },
    skip: !participantId || !toOrganisationId,
    fetchPolicy: 'network-only',
  });
  const [create, { loading: creating }] = useMutation(CreateReferralMutation);

  const ownParticipants = (participants.data?.participants.edges ?? [])
    .map((edge) => edge.node)
    .filter((node) => node.ownerOrganisationId === organisationId && node.identity);
  const partners = (directory.data?.organisations ?? []).filter((o) => o.id !== organisationId);
  const recipient = partners.find((o) => o.id === toOrganisationId);
  const services = useMemo(() => (recipient?.services ?? []).filter((s) => s.active), [recipient]);
  const gate = preflight.data?.consentPreflight;

  const submit = async (event: FormEvent, send: boolean) => {
    event.preventDefault();
    if (!participantId || !toOrganisationId || !reasonCategory || !reason.trim() || !priority) {
      setProblem(t('new.missing'));
      return;
    }
    setProblem(undefined);
    try {
      const result = await create({
        variables: {
          input: {
            participantId,
            toOrganisationId,
            toServiceId: toServiceId ?? undefined,
            reasonCategory: reasonCategory as ReferralReasonCategory,
            reason: reason.trim(),
            priority: priority as ReferralPriority,
            responseDueOn: responseDueOn || undefined,
            send,
            idempotencyKey: `${idempotencyKey}:${send ? 'send' : 'draft'}`,
          },
        },
      });
      void navigate(`/referrals/${result.data!.createReferral.id}`);
    } catch (error) {
      setProblem(t(errorKey(error)));
      void preflight.refetch();
    }
  };

  return (
    <form onSubmit={(event) => void submit(event, true)} noValidate>
      <Stack maw={860}>
        <Title order={1}>{t('new.title')}</Title>
        {problem && (
          <Alert color="red.9" role="alert">
            {problem}
          </Alert>
        )}
        <Card withBorder component="section" aria-labelledby="step-who">
          <Title order={2} size="h4" id="step-who" mb="xs">
            {t('new.stepWho')}
          </Title>
          <Select
            label={t('new.participant')}
            placeholder={t('new.participantPlaceholder')}
            searchable
            required
            nothingFoundMessage={t('new.nothingFound')}
            data={ownParticipants.map((p) => ({
              value: p.id,
              label: `${p.identity!.lastName} ${p.identity!.firstName}`,
            }))}
            value={participantId}
            onChange={setParticipantId}
          />
        </Card>
        <Card withBorder component="section" aria-labelledby="step-where">
          <Title order={2} size="h4" id="step-where" mb="xs">
            {t('new.stepWhere')}
          </Title>
          <Stack gap="sm">
            <Select
              label={t('new.organisation')}
              searchable
              required
              data={partners.map((o) => ({ value: o.id, label: `${o.name} (${label('OrganisationKind', o.kind)})` }))}
              value={toOrganisationId}
              onChange={(value) => {
                setToOrganisationId(value);
                setToServiceId(null);
              }}
            />
            {services.length > 0 && (
              <Select
                label={t('new.service')}
                clearable
                data={services.map((s) => ({
                  value: s.id,
                  label:
                    s.capacity === null || s.freePlaces === null
                      ? s.name
                      : t('new.serviceWithPlaces', { name: s.name, free: s.freePlaces, capacity: s.capacity }),
                }))}
                value={toServiceId}
                onChange={setToServiceId}
              />
            )}
          </Stack>
        </Card>
        {participantId && toOrganisationId && (
          <Card withBorder component="section" aria-labelledby="step-consent">
            <Title order={2} size="h4" id="step-consent" mb="xs">
              {t('new.stepConsent')}
            </Title>
            {preflight.error && (
              <Alert color="red.9" role="alert">
                {t(errorKey(preflight.error))}
              </Alert>
            )}
            {gate?.passes && (
              <Alert color="teal.9" role="status" title={t('new.gatePasses')}>
                {t('new.willSee', {
                  basis: label('AccessBasis', gate.basis),
                  list: gate.sharedCategories.map((c) => label('DataCategory', c)).join(', '),
                })}
              </Alert>
            )}
            {gate && !gate.passes && (
              <Stack gap="sm">
                <Alert color="red.9" role="status" title={t('new.gateFails')}>
                  <List size="sm">
                    {gate.reasons.map((r) => (
                      <List.Item key={r}>{label('ConsentGateReason', r)}</List.Item>
                    ))}
                  </List>
                </Alert>
                {gate.agreementCategories.length > 0 && recipient && (
                  <>
                    <Text fw={600}>{t('new.recordConsent')}</Text>
                    <GrantConsentForm
                      participantId={participantId}
                      defaults={{
                        recipientOrganisationId: recipient.id,
                        recipientName: recipient.name,
                        purposes: ['REFERRAL'],
                        categories: gate.agreementCategories.filter((c) => c === 'IDENTITY' || c === 'CONTACT'),
                        allowedCategories: gate.agreementCategories,
                      }}
                      onGranted={() => void preflight.refetch()}
                    />
                  </>
                )}
              </Stack>
            )}
          </Card>
        )}
        <Card withBorder component="section" aria-labelledby="step-why">
          <Title order={2} size="h4" id="step-why" mb="xs">
            {t('new.stepWhy')}
          </Title>
          <Stack gap="sm">
            <Select
              label={t('new.reasonCategory')}
              required
              data={REASONS.map((value) => ({ value, label: label('ReferralReasonCategory', value) }))}
              value={reasonCategory}
              onChange={setReasonCategory}
            />
            <Textarea
              label={t('new.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group grow align="start">
              <Select
                label={t('priorityLabel')}
                required
                allowDeselect={false}
                data={PRIORITIES.map((value) => ({ value, label: label('ReferralPriority', value) }))}
                value={priority}
                onChange={setPriority}
              />
              <TextInput
                type="date"
                label={t('new.dueOn')}
                description={t('new.dueOnHelp')}
                value={responseDueOn}
                onChange={(event) => setResponseDueOn(event.currentTarget.value)}
              />
            </Group>
          </Stack>
        </Card>
        <Group justify="end">
          <Button variant="default" loading={creating} onClick={(event) => void submit(event, false)}>
            {t('new.saveDraft')}
          </Button>
          <Button type="submit" loading={creating} disabled={!gate?.passes}>
            {t('new.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
