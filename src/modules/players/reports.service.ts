import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, type Principal, type RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { AppError, invalidField, notFound } from '../../kernel/errors.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { mayWrite, REPORTERS, sees, sightOf } from './access.js';
import { ShopMonthReported } from './events.js';
import type { PlayerPlaces } from './ports.js';
import type { PlayersRepository, ReportWithNames, ShopWithPlayer } from './players.repository.js';
import type { ReportCreate, ReportFilter, ReportView, ShopView } from './players.schema.js';
import { PLATFORM_LABELS, type PlayersTables, type ReportRow, type ReportSource } from './players.tables.js';
import { HISTORY_MONTHS, implausibleFlags, isLate, lateFlag, monthProblem, previousMonth, shanghaiMonth, type Flag } from './report-rules.js';
import { readWorkbook, rowErrors, templateWorkbook, toRows } from './report-file.js';
import { shopView } from './players.service.js';

const monthsBack = (month: string, n: number) => {
  let m = month;
  for (let i = 0; i < n; i++) m = previousMonth(m);
  return m;
};

/** Monthly reports of shops on other platforms: by form, by API, by Excel import; flagged, reviewed, missing. */
export class ReportService {
  constructor(
    private readonly repo: PlayersRepository,
    private readonly clock: Clock,
    private readonly events: EventPublisher,
    private readonly places: PlayerPlaces,
  ) {}

  private view(row: ReportWithNames, names: Map<string, string>): ReportView {
    return {
      id: row.id,
      shopId: row.shop_id,
      shopName: row.shop_name,
      platform: row.platform,
      platformName: PLATFORM_LABELS[row.platform],
      playerId: row.player_id,
      playerName: row.player_name,
      townshipName: names.get(row.township_code) ?? '未知乡镇',
      month: row.month,
      version: row.version,
      current: row.is_current === 1,
      salesFen: Number(row.sales_fen),
      orders: row.orders,
      produceFen: Number(row.produce_fen),
      source: row.source,
      reportedBy: row.reported_by_name,
      reportedAt: row.reported_at,
      late: row.late === 1,
      implausible: row.implausible === 1,
      flags: JSON.parse(row.flags) as Flag[],
      reviewedAt: row.reviewed_at,
      reviewedBy: row.reviewed_by,
      reviewNote: row.review_note,
    };
  }

  /**
   * Writes one version of a shop's month in the caller's transaction: the earlier version stops being current, the
   * flags are worked out against the shop's previous months, and the event goes out with the write.
   */
  private async write(trx: Kysely<PlayersTables>, principal: Principal, shop: ShopWithPlayer, village: string | null, input: Omit<ReportCreate, 'shopId'>, source: ReportSource, at: Date): Promise<ReportRow> {
    const version = (await this.repo.latestVersion(shop.id, input.month, trx)) + 1;
    const history = await this.repo.previousSales(shop.id, input.month, HISTORY_MONTHS, trx);
    const lastYear = await this.repo.salesOf(shop.id, `${Number(input.month.slice(0, 4)) - 1}${input.month.slice(4)}`, trx);
    const implausible = implausibleFlags(input, history, lastYear);
    const late = isLate(input.month, at);
    const flags = [...(late ? [lateFlag(input.month)] : []), ...implausible];
    const reportedAt = at.toISOString();
    const row: ReportRow = {
      id: newId('prp', at.getTime()),
      shop_id: shop.id,
      player_id: shop.player_id,
      township_code: shop.township_code,
      month: input.month,
      version,
      is_current: 1,
      sales_fen: input.salesFen,
      orders: input.orders,
      produce_fen: input.produceFen,
      source,
      reported_by: principal.userId,
      reported_by_name: principal.displayName,
      reported_at: reportedAt,
      late: late ? 1 : 0,
      implausible: implausible.length ? 1 : 0,
      flags: JSON.stringify(flags),
      reviewed_at: null,
      reviewed_by: null,
      review_note: null,
    };
    await trx.updateTable('players_reports').set({ is_current: 0 }).where('shop_id', '=', shop.id).where('month', '=', input.month).where('is_current', '=', 1).execute();
    await trx.insertInto('players_reports').values(row).execute();
    await this.events.publish(trx, ShopMonthReported, shop.id, {
      reportId: row.id,
      shopId: shop.id,
      playerId: shop.player_id,
      platform: shop.platform,
      month: row.month,
      salesFen: row.sales_fen,
      orders: row.orders,
      produceFen: row.produce_fen,
      townshipCode: shop.township_code,
      villageCode: village,
      version,
      reportedAt,
      source,
    });
    return row;
  }

  private async shopFor(ctx: RequestContext, shopId: string, field: string): Promise<{ shop: ShopWithPlayer; village: string | null }> {
    const shop = await this.repo.shop(shopId);
    const player = shop && (await this.repo.player(shop.player_id));
    if (!shop || !player || !sees(sightOf(ctx), player)) throw invalidField(field, '没有这个店铺，或不在您的管辖范围 no such shop in your sight');
    mayWrite(ctx, player, 'report');
    return { shop, village: player.village_code };
  }

