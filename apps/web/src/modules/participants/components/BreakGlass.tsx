import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../../app/errors';
import { formatDateTime } from '../../../i18n/format';
import { OpenEmergencyAccessMutation } from '../graphql/participants';

function remaining(until: Date, now: number): string {
  const seconds = Math.max(0, Math.floor((until.getTime() - now) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * Break-glass for a coordinator: why it cannot wait for consent, for how long;
 * the owner is told. While it lasts, a countdown says how long is left.
 */
export function BreakGlass({ participantId, onOpened }: { participantId: string; onOpened: () => void }) {
  const { t } = useTranslation(['participants', 'common']);
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState<number | string>(3);
  const [until, setUntil] = useState<Date>();
  const [now, setNow] = useState(Date.now());
  const [open, { loading, error }] = useMutation(OpenEmergencyAccessMutation);

  useEffect(() => {
    if (!until) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  if (until && until.getTime() > now) {
    return (
      <Alert color="red.9" title={t('breakGlass.active')}>
        <Text size="sm">
          {t('breakGlass.until', { date: formatDateTime(until) })}{' '}
          <span role="timer" aria-label={t('breakGlass.left')}>
            {remaining(until, now)}
          </span>
        </Text>
      </Alert>
    );
  }

  return (
    <>
      <Button variant="outline" color="red.9" onClick={() => setOpened(true)} w="fit-content">
        {t('breakGlass.open')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common:close') }}
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('breakGlass.title')}
        centered
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void open({ variables: { input: { participantId, reason: reason.trim(), hours: Number(hours) } } })
              .then((result) => {
                const expiresAt = result.data?.openEmergencyAccess.expiresAt;
                if (expiresAt) setUntil(new Date(expiresAt));
                setOpened(false);
                onOpened();
              })
              .catch(() => undefined);
          }}
        >
          <Stack>
            <Text size="sm">{t('breakGlass.explain')}</Text>
            {error && (
              <Alert color="red.9" role="alert">
                {t(errorKey(error))}
              </Alert>
            )}
            <Textarea
              label={t('breakGlass.reason')}
              required
              minLength={10}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <NumberInput label={t('breakGlass.hours')} min={1} max={24} value={hours} onChange={setHours} required />
            <Group justify="end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={loading} disabled={reason.trim().length === 0}>
                {t('breakGlass.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
