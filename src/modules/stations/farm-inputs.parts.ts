import type { Kysely } from 'kysely';
import type { KernelServices } from '../../kernel/module.js';
import { FarmInputPurchases } from './farm-inputs.purchases.js';
import { farmInputRoutes } from './farm-inputs.routes.js';
import { FarmInputService } from './farm-inputs.service.js';
import type { FarmInputsTables } from './farm-inputs.tables.js';

/**
 * 农资 farm inputs (E): the county's catalogue and its routes, and the purchases traceability shows beside a
 * producer's farm records. The record handlers (handlers/farm-input.ts) and the desk parts (farm-inputs.desk.ts)
 * are registered in the core's lists.
 */
export function farmInputParts(kernel: KernelServices) {
  const db = kernel.db as unknown as Kysely<FarmInputsTables>;
  const catalogue = new FarmInputService(db, kernel.clock);
  return { catalogue, purchases: new FarmInputPurchases(db), routes: farmInputRoutes(catalogue) };
}
