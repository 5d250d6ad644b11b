import { Type, type Static } from 'typebox';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import type { PageResult } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { checkReads } from './access.js';
import { applicationOf, effective, type RecordBook } from './record-book.js';
import { sprayFollowUp } from './spray-follow-up.js';
import type { TraceAccess } from './trace-access.js';
import type { TraceRepository } from './trace.repository.js';
import type { TraceStationPurchases } from './ports.js';

const KIND_NAMES: Record<string, string> = { seed: '种子', fertiliser: '肥料', pesticide: '农药' };

export const StationPurchaseView = Type.Object({
  recordId: Type.String(),
  day: Type.String({ format: 'date', description: 'the day it was bought (Shanghai)' }),
  siteName: Type.String({ description: 'the station or village point that sold it' }),
  kind: StringEnum(['seed', 'fertiliser', 'pesticide'] as const),
  kindName: Type.String({ description: '种子, 肥料, 农药' }),
  name: Type.String(),
  spec: Type.String(),
  unit: Type.String(),
  registrationNo: Nullable(Type.String({ description: '农药登记证号 …; null for a fertiliser exempt from registration' })),
  quantity: Type.Integer(),
  amountFen: Type.Integer(),
  sprayCheck: Nullable(
    Type.Object({
      status: StringEnum(['recorded', 'waiting', 'missing'] as const, { description: 'recorded: a pesticide record within 30 days; waiting: none yet, 30 days not over; missing: none in 30 days' }),
      until: Type.String({ format: 'date', description: 'the last day of the 30 days' }),
      appliedOn: Nullable(Type.String({ format: 'date', description: 'the first pesticide record in the window' })),
      text: Nullable(Type.String({ description: '购药后30天未见用药记录 when missing' })),
    }),
    { description: 'pesticides only: whether a pesticide record followed on any of the producer’s plots' },
  ),
});
export type StationPurchaseView = Static<typeof StationPurchaseView>;

/**
 * Farm inputs a producer bought at stations and village points, beside its farm records: a pesticide with no
 * pesticide record on any of its plots within 30 days after is flagged 「购药后30天未见用药记录」.
 */
export class StationPurchaseService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly book: RecordBook,
    private readonly purchases: TraceStationPurchases,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, producerId: string, limit: number, cursor?: string): Promise<PageResult<StationPurchaseView>> {
    const viewer = await this.access.viewer(ctx);
    const producer = checkReads(viewer, await this.repo.producer(producerId));
    const page = await this.purchases.ofProducer(producer.id, limit, cursor);
    const plots = await this.repo.db.selectFrom('trace_plots').select('id').where('producer_id', '=', producer.id).execute();
    const sprayDays = effective(await this.book.rows(plots.map((p) => p.id)))
      .map(applicationOf)
      .filter((a) => a !== null)
      .map((a) => a.appliedOn);
    const today = shanghaiDate(this.clock.now());
    return {
      items: page.items.map((p) => {
        const check = sprayFollowUp(p.kind, p.day, sprayDays, today);
        return {
          recordId: p.recordId,
          day: p.day,
          siteName: p.siteName,
          kind: p.kind,
          kindName: KIND_NAMES[p.kind] ?? p.kind,
          name: p.name,
          spec: p.spec,
          unit: p.unit,
          registrationNo: p.registrationNo,
          quantity: p.quantity,
          amountFen: p.amountFen,
          sprayCheck: check && { status: check.status, until: check.until, appliedOn: check.status === 'recorded' ? check.appliedOn : null, text: check.status === 'missing' ? check.text : null },
        };
      }),
      nextCursor: page.nextCursor,
    };
  }
}

/** Producers as the stations name a farm-input buyer (the stations module's `producers` port). */
export class TraceProducerDirectory {
  constructor(private readonly repo: TraceRepository) {}

  async producer(id: string) {
    const row = await this.repo.producer(id);
    return row ? { id: row.id, name: row.name, kind: row.kind, divisionCode: row.division_code } : null;
  }

  /** The producers of a village or township (division code prefix), by name; a township holds at most 999. */
  async producersIn(divisionPrefix: string) {
    const rows = await this.repo.db.selectFrom('trace_producers').select(['id', 'name', 'kind', 'division_code']).where('division_code', 'like', `${divisionPrefix}%`).orderBy('name').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, divisionCode: r.division_code }));
  }
}
