import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralQuery } from '../../../gql/graphql';
import { useSession } from '../../auth/hooks/session';
import { DirectoryQuery } from '../graphql/referrals';
import { useEnumLabel } from '../../../i18n/enum-label';
import { type Action, type TransitionFailure, useTransition } from '../hooks/transition';

type Referral = ReferralQuery['referral'];

/** What each action asks for: a coded reason or an outcome from a vocabulary, a target, free text. */
const NEEDS: Record<Action, { vocabulary?: string; field?: string; values?: string[] }> = {
  SEND: {},
  ACCEPT: {},
  START: {},
  DECLINE: {
    vocabulary: 'DeclineReason',
    field: 'reasonCode',
    values: ['NO_CAPACITY', 'NOT_ELIGIBLE', 'OUTSIDE_AREA', 'PARTICIPANT_REFUSED', 'DUPLICATE', 'OTHER'],
  },
  COMPLETE: {
    vocabulary: 'ReferralOutcome',
    field: 'outcome',
    values: [
      'EMPLOYED_OPEN_MARKET',
      'SOCIAL_COOPERATIVE',
      'SELF_EMPLOYED',
      'TRAINING_COMPLETED',
      'CONTINUES_SUPPORT',
      'OTHER',
    ],
  },
  DROP_OUT: {
    vocabulary: 'DropOutReason',
    field: 'reasonCode',
    values: ['STOPPED_ATTENDING', 'HEALTH', 'MOVED_AWAY', 'FOUND_EMPLOYMENT_ELSEWHERE', 'RULES_BREACH', 'OTHER'],
  },
  CANCEL: {
    vocabulary: 'CancelReason',
    field: 'reasonCode',
    values: ['PARTICIPANT_REFUSED', 'PARTICIPANT_MOVED', 'FOUND_EMPLOYMENT', 'SENT_IN_ERROR', 'OTHER'],
  },
  FORWARD: {},
};

const ORDER: Action[] = ['SEND', 'ACCEPT', 'START', 'COMPLETE', 'DECLINE', 'DROP_OUT', 'FORWARD', 'CANCEL'];

/**
 * Exactly the actions the server says this user may take now
 * (`allowedActions`), each in a dialog that asks for what it needs. A
 * CONFLICT (someone else moved the referral) says what changed and reloads.
 */
export function ReferralActions({
  referral,
  allowed,
  onChanged,
}: {
  referral: Referral;
  allowed: readonly string[];
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation(['referrals', 'common']);
  const label = useEnumLabel();
  const [open, setOpen] = useState<Action>();
  const [conflict, setConflict] = useState<{ was: string; now?: string }>();
  const actions = ORDER.filter((action) => allowed.includes(action));

  return (
    <Stack gap="xs">
      {conflict && (
        <Alert
          color="red.9"
          role="alert"
          title={t('actions.conflictTitle')}
          withCloseButton
          onClose={() => setConflict(undefined)}
        >
          {conflict.now
            ? t('actions.conflictStatus', {
                was: label('ReferralStatus', conflict.was),
                now: label('ReferralStatus', conflict.now),
              })
            : t('actions.conflictOther')}
        </Alert>
      )}
      {actions.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('actions.label')}>
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'DECLINE' || action === 'CANCEL' || action === 'DROP_OUT' ? 'outline' : 'filled'}
              color={action === 'DECLINE' || action === 'CANCEL' || action === 'DROP_OUT' ? 'red.9' : undefined}
              onClick={() => setOpen(action)}
            >
              {t(`actions.${action}`)}
            </Button>
          ))}
        </Group>
      )}
      {open && (
        <ActionDialog
          action={open}
          referral={referral}
          onClose={() => setOpen(undefined)}
          onDone={async (failure) => {
            setOpen(undefined);
            if (failure?.code === 'CONFLICT') {
              const was = referral.status;
              const reloaded = (await onChanged()) as { data?: { referral?: { status: string } } } | undefined;
              setConflict({ was, now: failure.currentStatus ?? reloaded?.data?.referral?.status });
              return;
            }
            setConflict(undefined);
            await onChanged();
          }}
        />
      )}
    </Stack>
  );
}

function ActionDialog({
  action,
  referral,
  onClose,
  onDone,
}: {
  action: Action;
  referral: Referral;
  onClose: () => void;
  onDone: (failure?: TransitionFailure) => Promise<void>;
}) {
  const { t } = useTranslation(['referrals', 'common']);
  const label = useEnumLabel();
  const { roles } = useSession();
  const { run, running } = useTransition(referral.id, referral.version);
  const needs = NEEDS[action];
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [failure, setFailure] = useState<TransitionFailure>();
  const directory = useQuery(DirectoryQuery, { skip: action !== 'FORWARD' });

  const isCoordinator = roles.includes('COORDINATOR');

  const submit = async () => {
    if (needs.field && !code) {
      setFailure({ code: 'MISSING' });
      return;
    }
    if (action === 'FORWARD' && !target) {
      setFailure({ code: 'MISSING' });
      return;
    }
    const fields: Record<string, unknown> = {};
    if (needs.field) fields[needs.field] = code;
    if (note.trim()) fields.note = note.trim();
    if (action === 'ACCEPT' && overrideReason.trim()) fields.capacityOverrideReason = overrideReason.trim();
    if (action === 'FORWARD') fields.toOrganisationId = target;
    const result = await run(action, fields);
    // A full service is a CONFLICT too, but nothing moved: the dialog stays, saying so.
    if (result && (result.code !== 'CONFLICT' || result.capacity)) {
      setFailure(result);
      return;
    }
    await onDone(result);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:close') }}
      opened
      onClose={onClose}
      title={t(`actions.${action}`)}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {failure && (
            <Alert color="red.9" role="alert">
              {failure.code === 'MISSING'
                ? t('actions.missing')
                : failure.capacity
                  ? t(isCoordinator ? 'actions.fullCoordinator' : 'actions.full', failure.capacity)
                  : action === 'FORWARD' && failure.field === 'participantId'
                    ? t('actions.forwardNoConsent')
                    : t(`common:errors.${failure.code}`, { defaultValue: t('common:errors.UNKNOWN') })}
            </Alert>
          )}
          {needs.vocabulary && (
            <Select
              label={t(`actions.${needs.field === 'outcome' ? 'outcome' : 'reasonCode'}`)}
              required
              data={needs.values!.map((value) => ({ value, label: label(needs.vocabulary!, value) }))}
              value={code}
              onChange={setCode}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {action === 'FORWARD' && (
            <Select
              label={t('actions.forwardTo')}
              required
              searchable
              data={(directory.data?.organisations ?? [])
                .filter((o) => o.id !== referral.toOrganisation.id && o.id !== referral.fromOrganisation.id)
                .map((o) => ({ value: o.id, label: o.name }))}
              value={target}
              onChange={setTarget}
            />
          )}
          {action === 'ACCEPT' && isCoordinator && (
            <TextInput
              label={t('actions.capacityOverride')}
              description={t('actions.capacityOverrideHelp')}
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.currentTarget.value)}
            />
          )}
          <Textarea
            label={t('actions.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={running}>
              {t('actions.confirm', { action: t(`actions.${action}`) })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
