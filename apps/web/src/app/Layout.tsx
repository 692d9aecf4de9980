import { AppShell, Badge, Burger, Button, Group, NavLink, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { SetMyLanguageMutation } from '../modules/auth/graphql/session';
import { useSession } from '../modules/auth/hooks/session';
import { setLanguage } from '../i18n';
import { useEnumLabel } from '../i18n/enum-label';
import { UnreadCountQuery } from '../modules/inbox/graphql/notifications';
import { useLiveNotifications } from '../modules/inbox/hooks/live';
import { prefetchPages } from './pages';

const NAV = [
  { to: '/', key: 'nav.inbox', exact: true },
  { to: '/referrals', key: 'nav.referrals' },
  { to: '/referrals/new', key: 'nav.newReferral', exact: true },
  { to: '/participants', key: 'nav.participants' },
] as const;

/** The frame of every signed-in screen: header with the unread count, the menu, the page. */
export function Layout() {
  const { t, i18n } = useTranslation(['common', 'auth', 'inbox']);
  const [saveLanguage] = useMutation(SetMyLanguageMutation);
  const { me, roles, signOut } = useSession();
  const label = useEnumLabel();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const { data } = useQuery(UnreadCountQuery);
  const { latestTitle } = useLiveNotifications();
  const unread = data?.notifications.unreadCount ?? 0;
  useEffect(prefetchPages, []);
  const organisation = me?.organisations.find((o) => o.id === me.memberships[0]?.organisationId);

  const isActive = (to: string, exact?: boolean) =>
    exact
      ? location.pathname === to
      : location.pathname === to || (location.pathname.startsWith(`${to}/`) && location.pathname !== '/referrals/new');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.openMenu')} />
            <Text fw={700} visibleFrom="xs">
              {t('appName')}
            </Text>
            <Button
              component={Link}
              to="/"
              variant="subtle"
              px="xs"
              aria-label={t('header.unread', { count: unread })}
              rightSection={
                <Badge color={unread > 0 ? 'red.9' : 'gray.7'} variant="filled" aria-hidden>
                  {unread}
                </Badge>
              }
            >
              <span aria-hidden>{t('nav.inbox')}</span>
            </Button>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="md" title={organisation?.name}>
              {me?.user.displayName}
              {organisation ? ` · ${organisation.shortName ?? organisation.name}` : ''}
              {roles.length > 0 ? ` · ${roles.map((role) => label('Role', role)).join(', ')}` : ''}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                void signOut().then(() => navigate('/sign-in'));
              }}
            >
              {t('auth:signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.key)}
            variant="filled"
            active={isActive(item.to, 'exact' in item ? item.exact : false)}
            onClick={close}
          />
        ))}
        <NativeSelect
          mt="md"
          label={t('language')}
          size="xs"
          data={[
            { value: 'pl', label: 'Polski' },
            { value: 'en', label: 'English' },
          ]}
          value={i18n.language}
          onChange={(event) => {
            const language = event.currentTarget.value === 'en' ? 'en' : 'pl';
            setLanguage(language);
            void saveLanguage({ variables: { language } });
          }}
        />
      </AppShell.Navbar>
      <AppShell.Main>
        <VisuallyHidden role="status" aria-live="polite">
          {latestTitle ? t('inbox:arrived', { title: latestTitle }) : ''}
        </VisuallyHidden>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
