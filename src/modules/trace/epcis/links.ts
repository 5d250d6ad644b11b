import { hasRole, type RequestContext } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { mayKeep } from '../access.js';
import type { TraceAccess } from '../trace-access.js';
import type { TraceRepository } from '../trace.repository.js';
import type { PreparedEvent } from './prepare.js';

const CHUNK = 500;

/** Where each captured event goes: the batch it is linked to (if it names one of ours) and whether it is vouched. */
export interface EventLink {
  batchId: string | null;
  vouched: 0 | 1;
}

/**
 * An event is linked to a batch only when its sender may act on every batch of ours it names: the county office
 * and regulators on any, a producer's keepers (its merchant, its village point) on its own. A courier's parcels are
 * not known to traceability, so a courier's events are linked but vouched 0: only the county office and regulators
 * see them. Anyone else naming a batch they may not act on has the whole document refused (403), naming the event.
 */
export async function linkEvents(repo: TraceRepository, access: TraceAccess, ctx: RequestContext, events: PreparedEvent[], listPath: string): Promise<EventLink[]> {
  const codes = [...new Set(events.flatMap((e) => e.codes))];
  const batches = new Map<string, { id: string; producer_id: string }>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await repo.db.selectFrom('trace_batches').select(['id', 'code', 'producer_id']).where('code', 'in', codes.slice(i, i + CHUNK)).execute();
    for (const b of rows) batches.set(b.code, b);
  }
  if (!batches.size) return events.map(() => ({ batchId: null, vouched: 1 }));
  const viewer = hasRole(ctx, 'county_admin', 'regulator', 'township_operator', 'village_operator', 'merchant') ? await access.viewer(ctx) : null;
  const producerIds = [...new Set([...batches.values()].map((b) => b.producer_id))];
  const producers = viewer && !viewer.readsAll ? await repo.db.selectFrom('trace_producers').selectAll().where('id', 'in', producerIds).execute() : [];
  const kept = new Set(producers.filter((p) => viewer && mayKeep(viewer, p)).map((p) => p.id));
  const mayAct = (producerId: string) => !!viewer && (viewer.readsAll || kept.has(producerId));
  const courier = hasRole(ctx, 'courier');
  return events.map((event, i) => {
    const named = event.codes.flatMap((c) => batches.get(c) ?? []);
    if (!named.length) return { batchId: null, vouched: 1 };
    const foreign = event.codes.find((c) => batches.has(c) && !mayAct(batches.get(c)!.producer_id));
    if (foreign === undefined) return { batchId: named[0].id, vouched: 1 };
    if (courier) return { batchId: named[0].id, vouched: 0 };
    const field = `body.${listPath}.${i}`;
    throw new AppError(403, 'EPCIS_BATCH_NOT_YOURS', `${field}: names batch ${foreign}, which you may not act on: only its producer, its village point, the county office and regulators link events to a batch; nothing of this document was kept`, { field, code: foreign });
  });
}
