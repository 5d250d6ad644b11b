import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AnyKysely } from '../../../kernel/db.js';
import type { ModuleMigration } from '../../../kernel/migrator.js';
import { ALL_KINDS, tallyMoves } from '../tallies-rule.js';
import type { TalliesTables, TallyRow } from '../tallies.tables.js';

type Db = Kysely<TalliesTables>;

/** A record its provider refused (waiting for its refund, or refunded) no longer counts: the refusal took its tallies back. */
const COUNTED = sql`not exists (select 1 from stations_service_submissions s where s.record_id = stations_records.id and s.status in ('refused', 'refunded'))`;

/**
 * Fills the tallies from the records already stored, as the live path (tallies.ts) would have made them one record at
 * a time: each customer's live service records per site, day and kind (and over every kind), then per site, day and
 * kind the records' money (grouped by type, so the kind rule in tallies-rule.ts applies) and the customers counted.
 */
async function backfill(anyDb: AnyKysely): Promise<void> {
  const db = anyDb as unknown as Db;
  const customers = (kind: ReturnType<typeof sql>, groupBy: ReturnType<typeof sql>) => sql`
    insert into stations_tally_customers (site_id, township_code, day, kind, customer_id, records, poor_records)
    select site_id, township_code, day, ${kind}, customer_id, count(*), sum(case when poor = 1 then 1 else 0 end)
    from stations_records
    where voided_by is null and service is not null and customer_id is not null and ${COUNTED}
    group by site_id, township_code, day, ${groupBy}customer_id`;
  await customers(sql`service`, sql`service, `).execute(db);
  await customers(sql.lit(ALL_KINDS), sql``).execute(db);

  const tallies = new Map<string, TallyRow>();
  const row = (site_id: string, township_code: string, day: string, kind: string) => {
    const key = [site_id, township_code, day, kind].join('\u0001');
    let r = tallies.get(key);
    if (!r) tallies.set(key, (r = { site_id, township_code, day, kind, records: 0, services: 0, amount_fen: 0, fee_fen: 0, people: 0, poor: 0 }));
    return r;
  };
  const groups = await sql<{ site_id: string; township_code: string; day: string; type: string; service: string | null; n: number | string; amount: number | string; fee: number | string }>`
    select site_id, township_code, day, type, service, count(*) as n, sum(amount_fen) as amount, sum(fee_fen) as fee
    from stations_records where voided_by is null and ${COUNTED}
    group by site_id, township_code, day, type, service`.execute(db);
  for (const g of groups.rows) {
    // The rule is per record and linear: the group's sums as one record's, its counts times the group's size.
    const n = Number(g.n);
    for (const m of tallyMoves({ type: g.type, service: g.service, customer_id: null, amount_fen: g.amount, fee_fen: g.fee, poor: 0 }, 1).money) {
      const r = row(g.site_id, g.township_code, g.day, m.kind);
      r.records += m.records * n;
      r.services += m.services * n;
      r.amount_fen += m.amountFen;
      r.fee_fen += m.feeFen;
    }
  }
  const people = await sql<{ site_id: string; township_code: string; day: string; kind: string; people: number | string; poor: number | string }>`
    select site_id, township_code, day, kind, count(*) as people, sum(case when poor_records > 0 then 1 else 0 end) as poor
    from stations_tally_customers where records > 0
    group by site_id, township_code, day, kind`.execute(db);
  for (const p of people.rows) {
    const r = row(p.site_id, p.township_code, p.day, p.kind);
    r.people = Number(p.people);
    r.poor = Number(p.poor);
  }
  const rows = [...tallies.values()];
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('stations_tallies').values(rows.slice(i, i + 500)).execute();
}

/**
 * 站点服务 daily tallies: per site, day and kind the live records' services, amount, fee and people served, so the
 * figures read a few rows a site-day however many records there are. Kept in each record's transaction (tallies.ts);
 * filled here from the records an existing county already has.
 */
export const stationsTallies: ModuleMigration = {
  name: '2026-12-09-stations-tallies',
  async up(db) {
    await db.schema
      .createTable('stations_tallies')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('records', 'integer', (c) => c.notNull())
      .addColumn('services', 'integer', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('fee_fen', 'bigint', (c) => c.notNull())
      .addColumn('people', 'integer', (c) => c.notNull())
      .addColumn('poor', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('stations_tallies_pk', ['site_id', 'day', 'kind', 'township_code'])
      .execute();
    await db.schema.createIndex('stations_tallies_day').on('stations_tallies').columns(['day']).execute();
    await db.schema.createIndex('stations_tallies_township_day').on('stations_tallies').columns(['township_code', 'day']).execute();
    await db.schema
      .createTable('stations_tally_customers')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('records', 'integer', (c) => c.notNull())
      .addColumn('poor_records', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('stations_tally_customers_pk', ['site_id', 'day', 'kind', 'township_code', 'customer_id'])
      .execute();
    await backfill(db);
  },
  async down(db) {
    await db.schema.dropTable('stations_tally_customers').execute();
    await db.schema.dropTable('stations_tallies').execute();
  },
};
