import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { DayCell, FigureCells, ParcelCell, PeopleCell, ServiceCell } from './figures-rule.js';
import type { FiguresTables } from './parcel-days.js';
import type { StationsTables } from './stations.tables.js';

type Db = StationsTables & FiguresTables;

/** Which sites a question covers: every one, a township's, or some sites (already checked against the caller's sight). */
export interface FigureWhere {
  from: string;
  to: string;
  township?: string;
  siteIds?: string[];
}

/** Record types that are the till's own, never a service's (they carry no money of a service). */
const TILL_TYPES = ['day.open', 'day.close', 'record.void'];

/**
 * The type prefix a follow-up record shares with its service (a consignment payout, a proxy buy's order or cancel), so
 * any fee it carries counts under that kind though the record is not a service on its own (代买 itself counts at its
 * hand-over, a service record).
 */
const FAMILY: Record<string, string> = {
  proxy_buy: 'proxy_buy',
  consignment: 'consignment',
  purchase: 'purchase',
  bill: 'bill',
  ticket: 'ticket',
  cash: 'cash_withdrawal',
  loan: 'loan_referral',
  farm_input: 'farm_input',
};

export const kindOfRecord = (type: string, service: string | null): string | null => service ?? FAMILY[type.slice(0, type.indexOf('.'))] ?? null;

/**
 * The figures' reads: sums the database makes per site, day and kind over the records not voided, the days and the
 * parcels, within a span of Shanghai days. Read-only; the records and days belong to the core (records.*, days.*).
 */
export class FiguresRepository {
  private readonly db: Kysely<Db>;

  constructor(db: AnyKysely) {
    this.db = db as unknown as Kysely<Db>;
  }

  private scoped<T extends keyof Db, O>(q: SelectQueryBuilder<Db, T, O>, w: FigureWhere): SelectQueryBuilder<Db, T, O> {
    // The column names are the same in every table read here.
    let out = q.where(sql.ref('day'), '>=', w.from).where(sql.ref('day'), '<=', w.to);
    if (w.township) out = out.where(sql.ref('township_code'), '=', w.township);
    if (w.siteIds) out = out.where(sql.ref('site_id'), 'in', w.siteIds.length > 0 ? w.siteIds : ['']);
    return out;
  }

  async cells(w: FigureWhere): Promise<FigureCells> {
    const [money, people, peopleByKind, parcels, days] = await Promise.all([
      this.scoped(this.db.selectFrom('stations_records'), w)
        .where('voided_by', 'is', null)
        .where('type', 'not in', TILL_TYPES)
        .select(['site_id', 'township_code', 'day', 'service', 'type'])
        .select((eb) => [
          eb.fn.count<number | string>(sql`service`).as('services'),
          eb.fn.sum<number | string>('amount_fen').as('amount'),
          eb.fn.sum<number | string>('fee_fen').as('fee'),
        ])
        .groupBy(['site_id', 'township_code', 'day', 'service', 'type'])
        .execute(),
      this.scoped(this.db.selectFrom('stations_records'), w)
        .where('voided_by', 'is', null)
        .where('service', 'is not', null)
        .select(['site_id', 'township_code', 'day'])
        .select([sql<number | string>`count(distinct customer_id)`.as('people'), sql<number | string>`count(distinct case when poor = 1 then customer_id end)`.as('poor')])
        .groupBy(['site_id', 'township_code', 'day'])
        .execute(),
      this.scoped(this.db.selectFrom('stations_records'), w)
        .where('voided_by', 'is', null)
        .where('service', 'is not', null)
        .select(['site_id', 'township_code', 'day', 'service'])
        .select([sql<number | string>`count(distinct customer_id)`.as('people'), sql<number | string>`count(distinct case when poor = 1 then customer_id end)`.as('poor')])
        .groupBy(['site_id', 'township_code', 'day', 'service'])
        .execute(),
      this.scoped(this.db.selectFrom('stations_point_parcels'), w)
        .select(['site_id', 'township_code', 'day', 'direction'])
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .groupBy(['site_id', 'township_code', 'day', 'direction'])
        .execute(),
      this.scoped(this.db.selectFrom('stations_days'), w).select(['site_id', 'township_code', 'day', 'status', 'difference_fen']).execute(),
    ]);

    const services = new Map<string, ServiceCell>();
    for (const r of money) {
      const kind = kindOfRecord(r.type, r.service);
      if (!kind) continue;
      const key = `${r.site_id}\u0001${r.day}\u0001${kind}`;
      let cell = services.get(key);
      if (!cell) services.set(key, (cell = { siteId: r.site_id, townshipCode: r.township_code, day: r.day, service: kind, count: 0, amountFen: 0, feeFen: 0 }));
      // A follow-up record (a payout, a proxy buy's order) brings its fee only: the service and its amount are another record's.
      if (r.service) {
        cell.count += Number(r.services);
        cell.amountFen += Number(r.amount ?? 0);
      }
      cell.feeFen += Number(r.fee ?? 0);
    }
    const peopleCells: PeopleCell[] = [
      ...people.map((r) => ({ siteId: r.site_id, townshipCode: r.township_code, day: r.day, service: null, people: Number(r.people), poor: Number(r.poor) })),
      ...peopleByKind.map((r) => ({ siteId: r.site_id, townshipCode: r.township_code, day: r.day, service: r.service, people: Number(r.people), poor: Number(r.poor) })),
    ];
    const parcelCells = new Map<string, ParcelCell>();
    for (const r of parcels) {
      const key = `${r.site_id}\u0001${r.day}`;
      let cell = parcelCells.get(key);
      if (!cell) parcelCells.set(key, (cell = { siteId: r.site_id, townshipCode: r.township_code ?? '', day: r.day, parcelsIn: 0, parcelsOut: 0 }));
      if (r.direction === 'in') cell.parcelsIn += Number(r.n);
      else cell.parcelsOut += Number(r.n);
    }
    const dayCells: DayCell[] = days.map((r) => ({ siteId: r.site_id, townshipCode: r.township_code, day: r.day, closed: r.status === 'closed', withDifference: r.status === 'closed' && Number(r.difference_fen ?? 0) !== 0 }));
    return { services: [...services.values()], people: peopleCells, parcels: [...parcelCells.values()], days: dayCells };
  }
}
