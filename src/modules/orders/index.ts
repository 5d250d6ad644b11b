import type { AnyKysely } from '../../kernel/db.js';
import { defineModule } from '../../kernel/module.js';
import { ORDER_EVENTS, saleEvents } from './events.js';
import { ordersJobs } from './jobs.js';
import { ordersInit } from './migrations/2026-11-28-orders.js';
import { ordersSettlement } from './migrations/2026-12-06-orders-settlement.js';
import { ordersShortNo } from './migrations/2026-12-07-orders-short-no.js';
import { OrdersRepository } from './orders.repository.js';
import { ordersRoutes } from './orders.routes.js';
import { OrdersService } from './orders.service.js';
import { CampaignService } from './campaigns.service.js';
import { OrdersWorkbenchCounts } from './workbench-counts.js';
import { WalkInService } from './walk-in.service.js';
import { LocalPaymentProvider, type PaymentProvider } from './payments.js';
import type { OrdersDirectory, OrderTexts, RecallCheck, StockKeeper } from './ports.js';

export type { OrdersService } from './orders.service.js';
export type { CampaignService } from './campaigns.service.js';
export type { OrdersWorkbenchCounts } from './workbench-counts.js';
export type { OrderView, CheckoutInput } from './orders.schema.js';
export type { CommittedOrder, OrderBrief, OrdersDirectory, OrderTexts, PaidSale, PickupPoint, RecallCheck, ReservedLine, StockKeeper } from './ports.js';
export { formatShortNo, isShortNo } from './short-number.js';
export { LocalPaymentProvider, type PaymentProvider } from './payments.js';

/**
 * Checkout with stock reservation, payments (village-point cash, cash on delivery, online), shipping and refunds.
 * Online payments need a provider: the local one pays with no money, so it exists only in a demo
 * (`settings.demoMode`); without a provider an online checkout is refused and its routes are not mounted.
 */
export const ordersModule = defineModule({
  name: 'orders',
  tablePrefix: 'orders_',
  summary: '订单与支付 Checkout with stock reservation, payments, presales, shipping and refunds',
  migrations: [ordersInit, ordersSettlement, ordersShortNo],
  requires: {
    stock: 'reserving, releasing and consuming SKU stock in the order’s transaction (catalog)',
    directory: 'sellers an account manages and may sell now, village points that take cash (parties, network)',
    recalls: 'whether an order holds units of a recalled batch (trace)',
    texts: 'a text to a walk-in villager with the order number (notify)',
  },
  publishes: ORDER_EVENTS,
  build(kernel, ports: { stock: StockKeeper; directory: OrdersDirectory; recalls: RecallCheck; texts: OrderTexts }) {
    const payments: PaymentProvider | null = kernel.settings.demoMode ? new LocalPaymentProvider() : null;
    const repo = new OrdersRepository(kernel.db as AnyKysely);
    const service = new OrdersService(repo, ports.stock, saleEvents(kernel.events, ports.recalls), ports.directory, payments, kernel.clock);
    const walkIns = new WalkInService(service, ports.directory, ports.texts, kernel.clock);
    const campaigns = new CampaignService(repo, service, ports.stock, ports.directory, kernel.clock);
    return { provides: { service, campaigns, workbench: new OrdersWorkbenchCounts(repo, ports.directory) }, jobs: ordersJobs(service, campaigns), routes: ordersRoutes(service, campaigns, walkIns, payments instanceof LocalPaymentProvider ? payments : null) };
  },
});
