import type { Kysely } from 'kysely';
import type { AnyKysely, DialectName } from '../../kernel/db.js';
import { factKeysOf, RollupBatch } from './apply.js';
import type { StatsInput } from './inputs.js';
import type { StatsTables } from './stats.tables.js';

type Db = Kysely<StatsTables>;
const CHUNK = 400;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface RollupRead {
  indicator: string;
  grain: string;
  period: string;
  dim: string;
  dim_value: string;
  value: number;
}

/** The only code that reads and writes the stats tables. */
export class StatsRepository {
  readonly db: Db;
  constructor(
    db: AnyKysely,
    readonly dialect: DialectName,
  ) {
    this.db = db as Db;
  }

  // ---- inputs ----

  async hasInput(seq: number): Promise<boolean> {
    return !!(await this.db.selectFrom('stats_inputs').select('seq').where('seq', '=', seq).executeTakeFirst());
  }

  /** Stores an input; false when it was already there (a delivery repeated). */
  async insertInput(trx: Db, input: StatsInput, receivedAt: string): Promise<boolean> {
    const inserted = await trx
      .insertInto('stats_inputs')
      .values({ seq: input.seq, type: input.type, version: input.version, aggregate_id: input.aggregateId, occurred_at: input.occurredAt, payload: JSON.stringify(input.payload), received_at: receivedAt })
      .onConflict((oc) => oc.column('seq').doNothing())
      .returning('seq')
      .execute();
    return inserted.length === 1;
  }

