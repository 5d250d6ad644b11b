import { sql, type Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { afterKey } from '../../kernel/http/keyset.js';
import { newId } from '../../kernel/ids.js';
import type { StationsTables, StockKind, StockRow, StockUnit } from './stations.tables.js';

/** Thrown when a move would take a site's stock below zero (the batch turns it into a refusal). */
export class StockShort extends Error {
  constructor(
    readonly item: { kind: StockKind; key: string; grade: string; name: string },
    readonly available: number,
  ) {
    super(`库存不足：${item.name}${item.grade ? `（${item.grade}）` : ''}`);
    this.name = 'StockShort';
  }
}

export interface StockItem {
  kind: StockKind;
  key: string;
  grade?: string;
  /** The Chinese name shown (e.g. 花椒 · 一级, 复合肥 50kg). */
  name: string;
}

export interface StockMoveInput {
  siteId: string;
  item: StockItem;
  /** Grams or units, + in, − out. */
  delta: number;
  unit: StockUnit;
  recordId: string;
}

/**
 * What each site holds, changed only by moves that name their record: `move` refuses to go below zero (STOCK_INSUFFICIENT),
 * `reverse` takes back exactly what one record moved (a void).
 */
export class StationStock {
  constructor(private readonly clock: Clock) {}

  async move(trx: Kysely<StationsTables>, input: StockMoveInput): Promise<void> {
    if (!Number.isSafeInteger(input.delta) || input.delta === 0) return;
    const now = this.clock.now().toISOString();
    const grade = input.item.grade ?? '';
    const key = { site_id: input.siteId, item_kind: input.item.kind, item_key: input.item.key, grade };
    await trx
      .insertInto('stations_stock')
      .values({ ...key, name: input.item.name, unit: input.unit, quantity: 0, updated_at: now })
      .onConflict((oc) => oc.columns(['site_id', 'item_kind', 'item_key', 'grade']).doNothing())
      .execute();
    // One conditional update: two records taking the last of an item cannot both succeed.
    const result = await trx
      .updateTable('stations_stock')
      .set({ quantity: sql`quantity + ${input.delta}`, name: input.item.name, updated_at: now })
      .where('site_id', '=', key.site_id)
      .where('item_kind', '=', key.item_kind)
      .where('item_key', '=', key.item_key)
      .where('grade', '=', grade)
      .where(sql<boolean>`quantity + ${input.delta} >= 0`)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const row = await this.item(trx, key.site_id, key.item_kind, key.item_key, grade);
      throw new StockShort({ kind: key.item_kind, key: key.item_key, grade, name: input.item.name }, row?.quantity ?? 0);
    }
    await trx
      .insertInto('stations_stock_moves')
      .values({ id: newId('smov'), ...key, record_id: input.recordId, name: input.item.name, unit: input.unit, delta: input.delta, at: now })
      .execute();
  }

  /** Takes back every move of `recordId`, as moves of `byRecordId` (a void); refused below zero like any move. */
  async reverse(trx: Kysely<StationsTables>, recordId: string, byRecordId: string): Promise<void> {
    const moves = await trx.selectFrom('stations_stock_moves').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
    for (const m of moves) {
      await this.move(trx, { siteId: m.site_id, item: { kind: m.item_kind, key: m.item_key, grade: m.grade, name: m.name }, delta: -Number(m.delta), unit: m.unit, recordId: byRecordId });
    }
  }

  item(db: Kysely<StationsTables>, siteId: string, kind: StockKind, key: string, grade = ''): Promise<StockRow | undefined> {
    return db.selectFrom('stations_stock').selectAll().where('site_id', '=', siteId).where('item_kind', '=', kind).where('item_key', '=', key).where('grade', '=', grade).executeTakeFirst();
  }

  /** What a site holds (quantity > 0), by kind, item and grade, after a keyset key. */
  holdings(db: Kysely<StationsTables>, siteId: string, kind?: StockKind, after?: string[], limit = 1000): Promise<StockRow[]> {
    let q = db.selectFrom('stations_stock').selectAll().where('site_id', '=', siteId).where('quantity', '>', 0);
    if (kind) q = q.where('item_kind', '=', kind);
    if (after) q = q.where((eb) => afterKey(eb, ['item_kind', 'item_key', 'grade'], after));
    return q.orderBy('item_kind').orderBy('item_key').orderBy('grade').limit(limit).execute();
  }
}
