import type { AnyKysely } from '../../kernel/db.js';
import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import { ordersInit } from './migrations/2026-11-28-orders.js';
import { ordersSettlement } from './migrations/2026-12-06-orders-settlement.js';
import { OrdersRepository } from './orders.repository.js';
import { ordersRoutes } from './orders.routes.js';
import { OrdersService } from './orders.service.js';
import { CampaignService } from './campaigns.service.js';
import { LocalPaymentProvider, type PaymentProvider } from './payments.js';
import type { OrdersDirectory, SaleHooks, StockKeeper } from './ports.js';

export type { OrdersService } from './orders.service.js';
export type { CampaignService } from './campaigns.service.js';
export type { OrderView, CheckoutInput } from './orders.schema.js';
export type { CommittedOrder, OrderBrief, OrdersDirectory, PaidSale, ReservedLine, SaleHooks, StockKeeper } from './ports.js';
export { LocalPaymentProvider, type PaymentProvider } from './payments.js';

/**
 * Checkout with stock reservation, payments (village-point cash, cash on delivery, online), shipping and refunds.
 * Online payments need a provider: the local one pays with no money, so it exists only in a demo
 * (`simulatedPayments`); without a provider an online checkout is refused and its routes are not mounted.
 */
export function ordersModule(deps: ModuleDeps & { stock: StockKeeper; hooks: SaleHooks; directory: OrdersDirectory; payments?: PaymentProvider; simulatedPayments?: boolean }) {
  const payments = deps.payments ?? (deps.simulatedPayments ? new LocalPaymentProvider() : null);
  const repo = new OrdersRepository(deps.db as AnyKysely);
  const service = new OrdersService(repo, deps.stock, deps.hooks, deps.directory, payments, deps.clock);
  const campaigns = new CampaignService(repo, service, deps.stock, deps.directory, deps.clock);
  const local = payments instanceof LocalPaymentProvider ? payments : null;
  return defineModule({ name: 'orders', migrations: [ordersInit, ordersSettlement], service, campaigns, routes: ordersRoutes(service, campaigns, local) });
}
