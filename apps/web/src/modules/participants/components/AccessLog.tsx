import { Alert, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../../app/errors';
import { useEnumLabel } from '../../../i18n/enum-label';
import { formatDateTime } from '../../../i18n/format';
import { AccessLogQuery } from '../graphql/participants';
import { useOrganisationNames } from '../hooks/organisations';

/** Who read this participant's data, when, why and what (the owning organisation's view). */
export function AccessLog({ participantId }: { participantId: string }) {
  const { t } = useTranslation(['participants']);
  const label = useEnumLabel();
  const orgName = useOrganisationNames();
  const { data, error } = useQuery(AccessLogQuery, { variables: { participantId } });
  return (
    <>
      <Title order={2} size="h3">
        {t('log.title')}
      </Title>
      {error && (
        <Alert color="red.9" role="alert">
          {t(errorKey(error))}
        </Alert>
      )}
      {data && data.accessLog.length === 0 && <Text>{t('log.empty')}</Text>}
      {data && data.accessLog.length > 0 && (
        <Table.ScrollContainer minWidth={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('log.when')}</Table.Th>
                <Table.Th>{t('log.who')}</Table.Th>
                <Table.Th>{t('log.why')}</Table.Th>
                <Table.Th>{t('log.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.accessLog.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{formatDateTime(entry.occurredAt)}</Table.Td>
                  <Table.Td>{orgName(entry.actorOrganisationId)}</Table.Td>
                  <Table.Td>
                    {label('Purpose', entry.purpose)} ({label('AccessBasis', entry.basis)})
                  </Table.Td>
                  <Table.Td>{entry.categories.map((c) => label('DataCategory', c)).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
