import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageFallback } from '../../../app/fallback';
import { useSession } from '../hooks/session';

/** Screens behind sign-in: a signed-out visitor goes to the sign-in page and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageFallback />;
  if (status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
