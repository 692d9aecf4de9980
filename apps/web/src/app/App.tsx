import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { PageFallback } from './fallback';
import { SessionProvider } from '../modules/auth/hooks/session';
import { RequireSession } from '../modules/auth/components/RequireSession';
import { Layout } from './Layout';

// Every screen is its own chunk: the first screen loads only what it shows.
const SignInPage = lazy(() => import('../modules/auth/components/SignInPage'));
const InboxPage = lazy(() => import('../modules/inbox/components/InboxPage'));
// TODO ReferralListPage
// TODO ReferralPage
// TODO NewReferralPage
// TODO ParticipantListPage
// TODO ParticipantPage
// TODO ParticipantFormPage
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
