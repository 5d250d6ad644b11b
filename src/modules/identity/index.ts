import { defineModule } from '../../kernel/module.js';
import { IdentityRepository } from './identity.repository.js';
import { identityRoutes } from './identity.routes.js';
import { identityJobs } from './jobs.js';
import { IdentityService, type ScopeRules } from './identity.service.js';
import { identityInit } from './migrations/2026-11-28-identity.js';
import { knownDevices } from './migrations/2026-12-07-known-devices.js';
import { signInFailures } from './migrations/2026-12-07-sign-in-failures.js';
import { tokenLimits } from './migrations/2026-12-07-token-limits.js';

export type { IdentityService, NewUser, ScopeRules, UserView } from './identity.service.js';

/** Users, roles and scopes, sessions, API tokens, sign-in throttling, and the audit log search. */
export const identityModule = defineModule({
  name: 'identity',
  tablePrefix: 'identity_',
  summary: '用户与权限 Users, roles and scopes, sessions, API tokens, sign-in throttling, the audit log search',
  migrations: [identityInit, signInFailures, tokenLimits, knownDevices],
  requires: { scopes: 'whether a scope names a township or site that exists (network)' },
  publishes: [],
  build(kernel, ports: { scopes: ScopeRules }) {
    const service = new IdentityService(new IdentityRepository(kernel.db), kernel.clock, ports.scopes);
    return { provides: { service }, jobs: identityJobs(service), routes: identityRoutes(service, kernel.settings.secureCookies) };
  },
});
