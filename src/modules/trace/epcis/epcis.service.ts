import type { RequestContext } from '../../../kernel/context.js';
import { requireRole } from '../../../kernel/context.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import type { GenealogyService } from '../genealogy.service.js';
import type { TraceRepository } from '../trace.repository.js';
import type { BatchRow } from '../trace.tables.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { offloaded } from '../../../kernel/offload.js';
import { MAX_DEPTH } from './prepare.js';
import { linkEvents } from './links.js';
import { eventListOf } from './validate.js';
import type { TraceAccess } from '../trace-access.js';
import type { TracePorts } from '../ports.js';
import { settleSupersededHolds } from '../holds.js';
import { isoNow, type Clock } from '../../../kernel/clock.js';

/** Events a captured document may hold: a partner's day of events fits; more go in several documents. */
export const MAX_EVENTS = 1000;

const prepare = offloaded<typeof import('./prepare.js')>(new URL('./prepare.js', import.meta.url));
const exporter = offloaded<typeof import('./export-doc.js')>(new URL('./export-doc.js', import.meta.url));

/**
 * GS1 EPCIS 2.0: a batch's history as a JSON-LD document (harvest as commissioning, lab tests as inspecting,
 * splits, merges and packing as transformations, cartons as aggregations, stock as receiving, orders as shipping
 * and receiving, a recall as holding), and a capture endpoint that takes documents from partners.
 */
export class EpcisService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly clock: Clock,
    private readonly genealogy: GenealogyService,
  ) {}

  /** The document as JSON text: read here, written in a worker thread (a batch may have tens of thousands of units). */
  async export(ctx: RequestContext, batchId: string, origin: string): Promise<string> {
    const { viewer, batch } = await this.access.readBatch(ctx, batchId);
    const related = new Map<string, BatchRow>();
    for (const b of [...(await this.genealogy.reach([batch.id], 'up')), ...(await this.genealogy.reach([batch.id], 'down'))]) related.set(b.id, b);
    const batches = [...related.values()].sort((a, b) => a.created_at.localeCompare(b.created_at));
    const ids = batches.map((b) => b.id);
    const db = this.repo.db;
    const [links, packages, allocations, records, imported] = await Promise.all([
      db.selectFrom('trace_batch_links').selectAll().where('child_id', 'in', ids).execute(),
      db.selectFrom('trace_packages').select(['id', 'batch_id', 'serial', 'level', 'parent_id', 'created_at']).where('batch_id', 'in', ids).orderBy('serial').execute(),
      db.selectFrom('trace_allocations').selectAll().where('batch_id', 'in', ids).execute(),
      db.selectFrom('trace_records').selectAll().where('plot_id', 'in', [...new Set(batches.map((b) => b.plot_id ?? ''))]).where('kind', '=', 'lab_test').execute(),
      db.selectFrom('trace_epcis_events').select('body').where('batch_id', 'in', ids).$if(!viewer.readsAll, (q) => q.where('vouched', '=', 1)).execute(),
    ]);
    const orders = await this.ports.sales.orders([...new Set(allocations.map((a) => a.order_id))]);
    const recalled = batches.filter((x) => x.recall_id);
    const recalls = recalled.length ? await db.selectFrom('trace_recalls').select(['id', 'opened_at']).where('id', 'in', recalled.map((b) => b.recall_id!)).execute() : [];
    return exporter('epcisDocument', {
      origin,
      batchId: batch.id,
      now: isoNow(this.clock),
      batches,
      links,
      packages,
      allocations,
      records,
      imported: imported.map((e) => e.body),
      orders: orders.map((o) => ({ id: o.id, shippedAt: o.shippedAt, deliveredAt: o.deliveredAt })),
      recallOpened: recalls.map((r) => [r.id, r.opened_at]),
    });
  }

  /**
   * Captures a partner's EPCIS 2.0 document: at most MAX_EVENTS events (413 before any is read), validated against
   * GS1's schema in a worker thread (400 naming what is wrong, at most 50 problems), each event stored once by its
   * eventID, and linked to a batch when it names one of our trace codes and the sender may act on it (links.ts).
   */
  async capture(ctx: RequestContext, document: unknown): Promise<{ accepted: number; duplicates: number; linked: number }> {
    const principal = requireRole(ctx, 'county_admin', 'regulator', 'merchant', 'courier');
    const list = eventListOf(document);
    if (list && list.events.length > MAX_EVENTS) {
      throw new AppError(413, 'TOO_MANY_EVENTS', `body.${list.path.join('.')}: at most ${MAX_EVENTS} events a document (this one has ${list.events.length}); send them in several documents`, { field: `body.${list.path.join('.')}`, limit: MAX_EVENTS, count: list.events.length });
    }
    let json: string;
    try {
      json = JSON.stringify(document);
    } catch {
      // Only nesting thousands of levels deep makes JSON.stringify fail on parsed JSON (the call stack).
      throw invalidField('body', `is nested more than ${MAX_DEPTH} levels deep`, 'EPCIS_INVALID');
    }
    const { documentId, events } = await prepare('prepareCapture', json);
    const links = await linkEvents(this.repo, this.access, ctx, events, (list?.path ?? ['epcisBody', 'eventList']).join('.'));
    let accepted = 0;
    let linked = 0;
    await this.repo.db.transaction().execute(async (trx) => {
      for (const [i, event] of events.entries()) {
        if (await trx.selectFrom('trace_epcis_events').select('id').where('event_id', '=', event.eventId).executeTakeFirst()) continue;
        const { batchId, vouched } = links[i];
        await trx.insertInto('trace_epcis_events').values({ id: newId('epc'), event_id: event.eventId, type: event.type, event_time: event.eventTime, biz_step: event.bizStep, batch_id: batchId, vouched, body: event.body, received_at: isoNow(this.clock), received_by: principal.userId }).execute();
        accepted++;
        if (batchId) linked++;
      }
      if (linked) {
        await this.repo.bump(trx);
        await settleSupersededHolds(trx, this.ports.stock);
      }
      await recordAudit(trx, ctx, { action: 'epcis.captured', entityType: 'epcis_document', entityId: documentId, details: { events: events.length, accepted, linked } });
    });
    return { accepted, duplicates: events.length - accepted, linked };
  }
}
