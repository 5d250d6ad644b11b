import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { tallyMoves, type TalliedRecord } from './tallies-rule.js';
import type { TalliesTables } from './tallies.tables.js';

/** Where a record was made: the tally rows it moves are its site's, township's and day's. */
export interface TallyPlace {
  site_id: string;
  township_code: string;
  day: string;
}

/**
 * Keeps the daily tallies (stations_tallies, stations_tally_customers) in the caller's transaction: a record stored
 * adds (`sign` 1), its void takes back exactly the same (−1). The customer rows count each customer's live service
 * records, so people and poor served move only when that number goes 0 → 1 or 1 → 0. Each change is one atomic upsert
 * (`n = n + ?`), never a read then a write: records and voids run under their day's lock, but the provider job takes a
 * refused record back without it, so two transactions may move one row at once.
 */
export async function tallyRecord(anyTrx: AnyKysely, record: TalliedRecord & TallyPlace, sign: 1 | -1): Promise<void> {
  const trx = anyTrx as unknown as Kysely<TalliesTables>;
  const moves = tallyMoves(record, sign);
  const place = { site_id: record.site_id, township_code: record.township_code, day: record.day };
  const people = new Map<string, { people: number; poor: number }>();
  for (const kind of moves.customerKinds) {
    const after = await trx
      .insertInto('stations_tally_customers')
      .values({ ...place, kind, customer_id: moves.customerId!, records: sign, poor_records: moves.poor ? sign : 0 })
      .onConflict((oc) =>
        oc.columns(['site_id', 'day', 'kind', 'township_code', 'customer_id']).doUpdateSet({
          records: (eb) => eb('stations_tally_customers.records', '+', eb.ref('excluded.records')),
          poor_records: (eb) => eb('stations_tally_customers.poor_records', '+', eb.ref('excluded.poor_records')),
        }),
      )
      .returning(['records', 'poor_records'])
      .executeTakeFirstOrThrow();
    // Counted from the number after the move: 1 after adding is a newcomer, 0 after taking back is one gone.
    const crossed = (n: number) => (sign === 1 ? n === 1 : n === 0);
    people.set(kind, { people: crossed(Number(after.records)) ? sign : 0, poor: moves.poor && crossed(Number(after.poor_records)) ? sign : 0 });
  }
  for (const m of moves.money) {
    const p = people.get(m.kind) ?? { people: 0, poor: 0 };
    await trx
      .insertInto('stations_tallies')
      .values({ ...place, kind: m.kind, records: m.records, services: m.services, amount_fen: m.amountFen, fee_fen: m.feeFen, people: p.people, poor: p.poor })
      .onConflict((oc) =>
        oc.columns(['site_id', 'day', 'kind', 'township_code']).doUpdateSet({
          records: (eb) => eb('stations_tallies.records', '+', eb.ref('excluded.records')),
          services: (eb) => eb('stations_tallies.services', '+', eb.ref('excluded.services')),
          amount_fen: (eb) => eb('stations_tallies.amount_fen', '+', eb.ref('excluded.amount_fen')),
          fee_fen: (eb) => eb('stations_tallies.fee_fen', '+', eb.ref('excluded.fee_fen')),
          people: (eb) => eb('stations_tallies.people', '+', eb.ref('excluded.people')),
          poor: (eb) => eb('stations_tallies.poor', '+', eb.ref('excluded.poor')),
        }),
      )
      .execute();
  }
}
