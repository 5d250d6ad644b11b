import { recordAudit } from '../../kernel/audit.js';
import { shanghaiDate, isoNow, type Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { mayRead } from './access.js';
import { invalidField, notFound, type AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { maskPhone } from '../../kernel/mask.js';
import { packageWarning } from './batches.service.js';
import { effective, harvestOf, inputAgainst } from './record-book.js';
import type { RevisionedMap } from '../../kernel/read-cache.js';
import type { TraceRepository } from './trace.repository.js';
import { gtin14, TRACE_CODE } from './trace-code.js';
import type { RecordDetails } from './trace.schema.js';
import type { BatchRow, PackageRow } from './trace.tables.js';
import { CROP_NAMES } from './trace.tables.js';
import type { GenealogyService } from './genealogy.service.js';
import type { ScanCounter } from './scan-counter.js';
import { scanPage } from './scan-page.js';
import { PER_CODE, PER_SENDER, purgeComplaintCounters, takeComplaintPlaces, type ComplaintCounterTables, type ComplaintRule } from './complaint-limits.js';
import type { Kysely } from 'kysely';
import { toPage } from '../../kernel/http/paging.js';
import { afterKey, cursorKey, keyOf } from '../../kernel/http/keyset.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';
import { placeName } from './place-name.js';
import type { Sealer } from '../../kernel/sealed.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { ComplaintFiled } from './events.js';

/** What the public scan page shows of a batch (no personal data). */
export interface ScanFacts {
  county: string;
  code: string;
  product: string;
  variety: string;
  harvestedOn: string;
  quantity: number;
  unit: string;
  producer: { name: string; kind: 'seller' | 'farmer'; creditCode: string | null; place: string };
  origins: { plot: string; place: string; areaMu: number }[];
  certifications: { kind: string; number: string; issuer: string; validTo: string }[];
  inputs: { occurredOn: string; productName: string; category: string; dose: string; intervalDays: number | null; intervalKept: boolean; overLimit: boolean }[];
  activities: { occurredOn: string; kind: string; text: string }[];
  labTests: { occurredOn: string; laboratory: string; passed: boolean; items: { name: string; result: string; pass: boolean }[] }[];
  journey: { day: string; text: string }[];
  recall: { reason: string; openedAt: string } | null;
  override: string | null;
  /** The regulator's review of a breach found after the harvest: what the page says instead of the raw flags. */
  review: { state: 'pending' | 'upheld' | 'released'; reason: string | null } | null;
}

export interface ScanPackage {
  serial: string;
  level: 'carton' | 'unit';
  scans: number;
  warning: string | null;
}

/** Where a QR code leads: a batch by trace code, or a serialised carton or unit; GS1 Digital Link or short path. */
export interface ScanKey {
  code?: string;
  gtin?: string;
  serial?: string;
}

const FACTS_TTL_MS = 60_000;
/**
 * How long a scanned code's batch, package and facts are kept: a label is scanned by many phones. A write that bumps
 * the trace revision, in any process, clears them once committed; one that does not (or one by hand) shows within this.
 */
const LOOKUP_TTL_MS = 5_000;

interface Lookup {
  batch: BatchRow;
  /** Which package a serialised code is; its counts are read for each scan. */
  pkg: PackageRow | null;
  facts: ScanFacts;
  /** The rendered page of a batch code; a serialised code's page is made for each scan, which it counts. */
  html?: string;
}

/** What the public is told of a batch's reviews: upheld beats pending beats released (the latest reason). */
export function reviewOf(batch: Pick<BatchRow, 'held'>, reviews: { decision: string | null; override_reason: string | null }[]): ScanFacts['review'] {
  if (reviews.length === 0) return null;
  const upheld = reviews.find((r) => r.decision === 'upheld');
  if (batch.held === 1) return upheld ? { state: 'upheld', reason: upheld.override_reason } : { state: 'pending', reason: null };
  const released = reviews.filter((r) => r.decision === 'released').at(-1);
  return released ? { state: 'released', reason: released.override_reason } : null;
}

/** The network a scan came from, coarse (IPv4 /24, IPv6 /48) and fingerprinted: a place, not a person. */
export const networkOf = (ip: string) => (ip.includes(':') ? ip.split(':').slice(0, 3).join(':') : ip.split('.').slice(0, 3).join('.'));

/** Resolves scanned codes, counts serialised scans, and gathers the public facts of a batch (cached). */
export class ScanService {
  /** Public facts by batch id. */
  private readonly factsKept: RevisionedMap<ScanFacts>;
  /** Scanned codes' batches, packages and facts, by code. */
  private readonly lookups: RevisionedMap<Lookup>;

  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly genealogy: GenealogyService,
    readonly counter: ScanCounter,
    private readonly events: EventPublisher,
  ) {
    this.factsKept = repo.cache<ScanFacts>({ max: 5000, ttlMs: FACTS_TTL_MS, clock });
    this.lookups = repo.cache<Lookup>({ max: 5000, ttlMs: LOOKUP_TTL_MS, clock });
  }

  async resolve(key: ScanKey): Promise<{ batch: BatchRow; pkg: PackageRow | null }> {
    const gtin = key.gtin ? gtin14(key.gtin) : null;
    if (key.gtin && !gtin) throw notFound('Product');
    let pkg: PackageRow | null = null;
    let batch: BatchRow | undefined;
    if (key.serial) {
      pkg = (await this.repo.db.selectFrom('trace_packages').selectAll().where('serial', '=', key.serial.toUpperCase()).executeTakeFirst()) ?? null;
      if (!pkg) throw notFound('Code');
      batch = await this.repo.db.selectFrom('trace_batches').selectAll().where('id', '=', pkg.batch_id).executeTakeFirst();
    } else if (key.code && TRACE_CODE.test(key.code)) {
      batch = await this.repo.db.selectFrom('trace_batches').selectAll().where('code', '=', key.code).executeTakeFirst();
    }
    if (!batch || (key.code && batch.code !== key.code) || (gtin && batch.gtin !== gtin)) throw notFound('Code');
    return { batch, pkg };
  }

  /** The public scan page of a code, or null when the platform does not know it; a serialised code's scan is counted. */
  async page(key: ScanKey, ip: string): Promise<string | null> {
    const found = await this.lookup(key);
    if (!found) return null;
    const complaint = `/t/${found.batch.code}/complaint${found.pkg ? `?serial=${found.pkg.serial}` : ''}`;
    if (!found.pkg) return (found.html ??= scanPage(found.facts, null, complaint));
    // Its scan count moves with every scan and every write of the counts: the package's row is read afresh.
    const pkg = await this.repo.db.selectFrom('trace_packages').selectAll().where('id', '=', found.pkg.id).executeTakeFirstOrThrow();
    return scanPage(found.facts, this.count(pkg, ip), complaint);
  }

  private async lookup(key: ScanKey): Promise<Lookup | null> {
    const id = `${key.gtin ?? ''}|${key.code ?? ''}|${key.serial?.toUpperCase() ?? ''}`;
    // Revision first: what is read after it is at least as new, so nothing kept is older than its tag.
    const revision = await this.lookups.revision.read();
    const kept = this.lookups.get(id, revision);
    if (kept) return kept;
    const found = await this.resolve(key).catch((err: AppError) => (err.status === 404 ? null : Promise.reject(err)));
    if (!found) return null;
    const lookup: Lookup = { ...found, facts: await this.facts(found.batch, revision) };
    this.lookups.set(id, revision, lookup);
    return lookup;
  }

  /** Counts one scan of a serialised code and returns what the page says about it. */
  private count(pkg: PackageRow, ip: string): ScanPackage {
    const counted = this.counter.add(pkg, this.sealer.fingerprint(networkOf(ip)).slice(0, 12));
    return { serial: pkg.serial, level: pkg.level, scans: counted.scans, warning: packageWarning({ scans: counted.scans, networks: JSON.stringify(counted.networks) })?.text ?? null };
  }

  private async facts(batch: BatchRow, revision: number): Promise<ScanFacts> {
    const kept = this.factsKept.get(batch.id, revision);
    if (kept) return kept;
    const facts = await this.gather(batch);
    this.factsKept.set(batch.id, revision, facts);
    return facts;
  }

  private async gather(batch: BatchRow): Promise<ScanFacts> {
    const book = await this.ports.places.placeBook();
    const producer = (await this.repo.producer(batch.producer_id))!;
    const ancestors = await this.genealogy.reach([batch.id], 'up');
    const harvested = ancestors.filter((b) => b.plot_id);
    const plotIds = [...new Set(harvested.map((b) => b.plot_id!))];
    const [plots, records, recall, certifications, descendants, reviews] = await Promise.all([
      plotIds.length ? this.repo.db.selectFrom('trace_plots').selectAll().where('id', 'in', plotIds).execute() : [],
      plotIds.length ? this.repo.db.selectFrom('trace_records').selectAll().where('plot_id', 'in', plotIds).orderBy('occurred_on').execute() : [],
      batch.recall_id ? this.repo.db.selectFrom('trace_recalls').select(['reason', 'opened_at']).where('id', '=', batch.recall_id).executeTakeFirst() : undefined,
      batch.product_id ? this.ports.stock.certifications(batch.product_id) : [],
      this.genealogy.reach([batch.id], 'down'),
      this.repo.db.selectFrom('trace_holds as h').innerJoin('trace_refusals as r', 'r.id', 'h.refusal_id').select(['r.decision', 'r.override_reason', 'r.override_at']).where('h.batch_id', '=', batch.id).orderBy('r.override_at').execute(),
    ]);
    const season = effective(records).filter((r) => harvestOf(harvested, r));
    const detail = (r: (typeof records)[number]) => JSON.parse(r.details) as RecordDetails;
    const inputs = season.filter((r) => r.kind === 'input').map((r) => {
      const { input, intervalDays, intervalKept } = inputAgainst(r, harvestOf(harvested, r)!.harvested_on);
      const overLimit = (JSON.parse(r.flags) as { code: string }[]).some((f) => f.code === 'MAX_USES_EXCEEDED');
      return { occurredOn: r.occurred_on, productName: input.productName, category: input.category, dose: input.dose, intervalDays, intervalKept, overLimit };
    });
    const activities = season
      .filter((r) => r.kind === 'activity' || r.kind === 'observation' || r.kind === 'planting')
      .map((r) => {
        const d = detail(r);
        return { occurredOn: r.occurred_on, kind: r.kind, text: d.activity ? (d.activity.description ?? d.activity.type) : d.observation ? `${d.observation.subject}：${d.observation.finding}` : `${d.planting?.variety ?? ''}` };
      });
    const labTests = season.filter((r) => r.kind === 'lab_test').map((r) => {
      const { labTest } = detail(r);
      return { occurredOn: r.occurred_on, laboratory: labTest!.laboratory, passed: labTest!.items.every((i) => i.pass), items: labTest!.items.map(({ name, result, pass }) => ({ name, result, pass })) };
    });
    const overrideRecord = records.find((r) => r.batch_id && harvested.some((b) => b.id === r.batch_id) && r.override);
    return {
      county: book.countyName,
      code: batch.code,
      product: batch.product_name ?? `${book.countyName}${CROP_NAMES[batch.crop]}`,
      variety: batch.variety,
      harvestedOn: batch.harvested_on,
      quantity: batch.quantity,
      unit: batch.unit,
      producer: { name: producer.name, kind: producer.kind, creditCode: producer.credit_code, place: placeName(book, producer.division_code) },
      origins: plots.map((p) => ({ plot: p.name, place: placeName(book, p.division_code), areaMu: p.area_mu })),
      certifications,
      inputs,
      activities: activities.slice(-8),
      labTests,
      journey: await this.journey(batch, ancestors, descendants),
      recall: recall ? { reason: recall.reason, openedAt: recall.opened_at } : null,
      override: overrideRecord ? (JSON.parse(overrideRecord.override!) as { reason: string }).reason : null,
      review: reviewOf(batch, reviews),
    };
  }

  private async journey(batch: BatchRow, ancestors: BatchRow[], descendants: BatchRow[]): Promise<ScanFacts['journey']> {
    const steps: ScanFacts['journey'] = [];
    for (const b of ancestors.filter((a) => a.origin === 'harvest')) steps.push({ day: b.harvested_on, text: `采收 Harvested · 批次 ${b.code}` });
    for (const b of ancestors.filter((a) => a.origin !== 'harvest')) steps.push({ day: shanghaiDate(new Date(b.created_at)), text: b.origin === 'merge' ? `合并成批 Merged into ${b.code}` : `分装 Split into ${b.code}` });
    const firstPack = await this.repo.db.selectFrom('trace_packages').select('created_at').where('batch_id', '=', batch.id).orderBy('created_at').limit(1).executeTakeFirst();
    if (firstPack) steps.push({ day: shanghaiDate(new Date(firstPack.created_at)), text: '装箱赋码 Packed and labelled' });
    if (batch.stocked > 0) steps.push({ day: '', text: `入库 ${batch.stocked} 件 In stock: ${batch.stocked}${batch.stock_location === 'county_warehouse' ? ' · 县级仓储中心 county warehouse' : ''}` });
    const allocations = await this.repo.db.selectFrom('trace_allocations').select(['order_id', 'quantity']).where('batch_id', 'in', descendants.map((d) => d.id)).execute();
    if (allocations.length) {
      const parcels = await this.ports.sales.parcels([...new Set(allocations.map((a) => a.order_id))].slice(0, 500));
      const sold = allocations.reduce((n, a) => n + a.quantity, 0);
      const delivered = parcels.filter((p) => ['picked_up', 'handed_to_carrier', 'arrived_village'].includes(p.status)).length;
      steps.push({ day: '', text: `已售 ${sold} 件，${allocations.length} 笔订单 Sold: ${sold} in ${allocations.length} orders${parcels.length ? ` · 经村级服务点发出 ${parcels.length} 件，${delivered} 件已交快递或送达 ${parcels.length} parcels sent up through village points` : ''}` });
    }
    return steps;
  }

  /** Complaints from scan pages, newest first: all for the county and regulators, those about their own batches for producers. */
  async complaints(ctx: RequestContext, limit: number, cursor?: string) {
    const viewer = await this.access.viewer(ctx);
    const readable = (await this.repo.db.selectFrom('trace_producers').selectAll().execute()).filter((p) => mayRead(viewer, p)).map((p) => p.id);
    if (readable.length === 0) return { items: [], nextCursor: null };
    const key = cursorKey(cursor, 2);
    let query = this.repo.db
      .selectFrom('trace_complaints as c')
      .innerJoin('trace_batches as b', 'b.id', 'c.batch_id')
      .leftJoin('trace_packages as p', 'p.id', 'c.package_id')
      .select(['c.id', 'b.id as batch_id', 'b.code', 'p.serial', 'c.text', 'c.phone_masked', 'c.created_at'])
      .where('b.producer_id', 'in', readable)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1);
    if (key) query = query.where((eb) => afterKey(eb, ['c.created_at', 'c.id'], key, 'desc'));
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.created_at, r.id));
    return { items: page.items.map((r) => ({ id: r.id, batchId: r.batch_id, batchCode: r.code, serial: r.serial, text: r.text, phone: r.phone_masked, createdAt: r.created_at })), nextCursor: page.nextCursor };
  }

  /** Drops complaint counters whose windows have long passed (hourly housekeeping). */
  purgeComplaintCounters(): Promise<void> {
    return purgeComplaintCounters(this.repo.db as unknown as Kysely<ComplaintCounterTables>, new Date(isoNow(this.clock)));
  }

  /**
   * A complaint from the public scan page. Anonymous ones are limited per address (by a keyed fingerprint) and per
   * code, so a flood cannot bury or crowd out the rest; a signed-in buyer is limited per account only.
   */
  async complain(ctx: RequestContext, batch: BatchRow, pkg: PackageRow | null, input: { text?: string; phone?: string }): Promise<void> {
    const text = input.text?.trim() ?? '';
    if (text.length < 4 || text.length > 500) throw invalidField('body.text', 'write 4 to 500 characters');
    const phone = input.phone?.trim() || null;
    if (phone && !/^1\d{10}$/.test(phone)) throw invalidField('body.phone', 'must be an 11-digit mobile number');
    const row = { id: newId('cmp'), batch_id: batch.id, package_id: pkg?.id ?? null, text, phone_sealed: phone ? this.sealer.seal(phone) : null, phone_masked: maskPhone(phone), created_at: isoNow(this.clock) };
    const sender = ctx.principal ? `user:${ctx.principal.userId}` : `addr:${this.sealer.fingerprint(ctx.ip)}`;
    const places: [string, ComplaintRule][] = [[sender, PER_SENDER], ...(ctx.principal ? [] : [[`code:${batch.id}`, PER_CODE] as [string, ComplaintRule]])];
    await this.repo.db.transaction().execute(async (trx) => {
      await takeComplaintPlaces(trx as unknown as Kysely<ComplaintCounterTables>, places, new Date(row.created_at));
      await trx.insertInto('trace_complaints').values(row).execute();
      const producer = await trx.selectFrom('trace_producers').select('seller_id').where('id', '=', batch.producer_id).executeTakeFirst();
      await this.events.publish(trx, ComplaintFiled, row.id, {
        complaintId: row.id,
        filedAt: row.created_at,
        productId: batch.product_id,
        sellerId: producer?.seller_id ?? null,
        townshipCode: /^\d{9}/.test(batch.division_code) ? batch.division_code.slice(0, 9) : null,
      });
      // The sender's address is not kept with an anonymous complaint.
      await recordAudit(trx, { principal: ctx.principal, ip: '', requestId: ctx.requestId }, { action: 'complaint.received', entityType: 'trace_batch', entityId: batch.id, details: { complaintId: row.id } });
    });
  }
}
