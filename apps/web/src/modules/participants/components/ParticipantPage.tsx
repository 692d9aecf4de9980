import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorKey } from '../../../app/errors';
import { PageFallback } from '../../../app/fallback';
import { useEnumLabel } from '../../../i18n/enum-label';
import { useSession } from '../../auth/hooks/session';
import { ConsentList } from '../../consents/components/ConsentList';
import { ParticipantQuery } from '../graphql/participants';
import { useOrganisationNames } from '../hooks/organisations';
import { AccessLog } from './AccessLog';
import { BreakGlass } from './BreakGlass';
import { CategorySections } from './CategorySections';
import { WhyPanel } from './WhyPanel';

/**
 * A participant as this reader may see them. The owning organisation gets
 * everything, the consents and the access log; a partner gets what the access
 * rule allows, each hidden category with the reason, and "why do I see this".
 */
export default function ParticipantPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['participants', 'common']);
  const label = useEnumLabel();
  const { organisationId, roles } = useSession();
  const orgName = useOrganisationNames();
  // Every open is a fresh read: access can end at any moment (a withdrawn consent) and each read is logged.
  const { data, loading, error, refetch } = useQuery(ParticipantQuery, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const participant = data?.participant;

  if (loading && !participant) return <PageFallback />;
  if (!participant) {
    return (
      <Alert color="red.9" role="alert" title={t('page.title')}>
        {t(errorKey(error))}
      </Alert>
    );
  }

  const isOwner = participant.ownerOrganisationId === organisationId;
  const name = participant.identity
    ? `${participant.identity.firstName} ${participant.identity.lastName}`
    : t('hiddenName');

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1}>{name}</Title>
          <Text size="sm" c="dimmed">
            {isOwner
              ? t('page.ownRegister')
              : t('page.partnerView', {
                  name: orgName(participant.ownerOrganisationId),
                  basis: label('AccessBasis', participant.access.basis),
                })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button component={Link} variant="default" to={`/referrals?direction=ALL&participant=${participant.id}`}>
            {t('page.referrals')}
          </Button>
          {isOwner && (
            <>
              <Button component={Link} variant="default" to={`/participants/${participant.id}/edit`}>
                {t('page.edit')}
              </Button>
              <Button component={Link} to={`/referrals/new?participant=${participant.id}`}>
                {t('page.refer')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {!isOwner && <WhyPanel participantId={participant.id} />}
      {!isOwner && roles.includes('COORDINATOR') && (
        <BreakGlass participantId={participant.id} onOpened={() => void refetch()} />
      )}
      {isOwner ? (
        <Tabs defaultValue="data" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="data">{t('page.tabData')}</Tabs.Tab>
            <Tabs.Tab value="consents">{t('page.tabConsents')}</Tabs.Tab>
            <Tabs.Tab value="log">{t('page.tabLog')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="data" pt="md">
            <CategorySections participant={participant} />
          </Tabs.Panel>
          <Tabs.Panel value="consents" pt="md">
            <ConsentList participantId={participant.id} />
          </Tabs.Panel>
          <Tabs.Panel value="log" pt="md">
            <AccessLog participantId={participant.id} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <CategorySections participant={participant} />
      )}
    </Stack>
  );
}
