import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { PageFallback } from './fallback';
import { SessionProvider } from '../modules/auth/hooks/session';
import { RequireSession } from '../modules/auth/components/RequireSession';
import { Layout } from './Layout';
import { pages } from './pages';

const SignInPage = lazy(pages.signIn);
const InboxPage = lazy(pages.inbox);
const ReferralListPage = lazy(pages.referralList);
const ReferralPage = lazy(pages.referral);
const NewReferralPage = lazy(pages.newReferral);
const ParticipantListPage = lazy(pages.participantList);
const ParticipantPage = lazy(pages.participant);
const ParticipantFormPage = lazy(pages.participantForm);
const NotFoundPage = lazy(pages.notFound);

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