  /**
   * A shop's months as they were reported in the past, in one transaction: for the demo loader, which writes two years
   * of history as it would have come in (each early in the following month, so not late). No route reaches it.
   */
  async recordHistory(ctx: RequestContext, shopId: string, months: (Omit<ReportCreate, 'shopId'> & { reportedAt: Date })[], source: ReportSource): Promise<number> {
    const principal = requireRole(ctx, ...REPORTERS);
    const { shop, village } = await this.shopFor(ctx, shopId, 'shopId');
    await this.repo.db.transaction().execute(async (trx) => {
      for (const { reportedAt, ...figures } of [...months].sort((a, b) => (a.month < b.month ? -1 : 1))) {
        const problem = monthProblem(figures.month, reportedAt, { openedOn: shop.opened_on, closedOn: shop.closed_on });
        if (problem) throw invalidField('month', problem);
        await this.write(trx, principal, shop, village, figures, source, reportedAt);
      }
      await recordAudit(trx, ctx, { action: 'player.history_recorded', entityType: 'player', entityId: shop.player_id, details: { shopId, months: months.length } }, this.clock.now());
    });
    return months.length;
  }

  /** One month of one shop, from the form or a machine client (an API token: source 'api'). */
  async report(ctx: RequestContext, input: ReportCreate): Promise<ReportView> {
    const principal = requireRole(ctx, ...REPORTERS);
    const now = this.clock.now();
    const { shop, village } = await this.shopFor(ctx, input.shopId, 'body.shopId');
    const problem = monthProblem(input.month, now, { openedOn: shop.opened_on, closedOn: shop.closed_on });
    if (problem) throw invalidField('body.month', problem);
    if (input.produceFen > input.salesFen) throw invalidField('body.produceFen', '农产品销售额不能大于销售额 cannot exceed salesFen');
    const source: ReportSource = principal.via === 'token' ? 'api' : 'form';
    let row: ReportRow;
    try {
      row = await this.repo.db.transaction().execute(async (trx) => {
        const written = await this.write(trx, principal, shop, village, input, source, now);
        await recordAudit(trx, ctx, { action: 'player.month_reported', entityType: 'player', entityId: shop.player_id, details: { reportId: written.id, shopId: shop.id, month: input.month, version: written.version, salesFen: input.salesFen, source } }, now);
        return written;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError(409, 'REPORT_CONFLICT', '同一月份刚有另一份填报，请刷新后重试 Another report of this month came in meanwhile; reload and retry');
      throw err;
    }
    return this.view({ ...row, shop_name: shop.name, platform: shop.platform, player_name: shop.player_name }, await this.places.names());
  }

  async list(ctx: RequestContext, filter: ReportFilter, limit: number, cursor?: string): Promise<PageResult<ReportView>> {
    const key = decodeCursor(cursor);
    const [month, id] = key ? key.split('|') : [];
    if (key && (!month || !id)) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
    const rows = await this.repo.listReports(sightOf(ctx), { ...filter, after: key ? { month, id } : undefined }, limit + 1);
    const page = toPage(rows, limit, (r) => `${r.month}|${r.id}`);
    const names = await this.places.names();
    return { items: page.items.map((r) => this.view(r, names)), nextCursor: page.nextCursor };
  }

  /** The county marks a flagged report reviewed, with a note; it keeps counting as it did. */
  async review(ctx: RequestContext, id: string, note: string): Promise<ReportView> {
    const principal = requireRole(ctx, 'county_admin');
    const row = await this.repo.report(id);
    if (!row) throw notFound('Report');
    if (!row.late && !row.implausible) throw new AppError(409, 'REPORT_NOT_FLAGGED', '该月报没有被标记，无需复核 The report is not flagged');
    if (row.reviewed_at) throw new AppError(409, 'REPORT_REVIEWED', `该月报已于 ${row.reviewed_at} 复核 The report was reviewed already`);
    const now = this.clock.now();
    const update = { reviewed_at: now.toISOString(), reviewed_by: principal.displayName, review_note: note.trim() };
    await this.repo.db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('players_reports').set(update).where('id', '=', id).where('reviewed_at', 'is', null).executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new AppError(409, 'REPORT_REVIEWED', '该月报刚被复核 The report was reviewed meanwhile');
      await recordAudit(trx, ctx, { action: 'player.report_reviewed', entityType: 'player', entityId: row.player_id, details: { reportId: id, note: update.review_note } }, now);
    });
    return this.view({ ...row, ...update }, await this.places.names());
  }

