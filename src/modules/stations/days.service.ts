import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { afterKey, cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import type { PageResult } from '../../kernel/http/paging.js';
import { readableSite, sightOf } from './access.js';
import type { StationPlaces, StationSite } from './ports.js';
import type { RecordsRepository } from './stations.repository.js';
import type { RecordsService } from './records.service.js';
import type { DaysFilter, DayView } from './stations.schema.js';
import type { DayRow, StationsTables } from './stations.tables.js';
import { checkPeriod } from './period.js';
import { tillOf } from './till-rule.js';

type Db = Kysely<StationsTables>;

/**
 * The cash a new day of a site opens with: the previous day's counted cash if that day is closed, else its expected
 * cash (carried: a day left open overnight hands on what its records say is in the till); 0 for a site's first day.
 */
export async function openingCashFor(db: Db, siteId: string, day: string): Promise<{ openingCashFen: number; carried: boolean }> {
  const previous = await db.selectFrom('stations_days').selectAll().where('site_id', '=', siteId).where('day', '<', day).orderBy('day', 'desc').limit(1).executeTakeFirst();
  if (!previous) return { openingCashFen: 0, carried: false };
  const row = normaliseDay(previous);
  if (row.status === 'closed') return { openingCashFen: row.counted_cash_fen ?? 0, carried: false };
  const figures = await dayFigures(db, siteId, row.day, row.opening_cash_fen);
  return { openingCashFen: figures.expectedCashFen, carried: true };
}

/**
 * After a day was closed (perhaps late, the next morning or later): the next day's opening carried from it while it
 * was open becomes its counted cash, so a difference shows once, on the day it happened. Only a next day still open
 * with a carried opening changes; one opened by day.open or already closed keeps its own.
 */
export async function settleCarriedOpening(trx: Db, siteId: string, closedDay: string, countedCashFen: number): Promise<void> {
  const next = await trx.selectFrom('stations_days').select(['day', 'status', 'opening_carried']).where('site_id', '=', siteId).where('day', '>', closedDay).orderBy('day', 'asc').limit(1).executeTakeFirst();
  if (!next || next.status !== 'open' || Number(next.opening_carried) !== 1) return;
  await trx.updateTable('stations_days').set({ opening_cash_fen: countedCashFen, opening_carried: 0 }).where('site_id', '=', siteId).where('day', '=', next.day).where('status', '=', 'open').execute();
}

/**
 * The day row of a site, made when its first record arrives (opening cash from `openingCashFor`) and locked for the
 * rest of the record's transaction: a day.close running at the same time waits for this record. Null when the day
 * is closed.
 */
export async function openDayForRecord(trx: Db, site: StationSite, day: string): Promise<DayRow | null> {
  const exists = await trx.selectFrom('stations_days').select('status').where('site_id', '=', site.id).where('day', '=', day).executeTakeFirst();
  const opening = exists ? { openingCashFen: 0, carried: false } : await openingCashFor(trx, site.id, day);
  await trx
    .insertInto('stations_days')
    .values({
      site_id: site.id,
      day,
      township_code: site.townshipCode,
      village_code: site.villageCode,
      status: 'open',
      opening_cash_fen: opening.openingCashFen,
      opened_explicitly: 0,
      opening_carried: opening.carried ? 1 : 0,
      counted_cash_fen: null,
      expected_cash_fen: null,
      difference_fen: null,
      reason: null,
      closed_at: null,
      closed_by_name: null,
    })
    .onConflict((oc) => oc.columns(['site_id', 'day']).doNothing())
    .execute();
  // A no-op update takes the row's lock (PostgreSQL); it touches nothing on a closed day.
  const touched = await trx.updateTable('stations_days').set({ status: sql`status` }).where('site_id', '=', site.id).where('day', '=', day).where('status', '=', 'open').executeTakeFirst();
  if (Number(touched.numUpdatedRows) === 0) return null;
  const row = await trx.selectFrom('stations_days').selectAll().where('site_id', '=', site.id).where('day', '=', day).executeTakeFirstOrThrow();
  return normaliseDay(row);
}

export const normaliseDay = (row: DayRow): DayRow => ({
  ...row,
  opening_cash_fen: Number(row.opening_cash_fen),
  opened_explicitly: Number(row.opened_explicitly),
  opening_carried: Number(row.opening_carried),
  counted_cash_fen: row.counted_cash_fen === null ? null : Number(row.counted_cash_fen),
  expected_cash_fen: row.expected_cash_fen === null ? null : Number(row.expected_cash_fen),
  difference_fen: row.difference_fen === null ? null : Number(row.difference_fen),
});

type FigureRow = { cash_in_fen: number; cash_out_fen: number; voided_by: string | null; service: string | null; amount_fen: number; uncounted: number | string };

/** A day's till and its services from its records (those voided left out). */
export function figuresOf(openingCashFen: number, rows: readonly FigureRow[]) {
  const till = tillOf(
    openingCashFen,
    rows.map((r) => ({ cashInFen: Number(r.cash_in_fen), cashOutFen: Number(r.cash_out_fen), voided: r.voided_by !== null })),
  );
  const byService: Record<string, { count: number; amountFen: number }> = {};
  let services = 0;
  for (const r of rows) {
    if (r.voided_by !== null || !r.service || Number(r.uncounted) === 1) continue;
    services += 1;
    const entry = (byService[r.service] ??= { count: 0, amountFen: 0 });
    entry.count += 1;
    entry.amountFen += Number(r.amount_fen);
  }
  return { ...till, services, byService };
}

const FIGURE_COLUMNS = ['site_id', 'day', 'cash_in_fen', 'cash_out_fen', 'voided_by', 'service', 'amount_fen'] as const;
/**
 * 1 for a record its provider refused (waiting for its refund, or refunded): its cash stays in the till, but it no
 * longer counts as a service — as in the figures, whose tallies the refusal took back.
 */
const UNCOUNTED = sql<number>`case when exists (select 1 from stations_service_submissions s where s.record_id = stations_records.id and s.status in ('refused', 'refunded')) then 1 else 0 end`.as('uncounted');

/** A day's till and its services from its records (not voided). */
export async function dayFigures(db: Db, siteId: string, day: string, openingCashFen: number) {
  const rows = await db.selectFrom('stations_records').select([...FIGURE_COLUMNS]).select(UNCOUNTED).where('site_id', '=', siteId).where('day', '=', day).execute();
  return figuresOf(openingCashFen, rows);
}

/** The daily book: each site's days with their till and services, and one day with all its records. */
export class DaysService {
  constructor(
    private readonly db: Db,
    private readonly places: StationPlaces,
    private readonly records: RecordsService,
    private readonly repo: RecordsRepository,
    private readonly clock: Clock,
  ) {}

  /** A site's day as the book shows it (a day with no row yet: open, opening as `openingCashFor` says). */
  async dayView(site: StationSite, day: string): Promise<DayView> {
    const row = await this.db.selectFrom('stations_days').selectAll().where('site_id', '=', site.id).where('day', '=', day).executeTakeFirst();
    if (row) return this.toView(site, normaliseDay(row));
    const opening = (await openingCashFor(this.db, site.id, day)).openingCashFen;
    return {
      siteId: site.id,
      siteName: site.name,
      townshipName: site.townshipName,
      day,
      status: 'open',
      openingCashFen: opening,
      cashInFen: 0,
      cashOutFen: 0,
      expectedCashFen: opening,
      countedCashFen: null,
      differenceFen: null,
      reason: null,
      closedAt: null,
      closedByName: null,
      services: 0,
      byService: {},
    };
  }

  /** A site's days before `day` still open (not closed by their evening), oldest first, with their expected cash. */
  async earlierOpenDays(site: StationSite, day: string): Promise<{ day: string; expectedCashFen: number }[]> {
    const rows = await this.db.selectFrom('stations_days').selectAll().where('site_id', '=', site.id).where('day', '<', day).where('status', '=', 'open').orderBy('day', 'asc').limit(40).execute();
    const out: { day: string; expectedCashFen: number }[] = [];
    for (const r of rows) {
      const row = normaliseDay(r);
      out.push({ day: row.day, expectedCashFen: (await dayFigures(this.db, site.id, row.day, row.opening_cash_fen)).expectedCashFen });
    }
    return out;
  }

  private async toView(site: StationSite | null, row: DayRow, records?: readonly FigureRow[]): Promise<DayView> {
    const figures = records ? figuresOf(row.opening_cash_fen, records) : await dayFigures(this.db, row.site_id, row.day, row.opening_cash_fen);
    return {
      siteId: row.site_id,
      siteName: site?.name ?? '',
      townshipName: site?.townshipName ?? (await this.places.townshipName(row.township_code)) ?? '',
      day: row.day,
      status: row.status,
      openingCashFen: row.opening_cash_fen,
      cashInFen: figures.cashInFen,
      cashOutFen: figures.cashOutFen,
      // A closed day keeps what was expected when it closed (nothing can change it after).
      expectedCashFen: row.expected_cash_fen ?? figures.expectedCashFen,
      countedCashFen: row.counted_cash_fen,
      differenceFen: row.difference_fen,
      reason: row.reason,
      closedAt: row.closed_at,
      closedByName: row.closed_by_name,
      services: figures.services,
      byService: figures.byService,
    };
  }

  /** Days in the caller's sight, newest first. */
  async list(ctx: RequestContext, filter: DaysFilter, limit: number, cursor?: string): Promise<PageResult<DayView>> {
    const sight = await sightOf(ctx, this.places);
    if (filter.siteId) await readableSite(ctx, this.places, filter.siteId);
    checkPeriod(filter);
    let q = this.db.selectFrom('stations_days').selectAll();
    if (sight.kind === 'township') q = q.where('township_code', '=', sight.code);
    if (sight.kind === 'site') q = q.where('site_id', '=', sight.siteId);
    if (filter.siteId) q = q.where('site_id', '=', filter.siteId);
    if (filter.township) q = q.where('township_code', '=', filter.township);
    if (filter.from) q = q.where('day', '>=', filter.from);
    if (filter.to) q = q.where('day', '<=', filter.to);
    if (filter.status) q = q.where('status', '=', filter.status);
    const after = cursorKey(cursor, 2);
    if (after) q = q.where((eb) => afterKey(eb, ['day', 'site_id'], after, 'desc'));
    const rows = await q.orderBy('day', 'desc').orderBy('site_id', 'desc').limit(limit + 1).execute();
    const page = toKeysetPage(rows, limit, (r) => [r.day, r.site_id]);
    // The page's records in one reading, not one per day.
    const byDay = new Map<string, FigureRow[]>();
    if (page.items.length > 0) {
      const rows = await this.db
        .selectFrom('stations_records')
        .select([...FIGURE_COLUMNS])
        .select(UNCOUNTED)
        .where('site_id', 'in', [...new Set(page.items.map((r) => r.site_id))])
        .where('day', 'in', [...new Set(page.items.map((r) => r.day))])
        .execute();
      for (const r of rows) byDay.set(`${r.site_id} ${r.day}`, [...(byDay.get(`${r.site_id} ${r.day}`) ?? []), r]);
    }
    const items: DayView[] = [];
    for (const r of page.items) items.push(await this.toView(await this.places.site(r.site_id), normaliseDay(r), byDay.get(`${r.site_id} ${r.day}`) ?? []));
    return { items, nextCursor: page.nextCursor };
  }

  /** A day after today (Shanghai) has no book yet, unless a record a few minutes ahead already opened it: 404. */
  private async notAhead(site: StationSite, day: string) {
    if (day <= shanghaiDate(this.clock.now())) return;
    const row = await this.db.selectFrom('stations_days').select('day').where('site_id', '=', site.id).where('day', '=', day).executeTakeFirst();
    if (!row) throw new AppError(404, 'NOT_FOUND', '这一天还没到，还没有账本 Day not found');
  }

  /** One site's day with every record of it. */
  async book(ctx: RequestContext, siteId: string, day: string) {
    const site = await readableSite(ctx, this.places, siteId);
    await this.notAhead(site, day);
    const view = await this.dayView(site, day);
    const records = await this.records.views(await this.repo.ofDay(siteId, day));
    return { ...view, records };
  }
}
