import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { AppError, forbidden } from '../../kernel/errors.js';
import type { CheckoutInput, OrderView, WalkInInput } from './orders.schema.js';
import type { OrdersService } from './orders.service.js';
import type { OrdersDirectory, OrderTexts } from './ports.js';
import { formatShortNo } from './short-number.js';

const SHANGHAI_MS = 8 * 3600_000;

/** "12月8日20:00" in the county's time, as a text says when to pay by. */
function payByText(iso: string): string {
  const local = new Date(new Date(iso).getTime() + SHANGHAI_MS);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * 代下单: a village point orders for a villager who has no account (a walk-in). The order is cash at that point, the
 * goods come to the point, and the villager gets a text with the order number to pay and collect by. Only the point's
 * own operators place one, and only at their point; the operator is the buyer of record (who answers for it).
 */
export class WalkInService {
  constructor(
    private readonly orders: OrdersService,
    private readonly directory: OrdersDirectory,
    private readonly texts: OrderTexts,
    private readonly clock: Clock,
  ) {}

  async place(ctx: RequestContext, input: WalkInInput): Promise<OrderView[]> {
    const principal = requireRole(ctx, 'village_operator');
    if (principal.scope.kind !== 'site') throw forbidden('Only a village point orders for a walk-in villager');
    const point = await this.directory.pickupPoint(principal.scope.id);
    if (!point) throw new AppError(409, 'POINT_NOT_OPERATING', 'Your village point is not operating now, so it cannot take cash for orders');
    const checkout: CheckoutInput = {
      items: input.items,
      paymentMethod: 'village_cash',
      delivery: input.delivery ?? 'parcel',
      shipTo: { name: input.name.trim(), phone: input.phone, address: `${point.name}（到服务点取货）`, divisionCode: point.divisionCode },
      pickupSiteId: point.id,
    };
    let fee: number;
    try {
      fee = await this.orders.feeFor(checkout);
    } catch (err) {
      // The point's township has no same-town fee: the field the point chose is the delivery.
      if (err instanceof AppError && err.status === 400) throw new AppError(400, err.code, 'body.delivery: same-town delivery is not offered in this township; choose parcel', { field: 'body.delivery' });
      throw err;
    }
    return this.orders.placeCart(ctx, checkout, fee, { pickup: point, walkIn: true }, (trx, { row, items }) =>
      this.texts.send(trx, {
        phone: input.phone,
        template: 'order_at_point',
        params: {
          county: point.countyName,
          point: point.name,
          items: items.map((i) => `${i.product_name}×${i.quantity}`).join('、').slice(0, 40),
          amount: yuan(row.total_fen),
          orderNo: formatShortNo(row.short_no),
          payBy: payByText(row.expires_at ?? this.clock.now().toISOString()),
        },
        ref: row.id,
      }),
    );
  }
}
