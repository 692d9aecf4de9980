import { Alert, Button, Center, Paper, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { apiError } from '../../../app/errors';
import { setLanguage } from '../../../i18n';
import { useSession } from '../hooks/session';

/** Only paths inside the console are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t, i18n } = useTranslation(['auth', 'common']);
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();

  if (status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setFailure(undefined);
    try {
      await signIn(email, password);
    } catch (error) {
      const code = apiError(error)?.code;
      setFailure(
        code === 'UNAUTHENTICATED'
          ? t('auth:invalid')
          : code === 'RATE_LIMITED'
            ? t('auth:rateLimited')
            : t(`common:errors.${code ?? 'UNKNOWN'}`),
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('common:appName')}
            </Title>
            <Title order={2} size="h4">
              {t('auth:title')}
            </Title>
            {failure && (
              <Alert color="red.9" role="alert" title={t('auth:failed')}>
                {failure}
              </Alert>
            )}
            <TextInput
              label={t('auth:email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('auth:password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={submitting}>
              {t('auth:submit')}
            </Button>
            <Select
              label={t('common:language')}
              data={[
                { value: 'pl', label: 'Polski' },
                { value: 'en', label: 'English' },
              ]}
              value={i18n.language}
              onChange={(value) => value && setLanguage(value)}
              allowDeselect={false}
            />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
