import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while a screen's code or first data loads. */
export function PageFallback() {
  const { t } = useTranslation();
  return (
    <Center h={200}>
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
