import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../kernel/module.js';
import { IdentityRepository } from './identity.repository.js';
import { identityRoutes } from './identity.routes.js';
import { identityJobs } from './jobs.js';
import { IdentityService, type ScopeRules } from './identity.service.js';
import { identityInit } from './migrations/2026-11-28-identity.js';
import { knownDevices } from './migrations/2026-12-07-known-devices.js';
import { signInFailures } from './migrations/2026-12-07-sign-in-failures.js';
import { tokenLimits } from './migrations/2026-12-07-token-limits.js';
import { identityAddresses } from './migrations/2026-12-08-addresses.js';
import { AddressRepository } from './addresses.repository.js';
import { addressRoutes } from './addresses.routes.js';
import { AddressBook, type AddressPlaces } from './addresses.service.js';
import type { RecordNames } from './audit-names.js';
import { smsSignIn } from './migrations/2026-12-09-sms-sign-in.js';
import type { SignInSms } from './ports.js';
import { smsSignInJobs } from './sms-sign-in.jobs.js';
import { smsSignInRoutes } from './sms-sign-in.routes.js';
import { SmsSignIn } from './sms-sign-in.service.js';

export type { IdentityService, NewUser, ScopeRules, UserView } from './identity.service.js';
export type { AddressBook, AddressPlaces, VillagePlace } from './addresses.service.js';
export type { SignInSms } from './ports.js';
export type { RecordNames, RecordRef } from './audit-names.js';

/** Users, roles and scopes, sessions, API tokens, sign-in throttling, and the audit log search. */
export const identityModule = defineModule({
  name: 'identity',
  tablePrefix: 'identity_',
  summary: '用户与权限 Users, roles and scopes, sessions, API tokens, sign-in throttling, the audit log search',
  migrations: [identityInit, signInFailures, tokenLimits, knownDevices, identityAddresses, smsSignIn],
  requires: {
    scopes: 'whether a scope names a township or site that exists (network)',
    places: 'the county and its villages in force, for the address book (network)',
    sms: 'texting a shopper the code that signs them in (notify)',
    names: 'the names people know records by, for the audit log (network, parties, catalog, logistics, orders, trace)',
  },
  publishes: [],
  build(kernel, ports: { scopes: ScopeRules; places: AddressPlaces; names: RecordNames; sms: SignInSms }) {
    const service = new IdentityService(new IdentityRepository(kernel.db), kernel.clock, ports.scopes, ports.names);
    const addresses = new AddressBook(new AddressRepository(kernel.db, kernel.dialect), kernel.sealer, kernel.clock, ports.places);
    const shopperSignIn = new SmsSignIn(service, kernel.sealer, kernel.clock, ports.sms, ports.places);
    const accountRoutes = identityRoutes(service, kernel.settings.secureCookies);
    const routes = async (app: FastifyInstance) => {
      await accountRoutes(app);
      await addressRoutes(addresses)(app);
      await smsSignInRoutes(shopperSignIn, kernel.settings.secureCookies)(app);
    };
    return { provides: { service, addresses }, jobs: [...identityJobs(service), ...smsSignInJobs(shopperSignIn)], routes };
  },
});
