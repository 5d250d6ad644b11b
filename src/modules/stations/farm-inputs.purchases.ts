import type { Kysely } from 'kysely';
import { afterKey, cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import type { PageResult } from '../../kernel/http/paging.js';
import type { FarmInputsTables } from './farm-inputs.tables.js';
import type { FarmInputKind } from './registration-number.js';

/** A farm input a producer bought at a station or point (a sale not voided). */
export interface FarmInputPurchase {
  recordId: string;
  /** The sale's Shanghai date. */
  day: string;
  at: string;
  siteName: string;
  kind: FarmInputKind;
  name: string;
  spec: string;
  unit: string;
  registrationNo: string | null;
  quantity: number;
  amountFen: number;
}

/** What traceability reads of the farm-input sales: a producer's purchases, newest first. */
export class FarmInputPurchases {
  constructor(private readonly db: Kysely<FarmInputsTables>) {}

  async ofProducer(producerId: string, limit: number, cursor?: string): Promise<PageResult<FarmInputPurchase>> {
    const key = cursorKey(cursor, 2);
    let q = this.db.selectFrom('stations_farm_input_sales').selectAll().where('producer_id', '=', producerId).where('voided', '=', 0).orderBy('day', 'desc').orderBy('record_id', 'desc').limit(limit + 1);
    if (key) q = q.where((eb) => afterKey(eb, ['day', 'record_id'], key, 'desc'));
    const page = toKeysetPage(await q.execute(), limit, (r) => [r.day, r.record_id]);
    return {
      items: page.items.map((r) => ({ recordId: r.record_id, day: r.day, at: r.at, siteName: r.site_name, kind: r.kind, name: r.name, spec: r.spec, unit: r.unit, registrationNo: r.registration_no, quantity: Number(r.quantity), amountFen: Number(r.amount_fen) })),
      nextCursor: page.nextCursor,
    };
  }
}
