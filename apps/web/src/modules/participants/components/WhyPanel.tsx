import { Alert, Button, Collapse, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../../app/errors';
import { useEnumLabel } from '../../../i18n/enum-label';
import { ExplainAccessQuery } from '../graphql/participants';

/** "Dlaczego to widzę?": the access decision for this reader, in words, from explainAccess. */
export function WhyPanel({ participantId }: { participantId: string }) {
  const { t } = useTranslation(['participants', 'common']);
  const label = useEnumLabel();
  const [opened, { toggle }] = useDisclosure(false);
  const { data, error } = useQuery(ExplainAccessQuery, { variables: { participantId }, skip: !opened });
  const explanation = data?.explainAccess;
  return (
    <Stack gap="xs">
      <Button variant="default" onClick={toggle} aria-expanded={opened} w="fit-content">
        {t('why.button')}
      </Button>
      <Collapse in={opened}>
        {error && (
          <Alert color="red.9" role="alert">
            {t(errorKey(error))}
          </Alert>
        )}
        {explanation && (
          <Alert color="blue.9" title={t('why.title')}>
            <Stack gap={4}>
              <Text size="sm">
                {explanation.basis
                  ? t('why.basis', {
                      basis: label('AccessBasis', explanation.basis),
                      purpose: label('Purpose', explanation.purpose),
                    })
                  : t('why.noBasis', { purpose: label('Purpose', explanation.purpose) })}
              </Text>
              {explanation.consentIds.length > 0 && (
                <Text size="sm">{t('why.consents', { count: explanation.consentIds.length })}</Text>
              )}
              {explanation.legalBasisIds.length > 0 && (
                <Text size="sm">{t('why.legalBases', { count: explanation.legalBasisIds.length })}</Text>
              )}
              <Text size="sm">
                {t('why.visible')}:{' '}
                {explanation.visibleCategories.length
                  ? explanation.visibleCategories.map((c) => label('DataCategory', c)).join(', ')
                  : t('common:none')}
              </Text>
              {explanation.redactions.length > 0 && (
                <>
                  <Text size="sm">{t('why.hidden')}:</Text>
                  <List size="sm">
                    {explanation.redactions.map((r) => (
                      <List.Item key={r.category}>
                        {label('DataCategory', r.category)} — {label('RedactionReason', r.reason)}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
              <Text size="xs" c="dimmed">
                {t('why.logged')}
              </Text>
            </Stack>
          </Alert>
        )}
      </Collapse>
    </Stack>
  );
}