  /** Operating shops with no report for a month (by default last month). */
  async missing(ctx: RequestContext, month: string | undefined, limit: number, cursor?: string): Promise<PageResult<ShopView> & { month: string }> {
    const sight = sightOf(ctx);
    const of = month ?? previousMonth(shanghaiMonth(this.clock.now()));
    const rows = await this.repo.missing(sight, of, decodeCursor(cursor), limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { month: of, items: page.items.map(shopView), nextCursor: page.nextCursor };
  }

  /** A player's monthly totals for its chart: the last 24 months. */
  async months(ctx: RequestContext, playerId: string) {
    const player = await this.repo.player(playerId);
    if (!player || !sees(sightOf(ctx), player)) throw notFound('Player');
    return { months: await this.repo.months(playerId, monthsBack(shanghaiMonth(this.clock.now()), 24)) };
  }

  async template(ctx: RequestContext): Promise<Buffer> {
    requireRole(ctx, ...REPORTERS);
    const shops = await this.repo.allShops(sightOf(ctx));
    return templateWorkbook(
      shops.filter((s) => s.status === 'operating').map((s) => ({ id: s.id, platform: s.platform, name: s.name, playerName: s.player_name })),
      previousMonth(shanghaiMonth(this.clock.now())),
    );
  }

  /**
   * An Excel file of reports: every row is checked first (its form, its shop, its month), every problem reported by
   * row and column; only a file with none is written, all in one transaction, so nothing is half-imported.
   */
  async importFile(ctx: RequestContext, bytes: Buffer): Promise<{ imported: number; corrections: number; flagged: number }> {
    const principal = requireRole(ctx, ...REPORTERS);
    const { rows, errors } = toRows(await readWorkbook(bytes));
    const sight = sightOf(ctx);
    const shops = await this.repo.allShops(sight);
    const byId = new Map(shops.map((s) => [s.id, s]));
    const byName = new Map<string, ShopWithPlayer[]>();
    for (const s of shops) byName.set(`${s.platform}|${s.name}`, [...(byName.get(`${s.platform}|${s.name}`) ?? []), s]);
    const owners = new Map<string, { village: string | null; owner: string | null; township: string }>();
    const now = this.clock.now();
    const seen = new Map<string, number>();
    const ready: { shop: ShopWithPlayer; row: (typeof rows)[number] }[] = [];
    const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });
    for (const r of rows) {
      const shopColumn = r.shopId ? (r.columns.shopId ?? '店铺编号') : (r.columns.shopName ?? '店铺名');
      let shop: ShopWithPlayer | undefined;
      if (r.shopId) {
        shop = byId.get(r.shopId);
        if (!shop) fail(r.row, shopColumn, `没有编号为「${r.shopId}」的店铺，或不在您的管辖范围`);
      } else if (r.platform && r.shopName) {
        const found = byName.get(`${r.platform}|${r.shopName}`) ?? [];
        if (found.length > 1) fail(r.row, shopColumn, `${PLATFORM_LABELS[r.platform]}上有 ${found.length} 家名为「${r.shopName}」的店铺，请填写店铺编号`);
        else if (!found.length) fail(r.row, shopColumn, `${PLATFORM_LABELS[r.platform]}上没有名为「${r.shopName}」的店铺，或不在您的管辖范围`);
        shop = found.length === 1 ? found[0] : undefined;
      }
      if (!shop || !r.month) continue;
      if (!owners.has(shop.player_id)) {
        const player = await this.repo.player(shop.player_id);
        owners.set(shop.player_id, { village: player?.village_code ?? null, owner: player?.owner_user_id ?? null, township: player?.township_code ?? '' });
      }
      const problem = monthProblem(r.month, now, { openedOn: shop.opened_on, closedOn: shop.closed_on });
      if (problem) fail(r.row, r.columns.month ?? '月份', problem);
      const key = `${shop.id}|${r.month}`;
      if (seen.has(key)) fail(r.row, r.columns.month ?? '月份', `与第 ${seen.get(key)} 行是同一店铺的同一月份`);
      else seen.set(key, r.row);
      try {
        mayWrite(ctx, { township_code: owners.get(shop.player_id)!.township, owner_user_id: owners.get(shop.player_id)!.owner }, 'report');
      } catch {
        fail(r.row, shopColumn, '您不能为该店铺填报');
      }
      ready.push({ shop, row: r });
    }
    if (errors.length) throw rowErrors(errors.sort((a, b) => a.row - b.row));
    // Older months first, so each month's flags compare it with the months before it in the same file.
    ready.sort((a, b) => (a.row.month < b.row.month ? -1 : a.row.month > b.row.month ? 1 : a.row.row - b.row.row));
    let corrections = 0;
    let flagged = 0;
    try {
      await this.repo.db.transaction().execute(async (trx) => {
        for (const { shop, row } of ready) {
          const written = await this.write(trx, principal, shop, owners.get(shop.player_id)!.village, { month: row.month, salesFen: row.salesFen, orders: row.orders, produceFen: row.produceFen }, 'import', now);
          if (written.version > 1) corrections++;
          if (written.late || written.implausible) flagged++;
        }
        await recordAudit(trx, ctx, { action: 'player.reports_imported', entityType: 'player', entityId: ready[0]?.shop.player_id ?? 'none', details: { rows: ready.length, corrections } }, now);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError(409, 'REPORT_CONFLICT', '导入时有其他填报写入同一月份，请重试 Another report of one of these months came in meanwhile; retry');
      throw err;
    }
    return { imported: ready.length, corrections, flagged };
  }
}

