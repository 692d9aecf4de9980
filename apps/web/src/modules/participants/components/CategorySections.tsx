import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantQuery } from '../../../gql/graphql';
import { useEnumLabel } from '../../../i18n/enum-label';
import { formatDate } from '../../../i18n/format';

type Participant = ParticipantQuery['participant'];

/** The category each part of the participant belongs to, in the order a caseworker reads them. */
const SECTIONS = [
  ['IDENTITY', 'identity'],
  ['CONTACT', 'contact'],
  ['ADDRESS', 'address'],
  ['EMPLOYMENT', 'employment'],
  ['EDUCATION', 'education'],
  ['BENEFITS', 'benefits'],
  ['FAMILY', 'family'],
  ['HOUSING', 'housing'],
  ['HEALTH', 'health'],
  ['ADDICTION', 'addiction'],
  ['CRIMINAL_RECORD', 'criminalRecord'],
] as const;

const DATE_FIELDS = new Set([
  'dateOfBirth',
  'registeredUnemployedSince',
  'disabilityCertificateValidUntil',
  'releasedOn',
]);

/**
 * Every data category, shown if this reader may see it and otherwise as one
 * line saying why not (the API's redaction reason, in words).
 */
export function CategorySections({ participant }: { participant: Participant }) {
  const { t } = useTranslation(['participants', 'common']);
  const label = useEnumLabel();
  const redactions = new Map(participant.redactions.map((r) => [r.category, r.reason]));

  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (Array.isArray(raw)) return raw.length ? raw.join(', ') : '—';
    if (typeof raw === 'boolean') return t(raw ? 'common:yes' : 'common:no');
    const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
    if (field === 'disabilityDegree') return label('DisabilityDegree', text);
    if (DATE_FIELDS.has(field)) return formatDate(text);
    return text;
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {SECTIONS.map(([category, key]) => {
        const data = participant[key] as Record<string, unknown> | null;
        const reason = redactions.get(category);
        return (
          <Card key={category} withBorder padding="sm" component="section" aria-label={label('DataCategory', category)}>
            <Title order={3} size="h5" mb={4}>
              {label('DataCategory', category)}
            </Title>
            {data ? (
              <Stack gap={2}>
                {Object.entries(data)
                  .filter(([field]) => field !== '__typename')
                  .map(([field, raw]) => (
                    <Text size="sm" key={field}>
                      {t(`fields.${field}`)}: {value(field, raw)}
                    </Text>
                  ))}
              </Stack>
            ) : reason ? (
              <Text size="sm" c="dimmed">
                {t('hidden', { reason: label('RedactionReason', reason) })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('noData')}
              </Text>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
