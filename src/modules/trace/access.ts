import { forbidden, notFound } from '../../kernel/errors.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import type { ProducerRow } from './trace.tables.js';
import type { TracePlaces, TraceSellers } from './ports.js';

/** What one caller may read and keep in traceability. */
export interface TraceViewer {
  userId: string;
  displayName: string;
  /** County admin and regulators read everything. */
  readsAll: boolean;
  county: boolean;
  regulator: boolean;
  sellerIds: Set<string>;
  /** A township operator's township, or a village operator's village (division code prefix). */
  areaPrefix: string | null;
}

export async function traceViewer(ctx: RequestContext, sellers: TraceSellers, places: TracePlaces): Promise<TraceViewer> {
  // Farm records and batches are work of producers, their points and the county; shoppers see the scan page.
  const principal = requireRole(ctx, 'county_admin', 'regulator', 'township_operator', 'village_operator', 'merchant');
  const county = hasRole(ctx, 'county_admin');
  const regulator = hasRole(ctx, 'regulator');
  let areaPrefix: string | null = null;
  if (!county && principal.scope.kind === 'township' && hasRole(ctx, 'township_operator')) areaPrefix = principal.scope.id;
  if (!county && principal.scope.kind === 'site' && hasRole(ctx, 'village_operator')) areaPrefix = (await places.placeBook()).siteDivision.get(principal.scope.id) ?? null;
  const sellerIds = new Set(hasRole(ctx, 'merchant', 'village_operator') ? await sellers.managedBy(principal.userId) : []);
  return { userId: principal.userId, displayName: principal.displayName, readsAll: county || regulator, county, regulator, sellerIds, areaPrefix };
}

export const mayRead = (v: TraceViewer, p: ProducerRow) => v.readsAll || mayKeep(v, p) || (!!v.areaPrefix && p.division_code.startsWith(v.areaPrefix));

/** Who keeps a producer's records: its manager, the managers of its seller, its village's operator, the county. */
export const mayKeep = (v: TraceViewer, p: ProducerRow) =>
  v.county || p.manager_user_id === v.userId || (!!p.seller_id && v.sellerIds.has(p.seller_id)) || (v.areaPrefix?.length === 12 && p.division_code === v.areaPrefix);

/** 404 for what the caller may not see, 403 for what they may see but not change. */
export function checkKeeps(v: TraceViewer, p: ProducerRow | undefined): ProducerRow {
  if (!p || !mayRead(v, p)) throw notFound('Producer');
  if (!mayKeep(v, p)) throw forbidden('Only the producer, its village point or the county office keep its records');
  return p;
}

export function checkReads(v: TraceViewer, p: ProducerRow | undefined): ProducerRow {
  if (!p || !mayRead(v, p)) throw notFound('Producer');
  return p;
}
