import { Alert, Button, Checkbox, FileInput, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataCategory, EvidenceMethod, Purpose } from '../../../gql/graphql';
import { errorKey } from '../../../app/errors';
import { isoDay } from '../../../i18n/format';
import { useEnumLabel } from '../../../i18n/enum-label';
import { GrantConsentMutation } from '../graphql/consents';
import { sha256Hex } from '../hooks/sha256';

const PURPOSES: Purpose[] = ['REFERRAL', 'REINTEGRATION_SUPPORT', 'EMPLOYMENT_MEDIATION', 'REPORTING'];
const CATEGORIES: DataCategory[] = [
  'IDENTITY',
  'CONTACT',
  'ADDRESS',
  'EMPLOYMENT',
  'EDUCATION',
  'BENEFITS',
  'FAMILY',
  'HOUSING',
  'HEALTH',
  'ADDICTION',
  'CRIMINAL_RECORD',
];
const METHODS: EvidenceMethod[] = ['PAPER_SIGNATURE', 'ELECTRONIC', 'WITNESSED_VERBAL'];

export interface ConsentDefaults {
  recipientOrganisationId: string;
  recipientName: string;
  purposes?: Purpose[];
  categories?: DataCategory[];
  /** Categories the agreement with the recipient allows; others are not offered. */
  allowedCategories?: readonly DataCategory[];
}

/**
 * Records a participant's consent for one recipient: purposes, categories
 * (within the agreement when it is known), validity, and the evidence — how it
 * was given and, for a signed document, its SHA-256, computed here; the file
 * stays on this computer.
 */
export function GrantConsentForm({
  participantId,
  defaults,
  onGranted,
}: {
  participantId: string;
  defaults: ConsentDefaults;
  onGranted: () => void;
}) {
  const { t } = useTranslation(['consents', 'common']);
  const label = useEnumLabel();
  const offered = CATEGORIES.filter((c) => !defaults.allowedCategories || defaults.allowedCategories.includes(c));
  const [purposes, setPurposes] = useState<string[]>(defaults.purposes ?? ['REFERRAL']);
  const [categories, setCategories] = useState<string[]>(
    (defaults.categories ?? ['IDENTITY', 'CONTACT']).filter((c) => offered.includes(c)),
  );
  const [validFrom, setValidFrom] = useState(isoDay());
  const [validUntil, setValidUntil] = useState(isoDay(365));
  const [method, setMethod] = useState<string | null>('PAPER_SIGNATURE');
  const [documentHash, setDocumentHash] = useState<string>();
  const [hashing, setHashing] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [grant, { loading }] = useMutation(GrantConsentMutation);

  const onFile = async (file: File | null) => {
    setDocumentHash(undefined);
    if (!file) return;
    setHashing(true);
    try {
      setDocumentHash(await sha256Hex(file));
    } finally {
      setHashing(false);
    }
  };

  const submit = async () => {
    if (purposes.length === 0 || categories.length === 0 || !method) {
      setProblem(t('grant.missing'));
      return;
    }
    setProblem(undefined);
    try {
      await grant({
        variables: {
          input: {
            participantId,
            recipientOrganisationId: defaults.recipientOrganisationId,
            purposes: purposes as Purpose[],
            dataCategories: categories as DataCategory[],
            validFrom,
            validUntil: validUntil || undefined,
            evidence: { method: method as EvidenceMethod, documentHash },
          },
        },
      });
      onGranted();
    } catch (error) {
      setProblem(t(errorKey(error)));
    }
  };

  return (
    <Stack gap="sm">
      <Text>{t('grant.recipient', { name: defaults.recipientName })}</Text>
      {problem && (
        <Alert color="red.9" role="alert">
          {problem}
        </Alert>
      )}
      <Checkbox.Group label={t('grant.purposes')} value={purposes} onChange={setPurposes} withAsterisk>
        <Group mt={4} gap="md">
          {PURPOSES.map((purpose) => (
            <Checkbox key={purpose} value={purpose} label={label('Purpose', purpose)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('grant.categories')}
        description={defaults.allowedCategories ? t('grant.withinAgreement') : undefined}
        value={categories}
        onChange={setCategories}
        withAsterisk
      >
        <Group mt={4} gap="md">
          {offered.map((category) => (
            <Checkbox key={category} value={category} label={label('DataCategory', category)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow align="start">
        <TextInput
          type="date"
          label={t('grant.validFrom')}
          required
          value={validFrom}
          onChange={(event) => setValidFrom(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('grant.validUntil')}
          value={validUntil}
          onChange={(event) => setValidUntil(event.currentTarget.value)}
        />
      </Group>
      <Select
        label={t('grant.method')}
        required
        data={METHODS.map((value) => ({ value, label: label('EvidenceMethod', value) }))}
        value={method}
        onChange={setMethod}
        allowDeselect={false}
      />
      <FileInput
        label={t('grant.document')}
        description={t('grant.documentHelp')}
        clearable
        onChange={(file) => void onFile(file)}
      />
      {hashing && <Text size="sm">{t('grant.hashing')}</Text>}
      {documentHash && (
        <Text size="sm" style={{ wordBreak: 'break-all' }} aria-label={t('grant.hashLabel')}>
          SHA-256: {documentHash}
        </Text>
      )}
      <Group justify="end">
        <Button onClick={() => void submit()} loading={loading} disabled={hashing}>
          {t('grant.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
