import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import { IdentityRepository } from './identity.repository.js';
import { identityRoutes } from './identity.routes.js';
import { IdentityService } from './identity.service.js';
import { identityInit } from './migrations/2026-11-28-identity.js';
import { knownDevices } from './migrations/2026-12-07-known-devices.js';
import { signInFailures } from './migrations/2026-12-07-sign-in-failures.js';
import { tokenLimits } from './migrations/2026-12-07-token-limits.js';

export type { IdentityService, NewUser, ScopeCheck, UserView } from './identity.service.js';

/** Users, roles and scopes, sessions, API tokens, sign-in throttling, and the audit log search. */
export function identityModule(deps: ModuleDeps & { secureCookies: boolean }) {
  const service = new IdentityService(new IdentityRepository(deps.db), deps.clock);
  return defineModule({
    name: 'identity',
    migrations: [identityInit, signInFailures, tokenLimits, knownDevices],
    service,
    routes: identityRoutes(service, deps.secureCookies),
  });
}
