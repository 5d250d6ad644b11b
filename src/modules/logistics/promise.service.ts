import { sql } from 'kysely';
import { isoNow, shanghaiDate, type Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { invalidField } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { calendarDate } from './calendar.js';
import { afterKey, cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import { carrierName } from './logistics.tables.js';
import type { ParcelView, PromiseView } from './logistics.schema.js';
import type { LogisticsPlaces } from './ports.js';
import type { LogisticsRepository } from './logistics.repository.js';
import type { ParcelViews } from './parcel-views.js';
import { ALERT_MS, arrivedOnTime, PROMISE_MS, receivedBefore, transitMs } from './promise-rule.js';

/** The share of parcels the county aims to get to their point within 48 hours. */
const TARGET_SHARE = 0.9;
/** The group of parcels whose address names no village yet. */
const UNPLACED = '地址待分配 Address not yet placed';
const DAY_MS = 86_400_000;
const share = (onTime: number, settled: number) => (settled ? Math.round((onTime / settled) * 1000) / 1000 : null);

/**
 * The 48-hour promise: county warehouse receipt to arrival at the village point. A parcel counts once it is
 * decided — arrived, or 48 hours gone without arriving (late) — so the share does not flatter itself by waiting.
 */
export class PromiseService {
  constructor(
    private readonly repo: LogisticsRepository,
    private readonly views: ParcelViews,
    private readonly places: LogisticsPlaces,
    private readonly clock: Clock,
  ) {}

  private readers(ctx: RequestContext) {
    requireRole(ctx, 'county_admin', 'courier', 'township_operator', 'regulator');
  }

  /** The on-time share; a township operator sees its own township's. */
  async summary(ctx: RequestContext, range: { from?: string; to?: string }): Promise<PromiseView> {
    this.readers(ctx);
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    const township = viewer.townshipCode ? book.townships.find((t) => t.code === viewer.townshipCode) : undefined;
    const now = this.clock.now();
    const to = range.to ? calendarDate(range.to, 'querystring.to') : shanghaiDate(now);
    const from = range.from ? calendarDate(range.from, 'querystring.from') : shanghaiDate(new Date(now.getTime() - 29 * DAY_MS));
    if (from > to) throw invalidField('querystring.from', 'is after to');
    const start = new Date(`${from}T00:00:00+08:00`).toISOString();
    const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS).toISOString();
    const lateBefore = receivedBefore(now, PROMISE_MS);
    const riskBefore = receivedBefore(now, ALERT_MS);

    let query = this.repo.db
      .selectFrom('logistics_parcels')
      .select(['township_code', 'route_id', 'carrier', 'received_at', 'arrived_at', 'transit_minutes'])
      .where('direction', '=', 'down')
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .where((eb) => eb.or([eb('transit_minutes', 'is not', null), eb.and([eb('received_at', '<', lateBefore), eb('status', '!=', 'returned')])]));
    if (viewer.townshipCode) query = query.where('township_code', '=', viewer.townshipCode);
    // Decided to the millisecond from the two instants (promise-rule.ts), not from the rounded minutes.
    const rows = (await query.execute()).map((r) => ({ ...r, transitMs: r.transit_minutes === null ? null : transitMs(r.received_at, r.arrived_at), onTime: r.transit_minutes === null ? false : arrivedOnTime(r.received_at, r.arrived_at) === true }));
    const routes = new Map((await this.repo.db.selectFrom('logistics_routes').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
    const groups = (key: (r: (typeof rows)[number]) => string | null, name: (k: string) => string) => {
      const sums = new Map<string, { arrived: number; onTime: number; settled: number; ms: number }>();
      for (const r of rows) {
        const k = key(r) ?? '';
        const s = sums.get(k) ?? { arrived: 0, onTime: 0, settled: 0, ms: 0 };
        s.settled++;
        if (r.transitMs !== null) {
          s.arrived++;
          s.ms += r.transitMs;
          if (r.onTime) s.onTime++;
        }
        sums.set(k, s);
      }
      return [...sums].map(([k, s]) => ({ key: k, name: k ? name(k) : UNPLACED, decided: s.settled, arrived: s.arrived, onTime: s.onTime, late: s.settled - s.onTime, share: share(s.onTime, s.settled), averageHours: s.arrived ? Math.round((s.ms / s.arrived / 3600_000) * 10) / 10 : null })).sort((a, b) => a.key.localeCompare(b.key));
    };
    const daily = new Map<string, { decided: number; arrived: number; onTime: number; late: number }>();
    for (const r of rows) {
      const d = shanghaiDate(new Date(r.received_at!));
      const s = daily.get(d) ?? { decided: 0, arrived: 0, onTime: 0, late: 0 };
      s.decided++;
      if (r.transitMs !== null) s.arrived++;
      if (r.onTime) s.onTime++;
      else s.late++;
      daily.set(d, s);
    }
    const open = (before: string) => {
      let count = this.repo.db
        .selectFrom('logistics_parcels')
        .select(sql<number>`count(*)`.as('n'))
        .where('direction', '=', 'down')
        .where('arrived_at', 'is', null)
        .where('status', 'not in', ['returned', 'picked_up'])
        .where('received_at', '<', before);
      if (viewer.townshipCode) count = count.where('township_code', '=', viewer.townshipCode);
      return count.executeTakeFirstOrThrow();
    };
    return {
      from,
      to,
      promiseHours: PROMISE_MS / 3600_000,
      targetShare: TARGET_SHARE,
      overall: groups(() => 'all', () => township?.name ?? book.countyName)[0] ?? { key: 'all', name: township?.name ?? book.countyName, decided: 0, arrived: 0, onTime: 0, late: 0, share: null, averageHours: null },
      byTownship: groups((r) => r.township_code, (k) => book.townships.find((t) => t.code === k)?.name ?? k),
      byRoute: groups((r) => r.route_id, (k) => routes.get(k) ?? k),
      byCarrier: groups((r) => r.carrier, carrierName),
      daily: [...daily].sort(([a], [b]) => a.localeCompare(b)).map(([date, s]) => ({ date, ...s })),
      overdue: Number((await open(lateBefore)).n),
      atRisk: Number((await open(riskBefore)).n),
    };
  }

  /** Parcels not at their point 48 hours (or, with `atRisk`, 36 hours) after county receipt, oldest first. */
  async overdue(ctx: RequestContext, opts: { atRisk?: boolean; townshipCode?: string }, limit: number, cursor?: string): Promise<PageResult<ParcelView>> {
    this.readers(ctx);
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    const before = receivedBefore(this.clock.now(), opts.atRisk ? ALERT_MS : PROMISE_MS);
    const after = decodeCursor(cursor);
    let query = this.repo.db
      .selectFrom('logistics_parcels')
      .selectAll()
      .where('direction', '=', 'down')
      .where('arrived_at', 'is', null)
      .where('status', 'not in', ['returned', 'picked_up'])
      .where('received_at', '<', before)
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit + 1);
    if (viewer.townshipCode) query = query.where('township_code', '=', viewer.townshipCode);
    if (opts.townshipCode) query = query.where('township_code', '=', opts.townshipCode);
    if (after) {
      const [at, id] = after.split('|');
      query = query.where((eb) => eb.or([eb('received_at', '>', at), eb.and([eb('received_at', '=', at), eb('id', '>', id)])]));
    }
    const page = toPage(await query.execute(), limit, (r) => `${r.received_at}|${r.id}`);
    return { ...page, items: page.items.map((r) => this.views.view(r, viewer, book)) };
  }

  /** Raises an alert for each parcel past 36 hours without reaching its point; run every minute, safe to run twice. */
  async raiseAlerts(): Promise<number> {
    const before = receivedBefore(this.clock.now(), ALERT_MS);
    const due = await this.repo.db
      .selectFrom('logistics_parcels')
      .select('id')
      .where('direction', '=', 'down')
      .where('arrived_at', 'is', null)
      .where('status', 'not in', ['returned', 'picked_up'])
      .where('received_at', '<', before)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('logistics_alerts').select('parcel_id').whereRef('logistics_alerts.parcel_id', '=', 'logistics_parcels.id'))))
      .limit(5000)
      .execute();
    if (!due.length) return 0;
    const now = isoNow(this.clock);
    await this.repo.db.insertInto('logistics_alerts').values(due.map((d) => ({ parcel_id: d.id, raised_at: now, cleared_at: null }))).onConflict((oc) => oc.column('parcel_id').doNothing()).execute();
    return due.length;
  }

  /** Open alerts, newest first, with their parcels, a page at a time. */
  async alerts(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<{ raisedAt: string; parcel: ParcelView }>> {
    this.readers(ctx);
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    const after = cursorKey(cursor, 2);
    let query = this.repo.db
      .selectFrom('logistics_alerts')
      .innerJoin('logistics_parcels', 'logistics_parcels.id', 'logistics_alerts.parcel_id')
      .selectAll('logistics_parcels')
      .select('logistics_alerts.raised_at')
      .where('logistics_alerts.cleared_at', 'is', null)
      .orderBy('logistics_alerts.raised_at', 'desc')
      .orderBy('logistics_alerts.parcel_id', 'desc')
      .limit(limit + 1);
    if (viewer.townshipCode) query = query.where('logistics_parcels.township_code', '=', viewer.townshipCode);
    if (after) query = query.where((eb) => afterKey(eb, ['logistics_alerts.raised_at', 'logistics_alerts.parcel_id'], after, 'desc'));
    const page = toKeysetPage(await query.execute(), limit, (r) => [r.raised_at, r.id]);
    return { ...page, items: page.items.map(({ raised_at, ...row }) => ({ raisedAt: raised_at, parcel: this.views.view(row, viewer, book) })) };
  }
}
