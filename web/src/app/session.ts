import { createContext, useContext } from 'react';
import type { User } from '../api/auth.js';

export const SessionContext = createContext<User | null>(null);

/** The signed-in user; only for components below <RequireAuth>. */
export function useUser(): User {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useUser needs a signed-in user (<RequireAuth> above it)');
  return user;
}
