import type { Modules } from '../app.js';
import type { Clock } from '../kernel/clock.js';
import type { RequestContext, Role } from '../kernel/context.js';

const DAY_MS = 86400_000;
const POINT = 'site_ld3_530621110205';
const BUYERS = [
  { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' },
  { name: '王芳', phone: '13900139000', address: '昆明市五华区人民中路 20 号', divisionCode: '530102' },
  { name: '马建华', phone: '13700137000', address: '鲁甸县乐红镇乐红村', divisionCode: '530621110205' },
];

/** Services whose "now" is a given moment: the demo's history is written through them as it happened. */
export type ModulesAt = (clock: Clock) => Modules;

/** Acting as a demo account, as it would through the API. */
export function as(userId: string, username: string, roles: Role[], scope: { kind: 'county' | 'township' | 'site'; id: string }): RequestContext {
  return { principal: { userId, username, displayName: username, roles, scope, via: 'system' }, ip: '127.0.0.1', requestId: 'demo' };
}

/**
 * Four months of orders by the demo buyer across the demo catalogue — paid in cash at 乐红村's point or on
 * delivery, shipped, delivered and mostly completed — so the ledger and the seller's orders have history; and a
 * presale for the next apple harvest. Skipped when the demo buyer already has completed orders (the history's).
 */
export async function loadDemoOrders(modulesAt: ModulesAt, users: Record<string, string>, now: Date): Promise<{ orders: number }> {
  const buyer = as(users['demo.consumer'], 'demo.consumer', ['consumer'], { kind: 'county', id: '530621' });
  const point = as(users['demo.village'], 'demo.village', ['village_operator'], { kind: 'site', id: POINT });
  const county = as(users['demo.county'], 'demo.county', ['county_admin'], { kind: 'county', id: '530621' });
  const today = modulesAt({ now: () => now });
  if ((await today.orders.service.list(buyer, { status: 'completed' }, 1)).items.length > 0) return { orders: 0 };

  const products = (await today.catalog.shop.search({}, 100)).items.filter((p) => p.skus.some((k) => k.available > 10));
  let placed = 0;
  for (let day = 120; day >= 1; day -= 2) {
    const at = (hours: number) => ({ now: () => new Date(now.getTime() - day * DAY_MS + hours * 3600_000) });
    const product = products[(day * 7) % products.length];
    const sku = product.skus[day % product.skus.length];
    const cash = day % 3 !== 0;
    const shipTo = BUYERS[day % BUYERS.length];
    const [order] = await modulesAt(at(0)).orders.service.checkout(buyer, {
      items: [{ skuId: sku.id, quantity: 1 + (day % 3) }],
      paymentMethod: cash ? 'village_cash' : 'cod',
      delivery: shipTo.divisionCode.startsWith('530621110') ? 'same_town' : 'parcel',
      pickupSiteId: cash ? POINT : undefined,
      shipTo,
    });
    placed++;
    if (cash) await modulesAt(at(2)).orders.service.confirmCash(point, order.id);
    if (day <= 3) continue;
    await modulesAt(at(20)).orders.service.ship(county, order.id, 'ems', `EM${String(100000000 + day * 977).slice(0, 9)}CN`);
    await modulesAt(at(48)).orders.service.deliver(county, order.id);
    if (day > 10) await modulesAt(at(72)).orders.service.complete(buyer, order.id);
  }

  const apple = products.find((p) => p.name.includes('苹果') && p.sellerName?.includes('龙头山'));
  if (apple) {
    const year = now.getUTCFullYear() + (now.getUTCMonth() >= 8 ? 1 : 0);
    const campaign = await today.orders.campaigns.create(county, { skuId: apple.skus[0].id, title: `${year} 年龙头山新季红富士预售`, priceFen: 3590, targetQty: 500, deadline: `${year}-08-31T15:59:59.000Z`, shipDate: `${year}-09-20` });
    for (const shipTo of BUYERS) {
      const order = await today.orders.campaigns.back(buyer, campaign.id, 2, { paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
      await today.orders.service.confirmCash(point, order.id);
      placed++;
    }
  }
  // This morning's order a villager will pay for in cash at 乐红村's point: the point's 工作台 has cash to collect.
  const local = products.find((p) => p.sellerName?.includes('乐红'));
  if (local) {
    await today.orders.service.checkout(buyer, { items: [{ skuId: local.skus[0].id, quantity: 1 }], paymentMethod: 'village_cash', delivery: 'same_town', pickupSiteId: POINT, shipTo: BUYERS[2] });
    placed++;
  }
  return { orders: placed };
}
