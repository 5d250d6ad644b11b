import { Navigate } from 'react-router-dom';
import { homePath } from './access.js';
import { useUser } from './session.js';

export function HomeRedirect() {
  return <Navigate to={homePath(useUser())} replace />;
}
