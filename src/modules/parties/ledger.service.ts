import type { Kysely } from 'kysely';
import { shanghaiDate } from '../../kernel/clock.js';
import { hasRole, signedIn, type RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import { forbidden } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { HouseholdService } from './households.service.js';
import type { PartiesRepository } from './parties.repository.js';
import type { PartiesTables } from './parties.tables.js';

/** A paid sale, line by line. */
export interface Sale {
  orderId: string;
  sellerId: string;
  paidAt: string;
  lines: { productId: string; lineFen: number }[];
}

type GroupBy = 'household' | 'village' | 'township';

/** The poverty-alleviation ledger (扶贫台账): which households each paid sale helped, and by how much. */
export class LedgerService {
  constructor(
    private readonly repo: PartiesRepository,
    private readonly households: HouseholdService,
  ) {}

  /** Credits the households linked to each line on the day it was paid; runs in the order's transaction. */
  async credit(trx: AnyKysely, sale: Sale): Promise<void> {
    const date = shanghaiDate(new Date(sale.paidAt));
    const rows = [];
    for (const line of sale.lines) {
      for (const credit of await this.households.creditsFor(sale.sellerId, line.productId, date, trx)) {
        rows.push({
          id: newId('led'),
          household_id: credit.householdId,
          village_code: credit.villageCode,
          seller_id: sale.sellerId,
          order_id: sale.orderId,
          product_id: line.productId,
          link_id: credit.linkId,
          sale_fen: line.lineFen,
          share_bp: credit.shareBp,
          credit_fen: Math.floor((line.lineFen * credit.shareBp) / 10_000),
          sale_date: date,
          reversed: 0,
        });
      }
    }
    if (rows.length) await (trx as Kysely<PartiesTables>).insertInto('parties_ledger').values(rows).execute();
  }

  /** A refunded order takes its credits back (marked, not deleted). */
  async reverse(trx: AnyKysely, orderId: string): Promise<void> {
    await (trx as Kysely<PartiesTables>).updateTable('parties_ledger').set({ reversed: 1 }).where('order_id', '=', orderId).execute();
  }

  /** Sales and income per household, village or township over a period (county office, regulators). */
  async summary(ctx: RequestContext, by: GroupBy, from?: string, to?: string) {
    signedIn(ctx);
    if (!hasRole(ctx, 'county_admin', 'regulator')) throw forbidden('The ledger is for the county office and regulators');
    let q = this.repo.db.selectFrom('parties_ledger').where('reversed', '=', 0);
    if (from) q = q.where('sale_date', '>=', from);
    if (to) q = q.where('sale_date', '<=', to);
    const key = by === 'household' ? 'household_id' : 'village_code';
    // One row per group and sold line: a line credited to several households of one village is one sale.
    const rows = await q
      .select([key, 'order_id', 'product_id'])
      .select((eb) => [eb.fn.max<number>('sale_fen').as('sale_fen'), eb.fn.sum<number>('credit_fen').as('credit_fen')])
      .groupBy([key, 'order_id', 'product_id'])
      .execute();
    const merged = new Map<string, { key: string; salesFen: number; incomeFen: number; orders: Set<string> }>();
    for (const r of rows as Record<string, unknown>[]) {
      const raw = String(r[key]);
      const k = by === 'township' ? raw.slice(0, 9) : raw;
      const entry = merged.get(k) ?? { key: k, salesFen: 0, incomeFen: 0, orders: new Set<string>() };
      entry.salesFen += Number(r.sale_fen);
      entry.incomeFen += Number(r.credit_fen);
      entry.orders.add(String(r.order_id));
      merged.set(k, entry);
    }
    return [...merged.values()].map((e) => ({ key: e.key, salesFen: e.salesFen, incomeFen: e.incomeFen, orders: e.orders.size })).sort((a, b) => b.incomeFen - a.incomeFen);
  }
  /** One household's credits, newest first: for the county office, regulators and the household itself. */
  async ofHousehold(ctx: RequestContext, householdId: string) {
    await this.households.get(ctx, householdId);
    const rows = await this.repo.db.selectFrom('parties_ledger').selectAll().where('household_id', '=', householdId).orderBy('sale_date', 'desc').orderBy('id', 'desc').limit(500).execute();
    const live = rows.filter((r) => r.reversed === 0);
    return {
      householdId,
      totalIncomeFen: live.reduce((n, r) => n + r.credit_fen, 0),
      totalSalesFen: live.reduce((n, r) => n + r.sale_fen, 0),
      entries: rows.map((r) => ({ orderId: r.order_id, productId: r.product_id, sellerId: r.seller_id, saleFen: r.sale_fen, shareBp: r.share_bp, creditFen: r.credit_fen, saleDate: r.sale_date, reversed: r.reversed === 1 })),
    };
  }
}
