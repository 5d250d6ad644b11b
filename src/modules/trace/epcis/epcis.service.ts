import type { RequestContext } from '../../../kernel/context.js';
import { requireRole } from '../../../kernel/context.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import type { GenealogyService } from '../genealogy.service.js';
import type { TraceBase } from '../trace-base.js';
import { traceUrl } from '../trace-code.js';
import type { RecordDetails } from '../trace.schema.js';
import type { BatchRow } from '../trace.tables.js';
import { seasonOf } from '../interval-rule.js';
import { AppError } from '../../../kernel/errors.js';
import { offloaded } from '../../../kernel/offload.js';
import { hashId } from './prepare.js';
import { eventListOf } from './validate.js';

const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const OFFSET = '+08:00';
const KG: Record<string, number> = { kg: 1, jin: 0.5, t: 1000 };

type EpcisEvent = Record<string, unknown> & { type: string; eventTime: string };

/** Noon in China on a day, as EPCIS wants times (with the offset). */
const dayTime = (day: string) => `${day}T12:00:00.000${OFFSET}`;
const at = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().replace('Z', OFFSET);

/** Events a captured document may hold: a partner's day of events fits; more go in several documents. */
export const MAX_EVENTS = 1000;

const prepare = offloaded<typeof import('./prepare.js')>(new URL('./prepare.js', import.meta.url));

/**
 * GS1 EPCIS 2.0: a batch's history as a JSON-LD document (harvest as commissioning, lab tests as inspecting,
 * splits, merges and packing as transformations, cartons as aggregations, stock as receiving, orders as shipping
 * and receiving, a recall as holding), and a capture endpoint that takes documents from partners.
 */
export class EpcisService {
  constructor(
    private readonly base: TraceBase,
    private readonly genealogy: GenealogyService,
  ) {}

