import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../../../api/auth.js';
import { SessionContext } from '../../../app/session.js';
import { FullPageSpin } from '../../../app/ui/FullPageSpin.js';
import { LoadError } from '../../../app/ui/LoadError.js';

/** Checkout and orders need a buyer: a visitor signs in (or up) with a texted code first and comes back here. */
export function ShopRequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/shop/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
