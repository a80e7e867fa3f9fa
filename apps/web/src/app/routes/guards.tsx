import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { can, type Page } from '@/lib/access';
import { useSessionUser } from '@/hooks/use-session';
import { NotFoundPage } from '@/components/not-found-page';

/**
 * Logged-in pages: without a session, to the login page (which brings the user back here); with a one-time
 * password, to the password change first.
 */
export function RequireLogin({
  children,
  allowPendingPassword,
}: {
  children?: ReactNode;
  allowPendingPassword?: boolean;
}) {
  const user = useSessionUser();
  const location = useLocation();
  if (!user) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?from=${encodeURIComponent(from)}`} replace />;
  }
  if (user.mustChangePassword && !allowPendingPassword) return <Navigate to="/change-password" replace />;
  return children ?? <Outlet />;
}

/** A page of the access table: another role sees "not found", as the API would answer. */
export function RequireAccess({ page }: { page: Page }) {
  const user = useSessionUser();
  return can(user?.role, page) ? <Outlet /> : <NotFoundPage />;
}