  async export(ctx: RequestContext, batchId: string, origin: string): Promise<Record<string, unknown>> {
    const { batch } = await this.base.readBatch(ctx, batchId);
    const related = new Map<string, BatchRow>();
    for (const b of [...(await this.genealogy.reach([batch.id], 'up')), ...(await this.genealogy.reach([batch.id], 'down'))]) related.set(b.id, b);
    const batches = [...related.values()].sort((a, b) => a.created_at.localeCompare(b.created_at));
    const ids = batches.map((b) => b.id);
    const db = this.base.db;
    const [links, packages, allocations, records, imported] = await Promise.all([
      db.selectFrom('trace_batch_links').selectAll().where('child_id', 'in', ids).execute(),
      db.selectFrom('trace_packages').select(['id', 'batch_id', 'serial', 'level', 'parent_id', 'created_at']).where('batch_id', 'in', ids).orderBy('serial').execute(),
      db.selectFrom('trace_allocations').selectAll().where('batch_id', 'in', ids).execute(),
      db.selectFrom('trace_records').selectAll().where('plot_id', 'in', [...new Set(batches.map((b) => b.plot_id ?? ''))]).where('kind', '=', 'lab_test').execute(),
      db.selectFrom('trace_epcis_events').select('body').where('batch_id', 'in', ids).execute(),
    ]);
    const cls = (b: BatchRow) => traceUrl(origin, b);
    const qty = (b: BatchRow, quantity: number) => ({ epcClass: cls(b), quantity: Math.round(quantity * KG[b.unit] * 1000) / 1000, uom: 'KGM' });
    const place = (code: string) => ({ id: `urn:countyhub:division:${code}` });
    const events: EpcisEvent[] = [];
    const add = (event: EpcisEvent) => events.push(Object.assign({ eventID: hashId(event) }, event));

    for (const b of batches.filter((x) => x.origin === 'harvest')) {
      add({ type: 'ObjectEvent', eventTime: dayTime(b.harvested_on), eventTimeZoneOffset: OFFSET, action: 'ADD', quantityList: [qty(b, b.quantity)], bizStep: 'commissioning', disposition: 'active', readPoint: { id: `urn:countyhub:plot:${b.plot_id}` }, bizLocation: place(b.division_code), ilmd: { 'cbvmda:lotNumber': b.code, 'cbvmda:countryOfOrigin': 'CN', 'cbvmda:harvestStartDate': b.harvested_on } });
      for (const test of records.filter((r) => r.plot_id === b.plot_id && r.occurred_on <= b.harvested_on && seasonOf(r.occurred_on) === seasonOf(b.harvested_on))) {
        const passed = (JSON.parse(test.details) as RecordDetails).labTest!.items.every((i) => i.pass);
        add({ type: 'ObjectEvent', eventTime: dayTime(test.occurred_on), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', quantityList: [qty(b, b.quantity)], bizStep: 'inspecting', disposition: passed ? 'conformant' : 'non_conformant', readPoint: { id: `urn:countyhub:plot:${b.plot_id}` } });
      }
    }
    for (const b of batches.filter((x) => x.origin !== 'harvest')) {
      const parents = links.filter((l) => l.child_id === b.id).map((l) => ({ parent: related.get(l.parent_id), quantity: l.quantity })).filter((p) => p.parent);
      add({ type: 'TransformationEvent', eventTime: at(b.created_at), eventTimeZoneOffset: OFFSET, inputQuantityList: parents.map((p) => qty(p.parent!, p.quantity)), outputQuantityList: [qty(b, b.quantity)], bizStep: 'commissioning', disposition: 'active', bizLocation: place(b.division_code), ilmd: { 'cbvmda:lotNumber': b.code } });
    }
    for (const b of batches) {
      const own = packages.filter((p) => p.batch_id === b.id);
      if (own.length) {
        add({ type: 'TransformationEvent', eventTime: at(own[0].created_at), eventTimeZoneOffset: OFFSET, inputQuantityList: [qty(b, b.quantity)], outputEPCList: own.map((p) => traceUrl(origin, b, p.serial)), bizStep: 'packing', disposition: 'active', bizLocation: place(b.division_code) });
        for (const carton of own.filter((p) => p.level === 'carton')) {
          const units = own.filter((p) => p.parent_id === carton.id);
          if (units.length) add({ type: 'AggregationEvent', eventTime: at(carton.created_at), eventTimeZoneOffset: OFFSET, action: 'ADD', parentID: traceUrl(origin, b, carton.serial), childEPCs: units.map((u) => traceUrl(origin, b, u.serial)), bizStep: 'packing', disposition: 'in_progress' });
        }
      }
      if (b.stocked_at) add({ type: 'ObjectEvent', eventTime: at(b.stocked_at), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', quantityList: [{ epcClass: cls(b), quantity: b.stocked, uom: 'H87' }], bizStep: 'receiving', disposition: 'in_progress', bizLocation: { id: `urn:countyhub:stock:${b.stock_location}` } });
    }
    const orders = new Map((await this.base.ports.sales.orders([...new Set(allocations.map((a) => a.order_id))])).map((o) => [o.id, o]));
    for (const a of allocations) {
      const order = orders.get(a.order_id);
      const b = related.get(a.batch_id)!;
      const line = { quantityList: [{ epcClass: cls(b), quantity: a.quantity, uom: 'H87' }], bizTransactionList: [{ type: 'po', bizTransaction: `urn:countyhub:order:${a.order_id}` }] };
      if (order?.shippedAt) add({ type: 'ObjectEvent', eventTime: at(order.shippedAt), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', ...line, bizStep: 'shipping', disposition: 'in_transit' });
      if (order?.deliveredAt) add({ type: 'ObjectEvent', eventTime: at(order.deliveredAt), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', ...line, bizStep: 'receiving', disposition: 'in_progress' });
    }
    const recalled = batches.filter((x) => x.recall_id);
    const recallOpened = new Map((recalled.length ? await db.selectFrom('trace_recalls').select(['id', 'opened_at']).where('id', 'in', recalled.map((b) => b.recall_id!)).execute() : []).map((r) => [r.id, r.opened_at]));
    for (const b of recalled) {
      add({ type: 'ObjectEvent', eventTime: at(recallOpened.get(b.recall_id!)!), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', quantityList: [qty(b, b.quantity)], bizStep: 'holding', disposition: 'recalled' });
    }
    events.push(...imported.map((e) => JSON.parse(e.body) as EpcisEvent));
    events.sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime));
    return { '@context': [CONTEXT], id: `${origin}/api/v1/trace/batches/${batch.id}/epcis`, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: this.base.now(), epcisBody: { eventList: events } };
  }

  /**
   * Captures a partner's EPCIS 2.0 document: at most MAX_EVENTS events (413 before any is read), validated against
   * GS1's schema in a worker thread (400 naming what is wrong, at most 50 problems), each event stored once by its
   * eventID, and linked to a batch when it names one of our trace codes.
   */
  async capture(ctx: RequestContext, document: unknown): Promise<{ accepted: number; duplicates: number; linked: number }> {
    const principal = requireRole(ctx, 'county_admin', 'regulator', 'merchant', 'courier');
    const list = eventListOf(document);
    if (list && list.events.length > MAX_EVENTS) {
      throw new AppError(413, 'TOO_MANY_EVENTS', `body.${list.path.join('.')}: at most ${MAX_EVENTS} events a document (this one has ${list.events.length}); send them in several documents`, { field: `body.${list.path.join('.')}`, limit: MAX_EVENTS, count: list.events.length });
    }
    const { documentId, events } = await prepare('prepareCapture', JSON.stringify(document));
    const codes = [...new Set(events.map((e) => e.code).filter((c): c is string => c !== null))];
    const batchOf = new Map((codes.length ? await this.base.db.selectFrom('trace_batches').select(['id', 'code']).where('code', 'in', codes).execute() : []).map((b) => [b.code, b.id]));
    let accepted = 0;
    let linked = 0;
    await this.base.db.transaction().execute(async (trx) => {
      for (const event of events) {
        if (await trx.selectFrom('trace_epcis_events').select('id').where('event_id', '=', event.eventId).executeTakeFirst()) continue;
        const batchId = event.code ? (batchOf.get(event.code) ?? null) : null;
        await trx.insertInto('trace_epcis_events').values({ id: newId('epc'), event_id: event.eventId, type: event.type, event_time: event.eventTime, biz_step: event.bizStep, batch_id: batchId, body: event.body, received_at: this.base.now(), received_by: principal.userId }).execute();
        accepted++;
        if (batchId) linked++;
      }
      if (linked) await this.base.bump(trx);
      await recordAudit(trx, ctx, { action: 'epcis.captured', entityType: 'epcis_document', entityId: documentId, details: { events: events.length, accepted, linked } });
    });
    return { accepted, duplicates: events.length - accepted, linked };
  }
}
