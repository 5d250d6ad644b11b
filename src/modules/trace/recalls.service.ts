import { recordAudit } from '../../kernel/audit.js';
import { requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { conflict, invalidField, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { maskName, maskPhone } from '../../kernel/mask.js';
import { mayRead } from './access.js';
import { toPage, type PageResult } from '../../kernel/http/paging.js';
import { offloaded } from '../../kernel/offload.js';
import { afterKey, cursorKey, keyOf } from '../../kernel/http/keyset.js';
import type { GenealogyService } from './genealogy.service.js';
import type { TraceRepository } from './trace.repository.js';
import type { RecallView } from './trace.schema.js';
import type { BatchRow, RecallNoticeRow, RecallRow } from './trace.tables.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';
import { settleSupersededHolds } from './holds.js';
import { isoNow, type Clock } from '../../kernel/clock.js';

type Response = NonNullable<RecallView['notices'][number]['response']>;

/** Orders a recall leaves alone (they hold no units any more). */
const ENDED = ['cancelled', 'refunded'];
/** Orders a recall cancels (refunding the paid ones): their goods have not left the seller. */
const WITHDRAWN = ['pending_payment', 'confirmed', 'paid'];

// Writing a workbook of every order is CPU work: done in a worker thread (kernel/offload.ts).
const reports = offloaded<typeof import('./recall-report.js')>(new URL('./recall-report.js', import.meta.url));

export const RESPONSE_NAMES: Record<Response, string> = { returned: '已退货', destroyed: '已销毁', refund_requested: '申请退款', not_consumed: '未食用，等待处理', consumed: '已食用' };

/**
 * Recalls: a regulator names batches; they and every batch made from them stop selling (their stock is held),
 * every order holding or having taken their units is found whatever its payment, each buyer gets a text message,
 * the orders not yet shipped are cancelled (refunded if paid), and the buyers' answers are kept.
 */
export class RecallService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly clock: Clock,
    private readonly genealogy: GenealogyService,
  ) {}

  async open(ctx: RequestContext, batchIds: string[], reason: string): Promise<RecallView> {
    const principal = requireRole(ctx, 'regulator', 'county_admin');
    if (reason.trim().length < 2) throw invalidField('body.reason', 'say why the batches are recalled');
    for (const [i, id] of batchIds.entries()) {
      if (!(await this.repo.db.selectFrom('trace_batches').select('id').where('id', '=', id).executeTakeFirst())) throw invalidField(`body.batchIds.${i}`, 'no such batch');
    }
    // What the recall reaches is read first; SQLite would wait on its own open transaction otherwise.
    const reached = (await this.genealogy.reach(batchIds, 'down')).filter((b) => b.status === 'active');
    if (reached.length === 0) throw conflict('ALREADY_RECALLED', 'body.batchIds: these batches are recalled already', { field: 'body.batchIds' });
    const county = (await this.ports.places.placeBook()).countyName;
    const now = isoNow(this.clock);
    const recall: RecallRow = { id: newId('rcl'), reason: reason.trim(), status: 'open', opened_by: principal.userId, opened_by_name: principal.displayName, opened_at: now, closed_at: null, is_demo: 0 };
    // Locks are taken in the order a checkout takes them (the catalogue's stock rows by SKU, then batches oldest
    // first), so a recall and a checkout racing each other never wait on each other.
    const batches = [...reached].sort((x, y) => x.created_at.localeCompare(y.created_at) || x.id.localeCompare(y.id));
    const shelves = [...new Set(batches.filter((b) => b.sku_id && b.stock_location).map((b) => `${b.sku_id}|${b.stock_location}`))].sort();
    const unshipped = await this.repo.db.transaction().execute(async (trx) => {
      await trx.insertInto('trace_recalls').values(recall).execute();
      for (const shelf of shelves) {
        const [skuId, location] = shelf.split('|');
        await this.ports.stock.freezeStock(trx, skuId, location as 'seller', 0);
      }
      const affected: BatchRow[] = [];
      for (const batch of batches) {
        const taken = await trx.updateTable('trace_batches').set({ status: 'recalled', recall_id: recall.id }).where('id', '=', batch.id).where('status', '=', 'active').executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) continue;
        // Read once the batch is ours: every unit an order took of it so far is counted in `sold`.
        const current = await this.repo.batch(batch.id, trx);
        const frozen = Math.max(0, current.stocked - current.sold);
        // A regulator's hold on the batch gives its own freeze back in `settleSupersededHolds` below, so nothing is held twice.
        if (frozen > 0 && current.sku_id && current.stock_location) await this.ports.stock.freezeStock(trx, current.sku_id, current.stock_location as 'seller', frozen);
        await trx.insertInto('trace_recall_batches').values({ recall_id: recall.id, batch_id: batch.id, frozen }).execute();
        affected.push(current);
      }
      if (affected.length === 0) throw conflict('ALREADY_RECALLED', 'body.batchIds: these batches are recalled already', { field: 'body.batchIds' });
      // Every order holding or having taken units of these batches, paid or not (units are taken at checkout). Read
      // after the batches are ours, so no order taking units meanwhile is missed: later ones can no longer take them.
      const allocations = await trx.selectFrom('trace_allocations').selectAll().where('batch_id', 'in', affected.map((b) => b.id)).orderBy('order_id').orderBy('batch_id').execute();
      const orders = new Map((await this.ports.sales.orders([...new Set(allocations.map((a) => a.order_id))], trx)).map((o) => [o.id, o]));
      const noticed = new Set<string>();
      const toWithdraw: string[] = [];
      for (const a of allocations) {
        const order = orders.get(a.order_id);
        if (!order || noticed.has(order.id) || ENDED.includes(order.status)) continue;
        noticed.add(order.id);
        if (WITHDRAWN.includes(order.status)) toWithdraw.push(order.id);
        const batch = affected.find((b) => b.id === a.batch_id)!;
        const notice: RecallNoticeRow = { id: newId('rcn'), recall_id: recall.id, order_id: order.id, batch_id: batch.id, buyer_user_id: order.buyerUserId, notified_at: now, response: null, response_note: null, responded_at: null };
        await trx.insertInto('trace_recall_notices').values(notice).execute();
        await this.ports.notifier.recallNotice(trx, { phone: order.recipientPhone, productName: batch.product_name ?? '', batchCode: batch.code, orderId: order.id, ref: recall.id, county });
      }
      await this.repo.bump(trx);
      await settleSupersededHolds(trx, this.ports.stock);
      await recordAudit(trx, ctx, { action: 'recall.opened', entityType: 'trace_recall', entityId: recall.id, details: { reason: recall.reason, batches: affected.map((b) => b.code), orders: noticed.size, withdrawn: toWithdraw.length } });
      return toWithdraw;
    });
    // Orders not yet shipped are cancelled, and refunded if paid, one at a time; what a crash leaves here is finished
    // by housekeeping (withdrawPending).
    for (const orderId of unshipped) await this.ports.sales.withdraw(orderId, recall.reason);
    return this.get(ctx, recall.id);
  }

  /**
   * Finishes the withdrawal of unshipped orders that an open recall reached (the recall's own run may have been cut
   * short). Each order is cancelled in its own transaction, guarded by its status: safe to run again and anywhere.
   */
  async withdrawPending(): Promise<number> {
    const notices = await this.repo.db.selectFrom('trace_recall_notices as n').innerJoin('trace_recalls as r', 'r.id', 'n.recall_id').select(['n.order_id', 'r.reason']).where('r.status', '=', 'open').execute();
    if (notices.length === 0) return 0;
    const reasons = new Map(notices.map((n) => [n.order_id, n.reason]));
    let withdrawn = 0;
    for (const order of await this.ports.sales.orders([...reasons.keys()])) {
      if (WITHDRAWN.includes(order.status) && (await this.ports.sales.withdraw(order.id, reasons.get(order.id)!))) withdrawn++;
    }
    return withdrawn;
  }

  private async readable(ctx: RequestContext, id: string): Promise<RecallRow> {
    const recall = await this.repo.db.selectFrom('trace_recalls').selectAll().where('id', '=', id).executeTakeFirst();
    if (!recall) throw notFound('Recall');
    const viewer = await this.access.viewer(ctx);
    if (viewer.readsAll) return recall;
    const producers = await this.repo.db.selectFrom('trace_recall_batches as rb').innerJoin('trace_batches as b', 'b.id', 'rb.batch_id').innerJoin('trace_producers as p', 'p.id', 'b.producer_id').selectAll('p').where('rb.recall_id', '=', id).execute();
    if (!producers.some((p) => mayRead(viewer, p))) throw notFound('Recall');
    return recall;
  }

  async get(ctx: RequestContext, id: string): Promise<RecallView> {
    const recall = await this.readable(ctx, id);
    return (await this.views([recall], true))[0];
  }

  /** Newest first, a page at a time. */
  async list(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<RecallView>> {
    const viewer = await this.access.viewer(ctx);
    const key = cursorKey(cursor, 2);
    let query = this.repo.db.selectFrom('trace_recalls').selectAll().orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
    if (key) query = query.where((eb) => afterKey(eb, ['opened_at', 'id'], key, 'desc'));
    if (!viewer.readsAll) {
      // Others see the recalls that reach a batch of a producer they may read.
      const reached = await this.repo.db.selectFrom('trace_recall_batches as rb').innerJoin('trace_batches as b', 'b.id', 'rb.batch_id').innerJoin('trace_producers as p', 'p.id', 'b.producer_id').selectAll('p').select('rb.recall_id').execute();
      const visible = [...new Set(reached.filter((p) => mayRead(viewer, p)).map((p) => p.recall_id))];
      if (visible.length === 0) return { items: [], nextCursor: null };
      query = query.where('id', 'in', visible);
    }
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.opened_at, r.id));
    return { items: await this.views(page.items, false), nextCursor: page.nextCursor };
  }

  private async views(rows: RecallRow[], withNotices: boolean): Promise<RecallView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [batches, notices] = await Promise.all([
      this.repo.db.selectFrom('trace_recall_batches as rb').innerJoin('trace_batches as b', 'b.id', 'rb.batch_id').select(['rb.recall_id', 'rb.frozen', 'b.id', 'b.code', 'b.product_name']).where('rb.recall_id', 'in', ids).orderBy('b.code').execute(),
      this.repo.db.selectFrom('trace_recall_notices as n').innerJoin('trace_batches as b', 'b.id', 'n.batch_id').selectAll('n').select('b.code').where('n.recall_id', 'in', ids).orderBy('n.order_id').execute(),
    ]);
    const orders = withNotices ? new Map((await this.ports.sales.orders(notices.map((n) => n.order_id))).map((o) => [o.id, o])) : new Map();
    return rows.map((r) => {
      const own = notices.filter((n) => n.recall_id === r.id);
      const held = batches.filter((b) => b.recall_id === r.id);
      return {
        id: r.id,
        reason: r.reason,
        status: r.status,
        openedBy: r.opened_by_name,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
        batches: held.map((b) => ({ id: b.id, code: b.code, productName: b.product_name, frozen: b.frozen })),
        counts: {
          orders: own.length,
          buyers: new Set(own.map((n) => n.buyer_user_id)).size,
          notified: own.filter((n) => n.notified_at).length,
          responded: own.filter((n) => n.response).length,
          frozen: held.reduce((n, b) => n + b.frozen, 0),
        },
        notices: withNotices
          ? own.map((n) => {
              const order = orders.get(n.order_id);
              return { id: n.id, orderId: n.order_id, batchCode: n.code, buyer: maskName(order?.recipientName ?? ''), buyerPhone: maskPhone(order?.recipientPhone), notifiedAt: n.notified_at, response: n.response as Response | null, responseNote: n.response_note, respondedAt: n.responded_at };
            })
          : [],
      };
    });
  }

  async close(ctx: RequestContext, id: string): Promise<RecallView> {
    requireRole(ctx, 'regulator', 'county_admin');
    await this.repo.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('trace_recalls').set({ status: 'closed', closed_at: isoNow(this.clock) }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        if (!(await trx.selectFrom('trace_recalls').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('Recall');
        throw conflict('RECALL_CLOSED', 'This recall is closed already');
      }
      await recordAudit(trx, ctx, { action: 'recall.closed', entityType: 'trace_recall', entityId: id });
    });
    return this.get(ctx, id);
  }

  /** The recall report for the file: summary, batches, and every order with its buyer's answer. */
  async report(ctx: RequestContext, id: string): Promise<{ fileName: string; body: Buffer }> {
    const recall = await this.get(ctx, id);
    return { fileName: `recall-${recall.id}.xlsx`, body: await reports('recallWorkbook', recall, RESPONSE_NAMES) };
  }

  // ---- buyers ----

  /** The buyer's notices, newest first, a page at a time (or the one named). */
  async mine(ctx: RequestContext, limit: number, cursor?: string, noticeId?: string) {
    const { userId } = signedIn(ctx);
    const key = cursorKey(cursor, 1);
    let query = this.repo.db
      .selectFrom('trace_recall_notices as n')
      .innerJoin('trace_recalls as r', 'r.id', 'n.recall_id')
      .innerJoin('trace_batches as b', 'b.id', 'n.batch_id')
      .selectAll('n')
      .select(['r.reason', 'b.code', 'b.product_name'])
      .where('n.buyer_user_id', '=', userId)
      .orderBy('n.id', 'desc')
      .limit(limit + 1);
    if (key) query = query.where('n.id', '<', key[0]);
    if (noticeId) query = query.where('n.id', '=', noticeId);
    const page = toPage(await query.execute(), limit, (n) => keyOf(n.id));
    const items = page.items.map((n) => ({ id: n.id, recallId: n.recall_id, orderId: n.order_id, productName: n.product_name, batchCode: n.code, reason: n.reason, notifiedAt: n.notified_at, response: n.response as Response | null, respondedAt: n.responded_at }));
    return { items, nextCursor: page.nextCursor };
  }

  async respond(ctx: RequestContext, noticeId: string, response: Response, note?: string) {
    const { userId } = signedIn(ctx);
    const notice = await this.repo.db.selectFrom('trace_recall_notices').selectAll().where('id', '=', noticeId).executeTakeFirst();
    if (!notice || notice.buyer_user_id !== userId) throw notFound('Recall notice');
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('trace_recall_notices').set({ response, response_note: note?.trim() || null, responded_at: isoNow(this.clock) }).where('id', '=', noticeId).execute();
      await recordAudit(trx, ctx, { action: 'recall.answered', entityType: 'trace_recall_notice', entityId: noticeId, details: { response } });
    });
    return (await this.mine(ctx, 1, undefined, noticeId)).items[0] ?? null;
  }
}
