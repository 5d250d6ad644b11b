import { traceUrl } from '../trace-code.js';
import type { RecordDetails } from '../trace.schema.js';
import type { AllocationRow, BatchLinkRow, BatchRow, PackageRow, RecordRow } from '../trace.tables.js';
import { seasonOf } from '../interval-rule.js';
import { hashId } from './prepare.js';

const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const OFFSET = '+08:00';
const KG: Record<string, number> = { kg: 1, jin: 0.5, t: 1000 };

type EpcisEvent = Record<string, unknown> & { type: string; eventTime: string };

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Noon in China on a day, as EPCIS wants times (with the offset). */
const dayTime = (day: string) => `${day}T12:00:00.000${OFFSET}`;
const at = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().replace('Z', OFFSET);

/** What a batch's EPCIS document is made of, read from the database by the service. */
export interface ExportFacts {
  origin: string;
  batchId: string;
  now: string;
  /** The batch and every batch it came from or went into, oldest first. */
  batches: BatchRow[];
  links: BatchLinkRow[];
  packages: Pick<PackageRow, 'id' | 'batch_id' | 'serial' | 'level' | 'parent_id' | 'created_at'>[];
  allocations: AllocationRow[];
  records: RecordRow[];
  /** Events captured from partners that name these batches, as stored. */
  imported: string[];
  orders: { id: string; shippedAt: string | null; deliveredAt: string | null }[];
  recallOpened: [string, string][];
}

/** The EPCIS 2.0 document of a batch, as JSON text; run in a worker thread (kernel/offload.ts). */
export function epcisDocument(f: ExportFacts): string {
  const { origin, batches, links, packages, allocations, records, imported } = f;
  const related = new Map(batches.map((b) => [b.id, b]));
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
  // Grouped once: a batch packed into tens of thousands of units must not be scanned once per carton.
  const byBatch = groupBy(packages, (p) => p.batch_id);
  const byCarton = groupBy(packages, (p) => p.parent_id ?? '');
  for (const b of batches) {
    const own = byBatch.get(b.id) ?? [];
    if (own.length) {
      add({ type: 'TransformationEvent', eventTime: at(own[0].created_at), eventTimeZoneOffset: OFFSET, inputQuantityList: [qty(b, b.quantity)], outputEPCList: own.map((p) => traceUrl(origin, b, p.serial)), bizStep: 'packing', disposition: 'active', bizLocation: place(b.division_code) });
      for (const carton of own.filter((p) => p.level === 'carton')) {
        const units = byCarton.get(carton.id) ?? [];
        if (units.length) add({ type: 'AggregationEvent', eventTime: at(carton.created_at), eventTimeZoneOffset: OFFSET, action: 'ADD', parentID: traceUrl(origin, b, carton.serial), childEPCs: units.map((u) => traceUrl(origin, b, u.serial)), bizStep: 'packing', disposition: 'in_progress' });
      }
    }
    if (b.stocked_at) add({ type: 'ObjectEvent', eventTime: at(b.stocked_at), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', quantityList: [{ epcClass: cls(b), quantity: b.stocked, uom: 'H87' }], bizStep: 'receiving', disposition: 'in_progress', bizLocation: { id: `urn:countyhub:stock:${b.stock_location}` } });
  }
  const orders = new Map(f.orders.map((o) => [o.id, o]));
  for (const a of allocations) {
    const order = orders.get(a.order_id);
    const b = related.get(a.batch_id)!;
    const line = { quantityList: [{ epcClass: cls(b), quantity: a.quantity, uom: 'H87' }], bizTransactionList: [{ type: 'po', bizTransaction: `urn:countyhub:order:${a.order_id}` }] };
    if (order?.shippedAt) add({ type: 'ObjectEvent', eventTime: at(order.shippedAt), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', ...line, bizStep: 'shipping', disposition: 'in_transit' });
    if (order?.deliveredAt) add({ type: 'ObjectEvent', eventTime: at(order.deliveredAt), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', ...line, bizStep: 'receiving', disposition: 'in_progress' });
  }
  const recallOpened = new Map(f.recallOpened);
  for (const b of batches.filter((x) => x.recall_id)) {
    add({ type: 'ObjectEvent', eventTime: at(recallOpened.get(b.recall_id!)!), eventTimeZoneOffset: OFFSET, action: 'OBSERVE', quantityList: [qty(b, b.quantity)], bizStep: 'holding', disposition: 'recalled' });
  }
  events.push(...imported.map((body) => JSON.parse(body) as EpcisEvent));
  events.sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime));
return JSON.stringify({ '@context': [CONTEXT], id: `${origin}/api/v1/trace/batches/${f.batchId}/epcis`, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: f.now, epcisBody: { eventList: events } });
}
