import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { PageFallback } from './fallback';
import { SessionProvider } from '../modules/auth/hooks/session';
import { RequireSession } from '../modules/auth/components/RequireSession';
import { Layout } from './Layout';

// Every screen is its own chunk: the first screen loads only what it shows.
const SignInPage = lazy(() => import('../modules/auth/components/SignInPage'));
const InboxPage = lazy(() => import('../modules/inbox/components/InboxPage'));
const ReferralListPage = lazy(() => import('../modules/referrals/components/ReferralListPage'));
const ReferralPage = lazy(() => import('../modules/referrals/components/ReferralPage'));
const NewReferralPage = lazy(() => import('../modules/referrals/components/NewReferralPage'));
const ParticipantListPage = lazy(() => import('../modules/participants/components/ParticipantListPage'));
const ParticipantPage = lazy(() => import('../modules/participants/components/ParticipantPage'));
const ParticipantFormPage = lazy(() => import('../modules/participants/components/ParticipantFormPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

const page = (element: JSX.Element) => <Suspense fallback={<PageFallback />}>{element}</Suspense>;

const router = createBrowserRouter([
  { path: '/sign-in', element: page(<SignInPage />) },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: page(<InboxPage />) },
      { path: 'referrals', element: page(<ReferralListPage />) },
      { path: 'referrals/new', element: page(<NewReferralPage />) },
      { path: 'referrals/:id', element: page(<ReferralPage />) },
      { path: 'participants', element: page(<ParticipantListPage />) },
      { path: 'participants/new', element: page(<ParticipantFormPage />) },
      { path: 'participants/:id', element: page(<ParticipantPage />) },
      { path: 'participants/:id/edit', element: page(<ParticipantFormPage />) },
      { path: 'inbox', element: <Navigate to="/" replace /> },
      { path: '*', element: page(<NotFoundPage />) },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