  async inputsAfter(trx: Db, seq: number, limit: number): Promise<StatsInput[]> {
    const rows = await trx.selectFrom('stats_inputs').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({ seq: Number(r.seq), type: r.type, version: r.version, aggregateId: r.aggregate_id, occurredAt: r.occurred_at, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  async countInputs(trx: Db = this.db): Promise<{ count: number; last: number }> {
    const row = await trx.selectFrom('stats_inputs').select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('seq').as('last')]).executeTakeFirst();
    return { count: Number(row?.n ?? 0), last: Number(row?.last ?? 0) };
  }

  // ---- the state row both the live handler and the rebuild lock ----

  /** Locks the state row (PostgreSQL: FOR UPDATE; SQLite writes one at a time) and says which rebuild owns the rollups. */
  async lockState(trx: Db): Promise<string | null> {
    let q = trx.selectFrom('stats_state').select('rebuild_id').where('id', '=', 1);
    if (this.dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row?.rebuild_id ?? null;
  }

  async setStateRebuild(trx: Db, rebuildId: string | null): Promise<void> {
    await trx.updateTable('stats_state').set({ rebuild_id: rebuildId }).where('id', '=', 1).execute();
  }

  // ---- applying a batch ----

  /** Applies inputs in one transaction: facts read first, then members, sums, facts and labels written once per key. */
  async applyBatch(trx: Db, inputs: StatsInput[]): Promise<RollupBatch> {
    const keys = [...new Set(inputs.flatMap(factKeysOf))];
    const facts = new Map<string, string | null>(keys.map((k) => [k, null]));
    for (const part of chunks(keys)) {
      const rows = await trx.selectFrom('stats_facts').select(['key', 'payload']).where('key', 'in', part).execute();
      for (const r of rows) facts.set(r.key, r.payload);
    }
    const batch = new RollupBatch(facts);
    for (const input of inputs) batch.apply(input);
    await this.writeBatch(trx, batch);
    return batch;
  }

  async writeBatch(trx: Db, batch: RollupBatch): Promise<void> {
    const sums = new Map(batch.sums);
    const members = [...batch.members].map((k) => {
      const [indicator, grain, period, dim, dim_value, member] = k.split('\u0001') as [string, string, string, string, string, string];
      return { indicator, grain, period, dim, dim_value, member };
    });
    // A withdrawal's members first (a member taken out and counted again in one batch is in `members` only).
    for (const k of batch.removedMembers) {
      const [indicator, grain, period, dim, dim_value, member] = k.split('\u0001') as [string, string, string, string, string, string];
      const gone = await trx
        .deleteFrom('stats_members')
        .where('indicator', '=', indicator)
        .where('grain', '=', grain)
        .where('period', '=', period)
        .where('dim', '=', dim)
        .where('dim_value', '=', dim_value)
        .where('member', '=', member)
        .returning('member')
        .execute();
      if (gone.length > 0) {
        const key = [indicator, grain, period, dim, dim_value].join('\u0001');
        sums.set(key, (sums.get(key) ?? 0) - 1);
      }
    }
    for (const part of chunks(members)) {
      const fresh = await trx.insertInto('stats_members').values(part).onConflict((oc) => oc.columns(['indicator', 'grain', 'period', 'dim', 'dim_value', 'member']).doNothing()).returning(['indicator', 'grain', 'period', 'dim', 'dim_value']).execute();
      for (const m of fresh) {
        const key = [m.indicator, m.grain, m.period, m.dim, m.dim_value].join('\u0001');
        sums.set(key, (sums.get(key) ?? 0) + 1);
      }
    }
    const rows = [...sums]
      .filter(([, v]) => v !== 0)
      .map(([k, value]) => {
        const [indicator, grain, period, dim, dim_value] = k.split('\u0001') as [string, string, string, string, string];
        return { indicator, grain, period, dim, dim_value, value };
      });
    for (const part of chunks(rows)) {
      await trx
        .insertInto('stats_rollups')
        .values(part)
        .onConflict((oc) => oc.columns(['indicator', 'grain', 'period', 'dim', 'dim_value']).doUpdateSet({ value: (eb) => eb('stats_rollups.value', '+', eb.ref('excluded.value')) }))
        .execute();
    }
    const facts = [...batch.changedFacts].map((key) => ({ key, payload: JSON.stringify(batch.facts.get(key)) }));
    for (const part of chunks(facts)) {
      await trx.insertInto('stats_facts').values(part).onConflict((oc) => oc.column('key').doUpdateSet({ payload: (eb) => eb.ref('excluded.payload') })).execute();
    }
    const labels = [...batch.labels].map(([k, label]) => {
      const [dim, value] = k.split('\u0001') as [string, string];
      return { dim, value, label };
    });
    for (const part of chunks(labels)) {
      await trx.insertInto('stats_labels').values(part).onConflict((oc) => oc.columns(['dim', 'value']).doUpdateSet({ label: (eb) => eb.ref('excluded.label') })).execute();
    }
  }

  /** Snapshot figures (coverage): the day's and month's value is the last one written. */
  async writeSnapshot(trx: Db, rows: { indicator: string; grain: string; period: string; dim: string; dim_value: string; value: number }[]): Promise<void> {
    for (const part of chunks(rows)) {
      await trx.insertInto('stats_rollups').values(part).onConflict((oc) => oc.columns(['indicator', 'grain', 'period', 'dim', 'dim_value']).doUpdateSet({ value: (eb) => eb.ref('excluded.value') })).execute();
    }
  }

  /** Clears what inputs make; the network's daily snapshots (which no input can make again) stay. */
  async clearRollups(trx: Db, keep: string[]): Promise<void> {
    await trx.deleteFrom('stats_rollups').where('indicator', 'not in', keep).execute();
    await trx.deleteFrom('stats_members').execute();
    await trx.deleteFrom('stats_facts').execute();
  }

  // ---- reading rollups (by primary-key ranges) ----

  /** Rows of some indicators at one grain for some periods, county total or one dimension value. */
  async values(q: { indicators: string[]; grain: string; periods: string[]; dim: string; dimValue?: string }): Promise<RollupRead[]> {
    if (q.indicators.length === 0 || q.periods.length === 0) return [];
    let query = this.db.selectFrom('stats_rollups').selectAll().where('indicator', 'in', q.indicators).where('grain', '=', q.grain).where('period', 'in', q.periods).where('dim', '=', q.dim);
    if (q.dimValue !== undefined) query = query.where('dim_value', '=', q.dimValue);
    const rows = await query.execute();
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  }

  /** Rows of some indicators at one grain up to and including a period (levels and snapshots read their history). */
  async upTo(q: { indicators: string[]; grain: string; upTo: string; dim: string; dimValue?: string }): Promise<RollupRead[]> {
    let query = this.db.selectFrom('stats_rollups').selectAll().where('indicator', 'in', q.indicators).where('grain', '=', q.grain).where('dim', '=', q.dim).where('period', '<=', q.upTo);
    if (q.dimValue !== undefined) query = query.where('dim_value', '=', q.dimValue);
    const rows = await query.execute();
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  }

  /** Sums a flow up to and including a month (levels: sellers, shops, enterprises), per dimension value. */
  async cumulative(q: { indicator: string; upToMonth: string; dim: string; dimValue?: string }): Promise<Map<string, number>> {
    let query = this.db
      .selectFrom('stats_rollups')
      .select(['dim_value', (eb) => eb.fn.sum<number | string>('value').as('total')])
      .where('indicator', '=', q.indicator)
      .where('grain', '=', 'month')
      .where('period', '<=', q.upToMonth)
      .where('dim', '=', q.dim)
      .groupBy('dim_value');
    if (q.dimValue !== undefined) query = query.where('dim_value', '=', q.dimValue);
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.dim_value, Number(r.total)]));
  }

  async labels(dim: string, values: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(values)) {
      const rows = await this.db.selectFrom('stats_labels').select(['value', 'label']).where('dim', '=', dim).where('value', 'in', part).execute();
      for (const r of rows) out.set(r.value, r.label);
    }
    return out;
  }

  async setLabels(rows: { dim: string; value: string; label: string }[]): Promise<void> {
    for (const part of chunks(rows)) {
      await this.db.insertInto('stats_labels').values(part).onConflict((oc) => oc.columns(['dim', 'value']).doUpdateSet({ label: (eb) => eb.ref('excluded.label') })).execute();
    }
  }

  async fact(key: string): Promise<unknown> {
    const row = await this.db.selectFrom('stats_facts').select('payload').where('key', '=', key).executeTakeFirst();
    return row ? JSON.parse(row.payload) : null;
  }

  async targetRows() {
    return this.db.selectFrom('stats_targets').selectAll().orderBy('sort').execute();
  }
}
