import { systemContext } from '../kernel/context.js';
import { maskName } from '../kernel/mask.js';
import type { CatalogService } from '../modules/catalog/index.js';
import type { RecordNames, RecordRef } from '../modules/identity/index.js';
import type { ParcelService, RunService } from '../modules/logistics/index.js';
import type { NetworkService } from '../modules/network/index.js';
import type { OrdersService } from '../modules/orders/index.js';
import { formatShortNo } from '../modules/orders/index.js';
import type { HouseholdService, SellerService } from '../modules/parties/index.js';
import type { BatchService } from '../modules/trace/index.js';

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

type Namer = (ids: string[]) => Promise<[string, string][]>;

/** One name a record, read as the platform (the audit log is the county office's); a record gone has none. */
const each = (name: (id: string) => Promise<string | null>): Namer => async (ids) => {
  const named = await Promise.all(ids.map(async (id) => [id, await name(id).catch(() => null)] as const));
  return named.filter((n): n is [string, string] => n[1] !== null);
};

interface Doors {
  network: NetworkService;
  sellers: SellerService;
  households: HouseholdService;
  catalog: CatalogService;
  parcels: ParcelService;
  runs: RunService;
  orders: OrdersService;
  batches: BatchService;
}

/**
 * The names the audit log shows for the records other modules own (identity names its users itself): sites,
 * sellers, households and products by name, parcels by waybill tail and the recipient's masked name, orders by
 * their short number (or the masked recipient), runs by route and time, batches by code. Other types stay unnamed.
 */
export function auditRecordNames(m: Doors): RecordNames {
  const ctx = systemContext();
  const namers: Record<string, Namer> = {
    site: each(async (id) => (await m.network.getSite(ctx, id)).name),
    seller: each(async (id) => (await m.sellers.get(ctx, id)).name),
    household: each(async (id) => maskName((await m.households.get(ctx, id)).headName)),
    product: each(async (id) => (await m.catalog.manage(ctx, id)).name),
    parcel: each(async (id) => {
      const p = await m.parcels.get(ctx, id);
      return `${p.waybillNo ? `…${p.waybillNo.slice(-4)} ` : ''}${maskName(p.recipientName)}`.trim();
    }),
    run: each(async (id) => {
      const r = await m.runs.get(ctx, id);
      return `${r.routeName} ${SHANGHAI.format(new Date(r.departsAt))}`;
    }),
    trace_batch: each(async (id) => (await m.batches.get(ctx, id, '')).code),
    order: async (ids) =>
      (await m.orders.briefs(ids)).map((o) => {
        const shortNo = (o as { shortNo?: string | null }).shortNo;
        return [o.id, shortNo ? formatShortNo(shortNo) : maskName(o.recipientName)];
      }),
  };
  return {
    async names(refs: RecordRef[]) {
      const byType = new Map<string, Set<string>>();
      for (const r of refs) if (namers[r.entityType]) byType.set(r.entityType, (byType.get(r.entityType) ?? new Set()).add(r.entityId));
      const names = new Map<string, string>();
      for (const [type, ids] of byType) for (const [id, name] of await namers[type]([...ids])) names.set(`${type}:${id}`, name);
      return names;
    },
  };
}
