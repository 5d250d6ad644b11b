import { inline } from '../../kernel/events/index.js';
import { defineModule } from '../../kernel/module.js';
import { OrderPaid, OrderRefunded, PARTIES_EVENTS } from './events.js';
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
import { PartiesWorkbenchCounts } from './workbench-counts.js';
import { FarmersById } from './farmers-by-id.js';
import { HouseholdsById } from './households-by-id.js';
import type { ProductDirectory } from './product-directory.js';

export type { Credit, HouseholdService } from './households.service.js';
export type { SellerService } from './sellers.service.js';
export type { PartiesWorkbenchCounts } from './workbench-counts.js';
export type { FarmersById, FarmerByPrint } from './farmers-by-id.js';
export type { HouseholdsById } from './households-by-id.js';
export type { GroupBy, LedgerService, Period, Sale } from './ledger.service.js';
export type { ProductDirectory } from './product-directory.js';
export type { HouseholdInput, LinkInput, SellerApplication } from './parties.schema.js';
export { creditCodeCheck, creditCodeProblem, organisationCodeCheck, residentIdCheck, residentIdProblem } from './identifiers.js';

/** Market players: sellers (firms, co-ops, individual businesses, farmers) and the register of poor households. */
export const partiesModule = defineModule({
  name: 'parties',
  tablePrefix: 'parties_',
  summary: '市场主体与帮扶台账 Sellers (firms, co-ops, individual businesses, farmers), poor households and the sales ledger',
  migrations: [partiesInit, ledgerInit, ledgerEntries],
  requires: { products: 'who sells a product and what products are called (catalog)' },
  publishes: PARTIES_EVENTS,
  build(kernel, ports: { products: ProductDirectory }) {
    const repo = new PartiesRepository(kernel.db);
    const sellers = new SellerService(repo, kernel.sealer, kernel.clock, kernel.events);
    const households = new HouseholdService(repo, kernel.sealer, kernel.clock, ports.products);
    const ledgerRepo = new LedgerRepository(kernel.db);
    const ledger = new LedgerService(ledgerRepo, households, kernel.clock, ports.products, kernel.events);
    const ledgerExport = new LedgerExport(ledger, ledgerRepo, ports.products);
    return {
      provides: { sellers, households, ledger, workbench: new PartiesWorkbenchCounts(repo), farmersById: new FarmersById(repo.db), householdsById: new HouseholdsById(repo.db) },
      routes: partiesRoutes(sellers, households, ledger, ledgerExport),
      // A paid order credits the poor households linked to its seller or products; a refund takes the credits back.
      // In the order's transaction: the ledger never disagrees with the money.
      subscriptions: [inline(OrderPaid, (trx, event) => ledger.credit(trx, event.payload)), inline(OrderRefunded, (trx, event) => ledger.reverse(trx, event.payload.orderId))],
    };
  },
});
