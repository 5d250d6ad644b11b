import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import type { Sealer } from '../../kernel/sealed.js';
import { HouseholdService } from './households.service.js';
import { partiesInit } from './migrations/2026-11-28-parties.js';
import { ledgerInit } from './migrations/2026-11-28-ledger.js';
import { LedgerService } from './ledger.service.js';
import { PartiesRepository } from './parties.repository.js';
import { partiesRoutes } from './parties.routes.js';
import { SellerService } from './sellers.service.js';

export type { Credit, HouseholdService } from './households.service.js';
export type { SellerService } from './sellers.service.js';
export type { LedgerService, Sale } from './ledger.service.js';
export type { HouseholdInput, LinkInput, SellerApplication } from './parties.schema.js';
export { creditCodeCheck, creditCodeProblem, organisationCodeCheck, residentIdCheck, residentIdProblem } from './identifiers.js';

/** Market players: sellers (firms, co-ops, individual businesses, farmers) and the register of poor households. */
export function partiesModule(deps: ModuleDeps & { sealer: Sealer }) {
  const repo = new PartiesRepository(deps.db);
  const sellers = new SellerService(repo, deps.sealer, deps.clock);
  const households = new HouseholdService(repo, deps.sealer, deps.clock);
  const ledger = new LedgerService(repo, households);
  return defineModule({ name: 'parties', migrations: [partiesInit, ledgerInit], sellers, households, ledger, routes: partiesRoutes(sellers, households, ledger) });
}
