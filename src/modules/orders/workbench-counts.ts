import { sql } from 'kysely';
import { signedIn, type RequestContext } from '../../kernel/context.js';
import type { OrdersRepository } from './orders.repository.js';
import type { OrderStatus } from './orders.tables.js';
import type { OrdersDirectory } from './ports.js';

/** Orders a seller still has to send: paid (online or cash at a point) or cash on delivery confirmed. */
const TO_SHIP: OrderStatus[] = ['paid', 'confirmed'];

/** The orders figures of the 工作台 (workbench module), scoped as 订单管理 and 代收订单 are. */
export class OrdersWorkbenchCounts {
  constructor(
    private readonly repo: OrdersRepository,
    private readonly directory: OrdersDirectory,
  ) {}

  /** Orders of the sellers the caller manages (a merchant its own, a village point its farmers') waiting to ship. */
  async toShip(ctx: RequestContext): Promise<number> {
    const sellers = await this.directory.managedBy(signedIn(ctx).userId);
    if (!sellers.length) return 0;
    const row = await this.repo.db.selectFrom('orders_orders').select(sql<number>`count(*)`.as('n')).where('seller_id', 'in', sellers).where('status', 'in', TO_SHIP).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Orders a village point collects the cash for and has not yet: how many, and how much (fen). */
  async cashToCollect(ctx: RequestContext): Promise<{ orders: number; totalFen: number }> {
    const principal = signedIn(ctx);
    if (principal.scope.kind !== 'site') return { orders: 0, totalFen: 0 };
    const row = await this.repo.db
      .selectFrom('orders_orders')
      .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(total_fen), 0)`.as('fen')])
      .where('pickup_site_id', '=', principal.scope.id)
      .where('payment_method', '=', 'village_cash')
      .where('status', '=', 'pending_payment')
      .executeTakeFirstOrThrow();
    return { orders: Number(row.n), totalFen: Number(row.fen) };
  }
}
