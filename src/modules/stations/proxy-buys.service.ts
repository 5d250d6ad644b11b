import { Type, type Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { readableSite, sightOf } from './access.js';
import type { StationPlaces } from './ports.js';
import { PARCEL_STATUS_LABELS, type StationParcels } from './services.ports.js';
import { PLATFORM_LABELS, PROXY_BUY_PLATFORMS, PROXY_BUY_STATUSES, type ProxyBuyRow, type ProxyBuyStatus, type ServicesDb } from './services.tables.js';

export const PROXY_BUY_STATUS_LABELS: Record<ProxyBuyStatus, string> = { open: '进行中', done: '已交货', cancelled: '已取消', voided: '已撤销' };

/** Where an open proxy buy is: the step the operator waits on. */
const STAGE_LABELS = { requested: '待下单', ordered: '已下单', parcel: '已到件', done: '已交货', cancelled: '已取消' } as const;

export const ProxyBuyViewSchema = Type.Object({
  id: Type.String({ description: 'the request record’s id' }),
  clientId: Type.String({ description: 'the request’s clientId (later steps send it as proxyBuyClientId)' }),
  siteId: Type.String(),
  siteName: Type.String(),
  day: Type.String(),
  requestedAt: Type.String(),
  status: StringEnum(PROXY_BUY_STATUSES),
  statusName: Type.String(),
  stage: StringEnum(Object.keys(STAGE_LABELS) as (keyof typeof STAGE_LABELS)[]),
  stageName: Type.String(),
  customer: Nullable(Type.Object({ id: Type.String(), name: Type.String(), phoneMasked: Nullable(Type.String()), poor: Type.Boolean() })),
  item: Type.String(),
  quantityText: Nullable(Type.String()),
  budgetFen: Nullable(Type.Integer()),
  depositFen: Type.Integer(),
  platform: Nullable(StringEnum(PROXY_BUY_PLATFORMS)),
  platformName: Nullable(Type.String()),
  externalOrderNo: Nullable(Type.String()),
  costFen: Nullable(Type.Integer()),
  orderedAt: Nullable(Type.String()),
  waybillNo: Nullable(Type.String()),
  carrier: Nullable(Type.String()),
  parcelAt: Nullable(Type.String()),
  parcel: Nullable(Type.Object({ id: Type.String(), status: Nullable(Type.String()), statusName: Nullable(Type.String()) }, { description: 'the logistics parcel of the waybill, as logistics knows it now' })),
  feeFen: Nullable(Type.Integer()),
  collectedFen: Nullable(Type.Integer()),
  handedOverAt: Nullable(Type.String()),
  refundFen: Nullable(Type.Integer()),
  cancelReason: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
});
export type ProxyBuyView = Static<typeof ProxyBuyViewSchema>;

export interface ProxyBuyFilter {
  siteId?: string;
  status?: (typeof PROXY_BUY_STATUSES)[number];
}

/** Open proxy buys the desk gives the phone at most (the oldest open beyond it are in GET /stations/proxy-buys). */
export const DESK_OPEN_PROXY_BUYS = 500;

/** 代买 read side: a site's proxy buys in the caller's sight, with the customer masked and the parcel as logistics knows it. */
export class ProxyBuysService {
  private readonly db: ServicesDb;

  constructor(
    db: AnyKysely,
    private readonly places: StationPlaces,
    private readonly parcels: StationParcels,
  ) {
    this.db = db as ServicesDb;
  }

  async list(ctx: RequestContext, filter: ProxyBuyFilter, limit: number, cursor?: string): Promise<PageResult<ProxyBuyView>> {
    const sight = await sightOf(ctx, this.places);
    if (filter.siteId) await readableSite(ctx, this.places, filter.siteId);
    const after = decodeCursor(cursor);
    let q = this.db.selectFrom('stations_proxy_buys').selectAll().orderBy('id', 'desc').limit(limit + 1);
    if (sight.kind === 'township') q = q.where('township_code', '=', sight.code);
    if (sight.kind === 'site') q = q.where('site_id', '=', sight.siteId);
    if (filter.siteId) q = q.where('site_id', '=', filter.siteId);
    q = filter.status ? q.where('status', '=', filter.status) : q.where('status', '!=', 'voided');
    if (after) q = q.where('id', '<', after);
    const page = toPage(await q.execute(), limit, (r) => r.id);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  /** A site's open proxy buys for the phone's desk, newest first (the caller's sight was checked by the desk). */
  async openOf(siteId: string): Promise<ProxyBuyView[]> {
    const rows = await this.db.selectFrom('stations_proxy_buys').selectAll().where('site_id', '=', siteId).where('status', '=', 'open').orderBy('id', 'desc').limit(DESK_OPEN_PROXY_BUYS).execute();
    return this.views(rows);
  }

  private async views(rows: ProxyBuyRow[]): Promise<ProxyBuyView[]> {
    if (rows.length === 0) return [];
    const customerIds = [...new Set(rows.map((r) => r.customer_id).filter((id): id is string => !!id))];
    const customers = customerIds.length
      ? await (this.db as unknown as Kysely<{ stations_customers: { id: string; name: string; phone_masked: string | null; poor: number } }>)
          .selectFrom('stations_customers')
          .select(['id', 'name', 'phone_masked', 'poor'])
          .where('id', 'in', customerIds)
          .execute()
      : [];
    const customer = new Map(customers.map((c) => [c.id, { id: c.id, name: c.name, phoneMasked: c.phone_masked, poor: Number(c.poor) === 1 }]));
    const waybills = rows.filter((r) => r.waybill_no && r.status !== 'cancelled').map((r) => r.waybill_no!);
    const parcels = new Map((waybills.length ? await this.parcels.byWaybill(waybills).catch(() => []) : []).map((p) => [p.waybillNo, p]));
    const siteNames = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.site_id))) siteNames.set(id, (await this.places.site(id))?.name ?? '');
    return rows.map((r) => {
      const parcel = r.waybill_no ? parcels.get(r.waybill_no) : undefined;
      const stage = r.status === 'done' ? 'done' : r.status === 'cancelled' ? 'cancelled' : r.waybill_no ? 'parcel' : r.external_order_no ? 'ordered' : 'requested';
      const status = r.status === 'voided' ? 'cancelled' : r.status;
      return {
        id: r.id,
        clientId: r.client_id,
        siteId: r.site_id,
        siteName: siteNames.get(r.site_id) ?? '',
        day: r.day,
        requestedAt: r.requested_at,
        status,
        statusName: PROXY_BUY_STATUS_LABELS[r.status],
        stage,
        stageName: STAGE_LABELS[stage],
        customer: r.customer_id ? (customer.get(r.customer_id) ?? null) : null,
        item: r.item,
        quantityText: r.quantity_text,
        budgetFen: r.budget_fen === null ? null : Number(r.budget_fen),
        depositFen: Number(r.deposit_fen),
        platform: r.platform,
        platformName: r.platform === 'other' && r.platform_name ? r.platform_name : r.platform ? PLATFORM_LABELS[r.platform] : null,
        externalOrderNo: r.external_order_no,
        costFen: r.cost_fen === null ? null : Number(r.cost_fen),
        orderedAt: r.ordered_at,
        waybillNo: r.waybill_no,
        carrier: r.carrier ?? parcel?.carrier ?? null,
        parcelAt: r.parcel_at,
        parcel: parcel ? { id: parcel.parcelId, status: parcel.status, statusName: PARCEL_STATUS_LABELS[parcel.status] ?? parcel.status } : r.parcel_id ? { id: r.parcel_id, status: null, statusName: null } : null,
        feeFen: r.fee_fen === null ? null : Number(r.fee_fen),
        collectedFen: r.collected_fen === null ? null : Number(r.collected_fen),
        handedOverAt: r.handed_over_at,
        refundFen: r.refund_fen === null ? null : Number(r.refund_fen),
        cancelReason: r.cancel_reason,
        cancelledAt: r.cancelled_at,
      };
    });
  }
}
