import type { Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import type { PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { Sealer } from '../../kernel/sealed.js';
import { readableSite, recordingSite, sees, sightOf } from './access.js';
import type { CustomersService } from './customers.service.js';
import { openDayForRecord } from './days.service.js';
import { ServiceRecorded } from './events.js';
import type { AnyRecordHandler, ApplyContext, CommonRecordFields, CoreHooks } from './handlers/types.js';
import { Refusal, refusal } from './handlers/types.js';
import type { StationSite, StationsPorts } from './ports.js';
import { residentIdWording } from './resident-id-wording.js';
import type { RecordsRepository } from './stations.repository.js';
import type { Outcome, RecordsFilter, RecordView } from './stations.schema.js';
import type { CustomerRow, RecordRow } from './stations.tables.js';
import { StockShort, type StationStock } from './stock.js';
import { tallyRecord } from './tallies.js';
import { checkPeriod } from './period.js';
import { recordDay, timeProblem } from './till-rule.js';
import { filledText } from './typed-text.js';

type Input = CommonRecordFields & Record<string, unknown>;

const fenFields = ['amountFen', 'feeFen', 'cashInFen', 'cashOutFen'] as const;

/** A copy of the record was stored by a parallel batch while this one waited for the day. */
class StoredMeanwhile extends Error {
  constructor(readonly row: RecordRow) {
    super('stored meanwhile');
  }
}

/** The one write path of the till: a batch of records, each applied in its own transaction, in order. */
export class RecordsService {
  private readonly byType: Map<string, AnyRecordHandler>;
  private readonly core: CoreHooks;

  private readonly sealer: Sealer;

  constructor(
    private readonly repo: RecordsRepository,
    private readonly customers: CustomersService,
    private readonly stock: StationStock,
    private readonly ports: StationsPorts,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    handlers: readonly AnyRecordHandler[],
    sealer: Sealer,
  ) {
    this.byType = new Map(handlers.map((h) => [h.type, h]));
    this.core = { handlerOf: (type) => this.byType.get(type), events, sealer };
    this.sealer = sealer;
  }

  /** The same service with more record types (tests try the core's rules with record types of their own). */
  withHandlers(extra: readonly AnyRecordHandler[]): RecordsService {
    return new RecordsService(this.repo, this.customers, this.stock, this.ports, this.events, this.clock, [...this.byType.values(), ...extra], this.sealer);
  }

  async batch(ctx: RequestContext, body: { siteId: string; records: Input[] }): Promise<{ outcomes: Outcome[] }> {
    const site = await recordingSite(ctx, this.ports.places, body.siteId);
    // Whole-batch checks the schema cannot make (a resident ID's check character): 400 before anything is applied.
    body.records.forEach((r, i) => {
      // A villager's name tidied before anything reads it: "李桂英 " is 李桂英, and a name of spaces is no name.
      if (r.customer) r.customer.name = filledText(r.customer.name, `body.records[${i}].customer.name`);
      const id = r.customer?.idNumber;
      const problem = id ? this.ports.identifiers.residentIdProblem(id) : null;
      if (problem) throw invalidField(`body.records[${i}].customer.idNumber`, residentIdWording(problem));
    });
    const outcomes: Outcome[] = [];
    for (const input of body.records) outcomes.push(await this.applyOne(ctx, site, input));
    return { outcomes };
  }

  private async applyOne(ctx: RequestContext, site: StationSite, input: Input, attempt = 0): Promise<Outcome> {
    const existing = await this.repo.byClient(site.id, input.clientId);
    if (existing) return this.stored(existing, site, input);
    const handler = this.byType.get(input.type)!;
    const now = this.clock.now();
    try {
      const problem = timeProblem(input.at, now);
      if (problem) throw refusal(problem.code, problem.message);
      const day = recordDay(input.at);
      const preparedCustomer = await this.customers.prepare(input);
      const prepared = handler.prepare ? await handler.prepare({ ctx, site, day, ports: this.ports, clock: this.clock }, input) : undefined;
      const recordId = newId('srec');
      const row = await this.repo.db.transaction().execute(async (trx) => {
        const dayRow = await openDayForRecord(trx, site, day);
        // Checked again under the day's lock: a copy of this record in a parallel batch may have been stored meanwhile.
        const stored = await this.repo.byClient(site.id, input.clientId, trx);
        if (stored) throw new StoredMeanwhile(stored);
        if (!dayRow) throw refusal('DAY_CLOSED', `${day} 已日结，不能再记账或撤销`, { day });
        const customer = await this.customers.resolve(trx, site.id, preparedCustomer);
        const c: ApplyContext = {
          ctx,
          site,
          day,
          at: input.at,
          recordId,
          clientId: input.clientId,
          customer,
          clientRef: async (type, clientId) => {
            const found = await this.repo.byClient(site.id, clientId, trx);
            return found && (type === '*' || found.type === type) ? found : null;
          },
          stock: this.stock,
          ports: this.ports,
          clock: this.clock,
          prepared,
          core: this.core,
        };
        const applied = await handler.apply(trx, c, input);
        for (const f of fenFields) if (!Number.isSafeInteger(applied[f])) throw new Error(`${handler.type}: ${f} is not an integer`);
        // The customer the handler names (a hand-over counts for its request's villager), else the record's own.
        const counted = applied.customer !== undefined ? applied.customer : customer ? { id: customer.id, poor: customer.poor } : null;
        const record: RecordRow = {
          id: recordId,
          site_id: site.id,
          township_code: site.townshipCode,
          village_code: site.villageCode,
          day,
          type: handler.type,
          service: handler.service,
          client_id: input.clientId,
          receipt_code: input.receiptCode ?? null,
          at: new Date(input.at).toISOString(),
          recorded_at: this.clock.now().toISOString(),
          recorded_by: ctx.principal?.userId ?? '',
          recorded_by_name: ctx.principal?.displayName ?? '',
          customer_id: counted?.id ?? null,
          amount_fen: applied.amountFen,
          fee_fen: applied.feeFen,
          cash_in_fen: applied.cashInFen,
          cash_out_fen: applied.cashOutFen,
          details: JSON.stringify(applied.details),
          summary: applied.summary,
          note: input.note ?? null,
          voided_by: null,
          void_reason: null,
          poor: counted?.poor ? 1 : 0,
        };
        await trx.insertInto('stations_records').values(record).execute();
        await tallyRecord(trx, record, 1);
        if (handler.service) {
          await this.events.publish(trx, ServiceRecorded, recordId, {
            recordId,
            siteId: site.id,
            siteKind: site.kind,
            townshipCode: site.townshipCode,
            villageCode: site.villageCode,
            day,
            at: record.at,
            service: handler.service,
            amountFen: applied.amountFen,
            feeFen: applied.feeFen,
            customerId: record.customer_id,
            poor: counted?.poor ?? false,
          });
        }
        return record;
      });
      return { clientId: input.clientId, status: 'stored', recordId: row.id, code: null, message: null, details: null, record: await this.view(row, site) };
    } catch (err) {
      if (err instanceof StoredMeanwhile) return this.stored(err.row, site, input);
      if (err instanceof Refusal) return this.refused(input, err.code, err.message, err.details);
      if (err instanceof StockShort) return this.refused(input, 'STOCK_INSUFFICIENT', err.message, { item: err.item, available: err.available });
      if (isUniqueViolation(err)) {
        // The same clientId stored by a parallel batch meanwhile: that record is the answer.
        const again = await this.repo.byClient(site.id, input.clientId);
        if (again) return this.stored(again, site, input);
        if (input.receiptCode && (await this.repo.byReceipt(input.receiptCode))) return this.refused(input, 'RECEIPT_CODE_TAKEN', '小票编码已被另一条记录使用，请重新生成小票');
        if (attempt === 0) return this.applyOne(ctx, site, input, 1);
      }
      throw err;
    }
  }

  private refused(input: Input, code: string, message: string, details: Record<string, unknown> | null = null): Outcome {
    return { clientId: input.clientId, status: 'refused', recordId: null, code, message, details, record: null };
  }

  /**
   * The answer for a record whose clientId is stored at the site already: a replay of it (same type, same time) is
   * `duplicate` with the stored record; another record under a reused clientId is refused, never silently lost.
   */
  private async stored(row: RecordRow, site: StationSite, input: Input): Promise<Outcome> {
    if (row.type !== input.type || Date.parse(row.at) !== Date.parse(input.at)) {
      return this.refused(input, 'CLIENT_ID_REUSED', '此记录编号已用于另一笔记录，请重新录入这笔记录', { recordId: row.id, type: row.type, at: row.at });
    }
    return this.duplicate(row, site);
  }

  private async duplicate(row: RecordRow, site: StationSite): Promise<Outcome> {
    return { clientId: row.client_id, status: 'duplicate', recordId: row.id, code: null, message: null, details: null, record: await this.view(row, site) };
  }

  /** Records as lists show them (customers masked, site names in Chinese). */
  async views(rows: RecordRow[]): Promise<RecordView[]> {
    const customers = await this.repo.customers(rows.map((r) => r.customer_id));
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.site_id))) names.set(id, (await this.ports.places.site(id))?.name ?? '');
    return rows.map((r) => toRecordView(r, names.get(r.site_id) ?? '', r.customer_id ? (customers.get(r.customer_id) ?? null) : null));
  }

  private async view(row: RecordRow, site: StationSite): Promise<RecordView> {
    const customers = await this.repo.customers([row.customer_id]);
    return toRecordView(row, site.name, row.customer_id ? (customers.get(row.customer_id) ?? null) : null);
  }

  /** Records in the caller's sight, newest first. */
  async list(ctx: RequestContext, filter: RecordsFilter, limit: number, cursor?: string): Promise<PageResult<RecordView>> {
    const sight = await sightOf(ctx, this.ports.places);
    if (filter.siteId) await readableSite(ctx, this.ports.places, filter.siteId);
    checkPeriod(filter);
    const rows = await this.repo.list(sight, filter, cursorKey(cursor, 2), limit + 1);
    const page = toKeysetPage(rows, limit, (r) => [r.day, r.id]);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<RecordView> {
    const sight = await sightOf(ctx, this.ports.places);
    const row = await this.repo.byId(id);
    if (!row || !sees(sight, { id: row.site_id, townshipCode: row.township_code })) throw notFound('Record');
    return (await this.views([row]))[0];
  }
}

export function toRecordView(r: RecordRow, siteName: string, customer: CustomerRow | null): RecordView {
  return {
    id: r.id,
    clientId: r.client_id,
    siteId: r.site_id,
    siteName,
    type: r.type,
    service: r.service as RecordView['service'],
    day: r.day,
    at: r.at,
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
    customer: customer ? { id: customer.id, name: customer.name, phoneMasked: customer.phone_masked, poor: customer.poor === 1 } : null,
    amountFen: Number(r.amount_fen),
    feeFen: Number(r.fee_fen),
    cashInFen: Number(r.cash_in_fen),
    cashOutFen: Number(r.cash_out_fen),
    details: JSON.parse(r.details) as unknown,
    summary: r.summary,
    note: r.note,
    receiptCode: r.receipt_code,
    voided: r.voided_by !== null,
    voidReason: r.void_reason,
  };
}
