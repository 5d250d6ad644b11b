import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { maskName } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import type { StationPlaces } from './ports.js';
import type { ProduceTables } from './produce.tables.js';
import type { StationsTables } from './stations.tables.js';

/** After this many unknown codes in an hour, an address is refused whatever it asks, until the hour ends. */
export const RECEIPT_MISSES_PER_HOUR = 20;
const HOUR_MS = 3600_000;
/** A receipt code as the phone makes it: 22–43 base64url characters (≥ 128 random bits). */
export const RECEIPT_CODE = /^[A-Za-z0-9_-]{22,43}$/;

/** What the public receipt page shows: never the customer's full name, phone or ID, never an id. */
export type ReceiptCheck =
  | { status: 'unknown' }
  | {
      status: 'valid' | 'voided';
      siteName: string;
      townshipName: string;
      at: string;
      summary: string;
      amountFen: number;
      feeFen: number;
      customer: string | null;
      recordedByName: string;
      /** A purchase receipt's lines, others none. */
      lines: { gradeName: string; netG: number; priceFenPerKg: number; amountFen: number }[];
      produceName: string | null;
      traceCode: string | null;
    };

/**
 * The public receipt check behind `/r/<code>`. Unknown codes are counted per address (a keyed fingerprint of it,
 * never the address, in `stations_receipt_lookups`, one row upserted so every process counts the same): after
 * `RECEIPT_MISSES_PER_HOUR` in an hour the address gets 429 with `retryAfterSeconds`, so codes cannot be found by
 * trying (they carry ≥ 128 random bits anyway).
 */
export class ReceiptLookup {
  constructor(
    private readonly db: Kysely<ProduceTables & StationsTables>,
    private readonly places: StationPlaces,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  async check(code: string, ip: string): Promise<ReceiptCheck> {
    const now = this.clock.now();
    const key = `ip:${this.sealer.fingerprint(ip).slice(0, 32)}`;
    const counter = await this.db.selectFrom('stations_receipt_lookups').selectAll().where('key', '=', key).executeTakeFirst();
    if (counter && Date.parse(counter.window_start) + HOUR_MS > now.getTime() && Number(counter.misses) >= RECEIPT_MISSES_PER_HOUR) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(counter.window_start) + HOUR_MS - now.getTime()) / 1000));
      throw new AppError(429, 'TOO_MANY_LOOKUPS', `查询太频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试 Too many lookups of unknown codes; try again later`, { retryAfterSeconds });
    }
    const row = RECEIPT_CODE.test(code) ? await this.db.selectFrom('stations_records').selectAll().where('receipt_code', '=', code).executeTakeFirst() : undefined;
    if (!row) {
      await this.miss(key, now);
      return { status: 'unknown' };
    }
    const [site, customer] = await Promise.all([
      this.places.site(row.site_id),
      row.customer_id ? this.db.selectFrom('stations_customers').select('name').where('id', '=', row.customer_id).executeTakeFirst() : undefined,
    ]);
    const details = JSON.parse(row.details) as { produceName?: string; lines?: { gradeName: string; netG: number; priceFenPerKg: number; amountFen: number }[]; traceBatch?: { code: string } | null };
    const purchase = row.type === 'purchase.receipt';
    return {
      status: row.voided_by ? 'voided' : 'valid',
      siteName: site?.name ?? '站点',
      townshipName: site?.townshipName ?? '',
      at: row.at,
      summary: row.summary,
      amountFen: Number(row.amount_fen),
      feeFen: Number(row.fee_fen),
      customer: customer ? maskName(customer.name) : null,
      recordedByName: maskName(row.recorded_by_name),
      lines: purchase ? (details.lines ?? []).map((l) => ({ gradeName: l.gradeName, netG: l.netG, priceFenPerKg: l.priceFenPerKg, amountFen: l.amountFen })) : [],
      produceName: purchase ? (details.produceName ?? null) : null,
      traceCode: purchase ? (details.traceBatch?.code ?? null) : null,
    };
  }

  private async miss(key: string, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('stations_receipt_lookups')
        .values({ key, window_start: now.toISOString(), misses: 0 })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ misses: eb.ref('stations_receipt_lookups.misses') })))
        .returning(['window_start', 'misses'])
        .executeTakeFirstOrThrow();
      const fresh = Date.parse(row.window_start) + HOUR_MS <= now.getTime();
      await trx
        .updateTable('stations_receipt_lookups')
        .set({ misses: (fresh ? 0 : Number(row.misses)) + 1, ...(fresh && { window_start: now.toISOString() }) })
        .where('key', '=', key)
        .execute();
    });
  }

  /** Drops counters whose hour has passed (hourly; a stale row is also reset when next used). */
  async purgeCounters(): Promise<number> {
    const result = await this.db.deleteFrom('stations_receipt_lookups').where('window_start', '<', new Date(this.clock.now().getTime() - HOUR_MS).toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
