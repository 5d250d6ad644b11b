import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import type { Sealer } from '../../kernel/sealed.js';
import { HouseholdService } from './households.service.js';
import { partiesInit } from './migrations/2026-11-28-parties.js';
import { ledgerInit } from './migrations/2026-11-28-ledger.js';
import { ledgerEntries } from './migrations/2026-12-06-ledger-entries.js';
import { LedgerExport } from './ledger-export.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';
import { PartiesRepository } from './parties.repository.js';
import { partiesRoutes } from './parties.routes.js';
import { SellerService } from './sellers.service.js';
import type { ProductDirectory } from './product-directory.js';

export type { Credit, HouseholdService } from './households.service.js';
export type { SellerService } from './sellers.service.js';
export type { GroupBy, LedgerService, Period, Sale } from './ledger.service.js';
export type { ProductDirectory } from './product-directory.js';
export type { HouseholdInput, LinkInput, SellerApplication } from './parties.schema.js';
export { creditCodeCheck, creditCodeProblem, organisationCodeCheck, residentIdCheck, residentIdProblem } from './identifiers.js';

/** Market players: sellers (firms, co-ops, individual businesses, farmers) and the register of poor households. */
export function partiesModule(deps: ModuleDeps & { sealer: Sealer; products: ProductDirectory }) {
  const repo = new PartiesRepository(deps.db);
  const sellers = new SellerService(repo, deps.sealer, deps.clock);
  const households = new HouseholdService(repo, deps.sealer, deps.clock, deps.products);
  const ledgerRepo = new LedgerRepository(deps.db);
  const ledger = new LedgerService(ledgerRepo, households, deps.clock, deps.products);
  const ledgerExport = new LedgerExport(ledger, ledgerRepo, deps.products);
  return defineModule({ name: 'parties', migrations: [partiesInit, ledgerInit, ledgerEntries], sellers, households, ledger, routes: partiesRoutes(sellers, households, ledger, ledgerExport) });
}
