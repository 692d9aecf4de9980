import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../i18n/format';
import { useEnumLabel } from '../../../i18n/enum-label';
import { reasonVocabulary } from '../hooks/labels';

type Step = ReferralQuery['referral']['history'][number];

/** The referral's steps, oldest first, each with its reason or outcome in words. */
export function ReferralTimeline({ history }: { history: Step[] }) {
  const { t } = useTranslation('referrals');
  const label = useEnumLabel();
  return (
    <Timeline active={history.length - 1} bulletSize={16} lineWidth={2} aria-label={t('page.timeline')}>
      {history.map((step) => {
        const vocabulary = reasonVocabulary(step.toStatus);
        return (
          <Timeline.Item key={step.id} title={label('ReferralStatus', step.toStatus)}>
            <Text size="sm" c="dimmed">
              {formatDateTime(step.occurredAt)}
            </Text>
            {step.reasonCode && (
              <Text size="sm">
                {t('page.reason')}: {vocabulary ? label(vocabulary, step.reasonCode) : step.reasonCode}
              </Text>
            )}
            {step.outcome && (
              <Text size="sm">
                {t('page.outcome')}: {label('ReferralOutcome', step.outcome)}
              </Text>
            )}
            {step.note && <Text size="sm">„{step.note}”</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
