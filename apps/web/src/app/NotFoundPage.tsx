import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('notFound')}</Title>
      <Text>
        <Anchor component={Link} to="/">
          {t('goHome')}
        </Anchor>
      </Text>
    </Stack>
  );
}
