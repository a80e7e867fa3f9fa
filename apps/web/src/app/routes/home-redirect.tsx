import { Navigate } from 'react-router';
import { HOME } from '@/lib/access';
import { useSessionUser } from '@/hooks/use-session';

/** "/" is each role's own home. */
export function HomeRedirect() {
  const user = useSessionUser();
  return <Navigate to={user ? HOME[user.role] : '/login'} replace />;
}
