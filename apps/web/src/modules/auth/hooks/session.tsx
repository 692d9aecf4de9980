import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { MeQuery as MeData } from '../../../gql/graphql';
import { onSessionEnded, resetLiveConnection } from '../../../app/apollo';
import { setLanguage } from '../../../i18n';
import { MeQuery, SignInMutation, SignOutMutation } from '../graphql/session';

export type Me = MeData['me'];

interface Session {
  /** undefined while the first answer is awaited. */
  status: 'loading' | 'signed-in' | 'signed-out';
  me?: Me;
  /** The organisation the user acts for (the first membership's). */
  organisationId?: string;
  roles: string[];
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * Who is signed in, as the API says (`me` with the session cookie). There is
 * no client-side copy of a token: a reload asks the server again.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(MeQuery, { fetchPolicy: 'network-only' });
  const [signInMutation] = useMutation(SignInMutation);
  const [signOutMutation] = useMutation(SignOutMutation);

  const me = error ? undefined : data?.me;
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = !!me;
    if (me) setLanguage(me.user.language);
  }, [me]);

  const clear = useCallback(async () => {
    resetLiveConnection();
    await client.clearStore();
  }, [client]);

  useEffect(() => {
    // Only a session we believed live can end: a signed-out visitor's own UNAUTHENTICATED answers are expected.
    onSessionEnded(() => {
      if (!signedIn.current) return;
      signedIn.current = false;
      void clear().then(() => refetch().catch(() => undefined));
    });
  }, [clear, refetch]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      await signInMutation({ variables: { email, password } });
      resetLiveConnection();
      await refetch();
    },
    [signInMutation, refetch],
  );

  const signOut = useCallback(async () => {
    // The server ends the session (the cookie's token is dead from now on), then the client forgets all it held.
    await signOutMutation().catch(() => undefined);
    await clear();
    await refetch().catch(() => undefined);
  }, [signOutMutation, clear, refetch]);

  const value = useMemo<Session>(() => {
    const status = me ? 'signed-in' : loading && !error ? 'loading' : 'signed-out';
    const organisationId = me?.memberships[0]?.organisationId;
    const roles = me?.memberships.filter((m) => m.organisationId === organisationId).map((m) => m.role) ?? [];
    return { status, me, organisationId, roles, signIn, signOut };
  }, [me, loading, error, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
