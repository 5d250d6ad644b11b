import type { RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { conflict, forbidden, invalidField } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { maskIdNumber, maskPhone } from '../../kernel/mask.js';
import { checkKeeps, mayKeep, mayRead, type TraceViewer } from './access.js';
import { earliestHarvest } from './interval-rule.js';
import { checkDailyProducers } from './producer-quota.js';
import type { RecordBook } from './record-book.js';
import type { TraceRepository } from './trace.repository.js';
import type { BaseInput, BaseView, PlotInput, PlotView, ProducerInput, ProducerView, RecordView } from './trace.schema.js';
import { toPage, type PageResult } from '../../kernel/http/paging.js';
import { afterKey, cursorKey, keyOf } from '../../kernel/http/keyset.js';
import type { BaseRow, PlotRow, ProducerRow } from './trace.tables.js';
import type { TracePlaceBook } from './ports.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';
import { placeName } from './place-name.js';
import type { Sealer } from '../../kernel/sealed.js';
import { isoNow, type Clock } from '../../kernel/clock.js';

/** Producers (marketplace sellers or registered farmers), their bases and plots. */
export class ProducerService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly records_: RecordBook,
  ) {}

  private village(book: TracePlaceBook, code: string, field: string) {
    const village = book.villages.find((v) => v.code === code);
    if (!village) throw invalidField(field, `${code} is not a village of ${book.countyName}`);
    return village;
  }

  async create(ctx: RequestContext, input: ProducerInput): Promise<ProducerView> {
    const viewer = await this.access.viewer(ctx);
    if (viewer.regulator && !viewer.county) throw forbidden('Regulators read producers; they do not register them');
    const book = await this.ports.places.placeBook();
    const village = this.village(book, input.divisionCode, 'body.divisionCode');
    if (viewer.areaPrefix && !input.divisionCode.startsWith(viewer.areaPrefix)) throw invalidField('body.divisionCode', 'is outside the area you work for');
    // A farmer takes one of the township's 999 numbers: only its township or village point, or the county, registers one.
    if (input.kind === 'farmer' && !viewer.county && !viewer.areaPrefix) throw forbidden('商户只能把自己的主体登记为生产者；农户由乡镇服务站、村级服务点或县工科局登记 A merchant registers its own seller as a producer; farmers are registered by their township, village point or the county office');
    let name = input.name?.trim();
    let creditCode: string | null = null;
    let phone = input.phone ?? null;
    if (input.kind === 'seller') {
      if (!input.sellerId) throw invalidField('body.sellerId', 'is required for a seller');
      const seller = await this.ports.sellers.seller(input.sellerId);
      if (!seller) throw invalidField('body.sellerId', 'no such seller');
      if (!viewer.county && !viewer.sellerIds.has(seller.id)) throw forbidden('Only the seller’s managers or the county office register it as a producer');
      name = seller.name;
      creditCode = seller.creditCode;
      phone ??= seller.contactPhone;
    } else {
      if (!name) throw invalidField('body.name', 'is required for a farmer');
      if (input.sellerId) throw invalidField('body.sellerId', 'only for a seller');
    }
    const idNumber = input.idNumber?.toUpperCase();
    if (idNumber) {
      const problem = this.ports.identifiers.residentIdProblem(idNumber);
      if (problem) throw invalidField('body.idNumber', problem);
    }
    const row: ProducerRow = {
      id: newId('prd'),
      kind: input.kind,
      seller_id: input.kind === 'seller' ? input.sellerId! : null,
      name: name!,
      division_code: village.code,
      number: '',
      phone_sealed: phone ? this.sealer.seal(phone) : null,
      phone_masked: maskPhone(phone),
      id_number_sealed: idNumber ? this.sealer.seal(idNumber) : null,
      id_number_masked: maskIdNumber(idNumber),
      credit_code: creditCode,
      manager_user_id: viewer.userId,
      created_at: isoNow(this.clock),
      is_demo: 0,
    };
    await this.repo.db.transaction().execute(async (trx) => {
      if (!viewer.county) await checkDailyProducers(trx, viewer.userId, new Date(row.created_at));
      if (row.seller_id && (await trx.selectFrom('trace_producers').select('id').where('seller_id', '=', row.seller_id).executeTakeFirst())) {
        throw conflict('PRODUCER_EXISTS', 'This seller is already a producer', { field: 'body.sellerId' });
      }
      const numbers = await trx.selectFrom('trace_producers').select('number').where('division_code', 'like', `${village.townshipCode}%`).execute();
      const next = numbers.reduce((n, r) => Math.max(n, Number(r.number)), 0) + 1;
      if (next > 999) throw conflict('TOWNSHIP_FULL', 'A township holds at most 999 producers in trace codes');
      row.number = String(next).padStart(3, '0');
      await trx.insertInto('trace_producers').values(row).execute();
      await recordAudit(trx, ctx, { action: 'producer.registered', entityType: 'trace_producer', entityId: row.id, details: { kind: row.kind, name: row.name, divisionCode: row.division_code } });
    });
    return this.view(row, viewer, book, 0);
  }

  view(row: ProducerRow, viewer: TraceViewer, book: TracePlaceBook, plots: number): ProducerView {
    const own = mayKeep(viewer, row);
    return {
      id: row.id,
      kind: row.kind,
      sellerId: row.seller_id,
      name: row.name,
      divisionCode: row.division_code,
      place: placeName(book, row.division_code),
      phone: own && row.phone_sealed ? this.sealer.open(row.phone_sealed) : row.phone_masked,
      idNumber: row.id_number_masked,
      creditCode: row.credit_code,
      number: row.number,
      plots,
      createdAt: row.created_at,
    };
  }

  /** The producers the caller may read, by name. */
  async list(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<ProducerView>> {
    const viewer = await this.access.viewer(ctx);
    const book = await this.ports.places.placeBook();
    const readable = await this.readable(viewer);
    if (readable.length === 0) return { items: [], nextCursor: null };
    const key = cursorKey(cursor, 2);
    let query = this.repo.db.selectFrom('trace_producers').selectAll().where('id', 'in', readable).orderBy('name').orderBy('id').limit(limit + 1);
    if (key) query = query.where((eb) => afterKey(eb, ['name', 'id'], key, 'asc'));
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.name, r.id));
    const counts = page.items.length ? await this.repo.db.selectFrom('trace_plots').select(['producer_id', (eb) => eb.fn.countAll<number>().as('n')]).where('producer_id', 'in', page.items.map((p) => p.id)).groupBy('producer_id').execute() : [];
    const plots = new Map(counts.map((c) => [c.producer_id, Number(c.n)]));
    return { items: page.items.map((r) => this.view(r, viewer, book, plots.get(r.id) ?? 0)), nextCursor: page.nextCursor };
  }

  /** The ids of the producers a viewer may read. */
  private async readable(viewer: TraceViewer): Promise<string[]> {
    return (await this.repo.db.selectFrom('trace_producers').selectAll().execute()).filter((p) => mayRead(viewer, p)).map((p) => p.id);
  }

  // ---- bases ----

  async createBase(ctx: RequestContext, input: BaseInput): Promise<BaseView> {
    const viewer = await this.access.viewer(ctx);
    const producer = checkKeeps(viewer, await this.repo.producer(input.producerId));
    const book = await this.ports.places.placeBook();
    this.village(book, input.divisionCode, 'body.divisionCode');
    const row: BaseRow = { id: newId('bas'), producer_id: producer.id, name: input.name.trim(), division_code: input.divisionCode, area_mu: input.areaMu, created_at: isoNow(this.clock), is_demo: 0 };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.insertInto('trace_bases').values(row).execute();
      await recordAudit(trx, ctx, { action: 'base.created', entityType: 'trace_base', entityId: row.id, details: { producerId: producer.id, name: row.name } });
    });
    return this.baseView(row, book);
  }

  private baseView(row: BaseRow, book: TracePlaceBook): BaseView {
    return { id: row.id, producerId: row.producer_id, name: row.name, divisionCode: row.division_code, place: placeName(book, row.division_code), areaMu: row.area_mu, createdAt: row.created_at };
  }

  async bases(ctx: RequestContext, producerId: string | undefined, limit: number, cursor?: string): Promise<PageResult<BaseView>> {
    const viewer = await this.access.viewer(ctx);
    const book = await this.ports.places.placeBook();
    const readable = await this.readable(viewer);
    if (readable.length === 0) return { items: [], nextCursor: null };
    const key = cursorKey(cursor, 2);
    let query = this.repo.db.selectFrom('trace_bases').selectAll().where('producer_id', 'in', readable).orderBy('name').orderBy('id').limit(limit + 1);
    if (producerId) query = query.where('producer_id', '=', producerId);
    if (key) query = query.where((eb) => afterKey(eb, ['name', 'id'], key, 'asc'));
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.name, r.id));
    return { items: page.items.map((b) => this.baseView(b, book)), nextCursor: page.nextCursor };
  }

  // ---- plots ----

  async createPlot(ctx: RequestContext, input: PlotInput): Promise<PlotView> {
    const viewer = await this.access.viewer(ctx);
    const baseRow = await this.repo.db.selectFrom('trace_bases').selectAll().where('id', '=', input.baseId).executeTakeFirst();
    if (!baseRow) throw invalidField('body.baseId', 'no such base');
    const producer = checkKeeps(viewer, await this.repo.producer(baseRow.producer_id));
    const row: PlotRow = {
      id: newId('plt'),
      base_id: baseRow.id,
      producer_id: producer.id,
      name: input.name.trim(),
      crop: input.crop,
      variety: input.variety.trim(),
      area_mu: input.areaMu,
      planted_year: input.plantedYear ?? null,
      division_code: baseRow.division_code,
      created_at: isoNow(this.clock),
      is_demo: 0,
    };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.insertInto('trace_plots').values(row).execute();
      await recordAudit(trx, ctx, { action: 'plot.created', entityType: 'trace_plot', entityId: row.id, details: { baseId: row.base_id, crop: row.crop, name: row.name } });
    });
    return (await this.plotViews([row]))[0];
  }

  async plots(ctx: RequestContext, filter: { producerId?: string; crop?: string }, limit: number, cursor?: string): Promise<PageResult<PlotView>> {
    const viewer = await this.access.viewer(ctx);
    const readable = await this.readable(viewer);
    if (readable.length === 0) return { items: [], nextCursor: null };
    const key = cursorKey(cursor, 2);
    let query = this.repo.db.selectFrom('trace_plots').selectAll().where('producer_id', 'in', readable).orderBy('name').orderBy('id').limit(limit + 1);
    if (filter.producerId) query = query.where('producer_id', '=', filter.producerId);
    if (filter.crop) query = query.where('crop', '=', filter.crop as PlotRow['crop']);
    if (key) query = query.where((eb) => afterKey(eb, ['name', 'id'], key, 'asc'));
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.name, r.id));
    return { items: await this.plotViews(page.items), nextCursor: page.nextCursor };
  }

  async plot(ctx: RequestContext, id: string): Promise<PlotView> {
    const { plot } = await this.access.readPlot(ctx, id);
    return (await this.plotViews([plot]))[0];
  }

  /** A plot's farm records, newest first (corrections beside what they correct). */
  async records(ctx: RequestContext, plotId: string, limit: number, cursor?: string): Promise<PageResult<RecordView>> {
    const { plot } = await this.access.readPlot(ctx, plotId);
    return this.records_.page(plot.id, limit, cursor);
  }

  async plotViews(rows: PlotRow[]): Promise<PlotView[]> {
    if (rows.length === 0) return [];
    const book = await this.ports.places.placeBook();
    const ids = rows.map((r) => r.id);
    const [bases, producers, lastRecords] = await Promise.all([
      this.repo.db.selectFrom('trace_bases').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.base_id))]).execute(),
      this.repo.db.selectFrom('trace_producers').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.producer_id))]).execute(),
      this.repo.db.selectFrom('trace_records').select(['plot_id', (eb) => eb.fn.max('occurred_on').as('last')]).where('plot_id', 'in', ids).groupBy('plot_id').execute(),
    ]);
    const baseName = new Map(bases.map((b) => [b.id, b.name]));
    const producerName = new Map(producers.map((p) => [p.id, p.name]));
    const last = new Map(lastRecords.map((r) => [r.plot_id, r.last as string | null]));
    const applications = await this.records_.applicationsOf(ids);
    return rows.map((r) => {
      const since = last.get(r.id) ?? null;
      const earliest = earliestHarvest(applications.get(r.id) ?? []);
      return {
        id: r.id,
        baseId: r.base_id,
        baseName: baseName.get(r.base_id) ?? '',
        producerId: r.producer_id,
        producerName: producerName.get(r.producer_id) ?? '',
        name: r.name,
        crop: r.crop,
        variety: r.variety,
        areaMu: r.area_mu,
        plantedYear: r.planted_year,
        divisionCode: r.division_code,
        place: placeName(book, r.division_code),
        lastRecordOn: since,
        earliestHarvestOn: earliest,
        createdAt: r.created_at,
      };
    });
  }
}
