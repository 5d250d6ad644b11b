import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { DayCell, FigureCells, ParcelCell, PeopleCell, ServiceCell } from './figures-rule.js';
import type { FiguresTables } from './parcel-days.js';
import type { StationsTables } from './stations.tables.js';
import { ALL_KINDS } from './tallies-rule.js';
import type { TalliesTables } from './tallies.tables.js';

type Db = StationsTables & FiguresTables & TalliesTables;

/** Which sites a question covers: every one, a township's, or some sites (already checked against the caller's sight). */
export interface FigureWhere {
  from: string;
  to: string;
  township?: string;
  siteIds?: string[];
}

/**
 * The figures' reads: the daily tallies per site, day and kind (tallies.ts keeps them in each record's transaction and
 * its void's), the days and the parcels, within a span of Shanghai days. Read-only; a month is a few rows a site-day
 * however many records it holds.
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
    const [tallies, parcels, days] = await Promise.all([
      this.scoped(this.db.selectFrom('stations_tallies'), w)
        .where('records', '>', 0)
        .select(['site_id', 'township_code', 'day', 'kind', 'records', 'services', 'amount_fen', 'fee_fen', 'people', 'poor'])
        .execute(),
      this.scoped(this.db.selectFrom('stations_point_parcels'), w)
        .select(['site_id', 'township_code', 'day', 'direction'])
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .groupBy(['site_id', 'township_code', 'day', 'direction'])
        .execute(),
      this.scoped(this.db.selectFrom('stations_days'), w).select(['site_id', 'township_code', 'day', 'status', 'difference_fen']).execute(),
    ]);

    const services: ServiceCell[] = [];
    const peopleCells: PeopleCell[] = [];
    for (const r of tallies) {
      const place = { siteId: r.site_id, townshipCode: r.township_code, day: r.day };
      // A kind's row counts while it holds a live record; its people (and the day's, ALL_KINDS) while it holds a service.
      if (r.kind !== ALL_KINDS && Number(r.records) > 0) services.push({ ...place, service: r.kind, count: Number(r.services), amountFen: Number(r.amount_fen), feeFen: Number(r.fee_fen) });
      if (Number(r.services) > 0) peopleCells.push({ ...place, service: r.kind === ALL_KINDS ? null : r.kind, people: Number(r.people), poor: Number(r.poor) });
    }
    const parcelCells = new Map<string, ParcelCell>();
    for (const r of parcels) {
      const key = `${r.site_id}\u0001${r.day}`;
      let cell = parcelCells.get(key);
      if (!cell) parcelCells.set(key, (cell = { siteId: r.site_id, townshipCode: r.township_code ?? '', day: r.day, parcelsIn: 0, parcelsOut: 0 }));
      if (r.direction === 'in') cell.parcelsIn += Number(r.n);
      else cell.parcelsOut += Number(r.n);
    }
    const dayCells: DayCell[] = days.map((r) => ({ siteId: r.site_id, townshipCode: r.township_code, day: r.day, closed: r.status === 'closed', withDifference: r.status === 'closed' && Number(r.difference_fen ?? 0) !== 0 }));
    return { services, people: peopleCells, parcels: [...parcelCells.values()], days: dayCells };
  }
}
