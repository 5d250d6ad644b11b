import type { ExpressionBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { OutcomeKind } from './events.js';
import type { OutcomeRow, TalentRow, TalentSupportRow } from './follow-up.tables.js';
import type { Track, TrainingDatabase } from './training.tables.js';

/** What progress reads of a person-time. */
export interface PersonTimeFact {
  trainee_id: string;
  track: Track;
  township_code: string | null;
  organiser_id: string | null;
  poor: number;
  woman: number;
  counted_at: string;
}

/** Which person-times a reader may count: all, a township's, or those of some organisers. */
export interface PersonTimeWhere {
  township?: string;
  organisers?: string[];
  track?: Track;
}

/** A trainee as follow-up reads it, with the first time it was counted and how many person-times. */
export interface TrainedTrainee {
  id: string;
  name: string;
  id_fingerprint: string;
  id_number_masked: string;
  township_code: string | null;
  village_code: string | null;
  poor: number;
  user_id: string | null;
  first_trained_at: string;
  person_times: number;
}

/** The follow-up part of training's tables: person-times read for progress, outcomes, sellers' sales, talent. */
export class FollowUpRepository {
  readonly db: Kysely<TrainingDatabase>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<TrainingDatabase>;
  }

  /** Every person-time a reader may count (one row each: the count is reproducible from these rows). */
  async personTimes(where: PersonTimeWhere): Promise<PersonTimeFact[]> {
    if (where.organisers && where.organisers.length === 0) return [];
    let q = this.db.selectFrom('training_person_times').select(['trainee_id', 'track', 'township_code', 'organiser_id', 'poor', 'woman', 'counted_at']);
    if (where.township) q = q.where('township_code', '=', where.township);
    if (where.organisers) q = q.where('organiser_id', 'in', where.organisers);
    if (where.track) q = q.where('track', '=', where.track);
    const rows = await q.orderBy('counted_at').orderBy('id').execute();
    return rows.map((r) => ({ ...r, poor: Number(r.poor), woman: Number(r.woman) }));
  }

  async organiserNames(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('training_organisers').select(['id', 'name']).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The organisers an account is a member of. */
  async organisersOf(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('training_organiser_members').select('organiser_id').where('user_id', '=', userId).orderBy('organiser_id').execute();
    return rows.map((r) => r.organiser_id);
  }

  /** Trainees counted at least once, by id after `after`, optionally of one township or just one trainee. */
  async trainedTrainees(filter: { township?: string; trainee?: string; outcome?: OutcomeKind | 'any' | 'none'; after?: string }, limit: number): Promise<TrainedTrainee[]> {
    let q = this.db
      .selectFrom('training_trainees as t')
      .innerJoin(
        (eb) => eb.selectFrom('training_person_times').select(['trainee_id', sql<string>`min(counted_at)`.as('first_trained_at'), sql<number>`count(*)`.as('person_times')]).groupBy('trainee_id').as('p'),
        (join) => join.onRef('p.trainee_id', '=', 't.id'),
      )
      .select(['t.id', 't.name', 't.id_fingerprint', 't.id_number_masked', 't.township_code', 't.village_code', 't.poor', 't.user_id', 'p.first_trained_at', 'p.person_times']);
    if (filter.township) q = q.where('t.township_code', '=', filter.township);
    if (filter.trainee) q = q.where('t.id', '=', filter.trainee);
    if (filter.after) q = q.where('t.id', '>', filter.after);
    if (filter.outcome) {
      const outcome = filter.outcome;
      const has = (eb: ExpressionBuilder<TrainingDatabase & { t: TrainingDatabase['training_trainees'] }, 't'>) => {
        let sub = eb.selectFrom('training_outcomes as o').select('o.id').whereRef('o.trainee_id', '=', 't.id');
        if (outcome !== 'any' && outcome !== 'none') sub = sub.where('o.kind', '=', outcome);
        return eb.exists(sub);
      };
      q = q.where((eb) => (outcome === 'none' ? eb.not(has(eb)) : has(eb)));
    }
    const rows = await q.orderBy('t.id').limit(limit).execute();
    return rows.map((r) => ({ ...r, poor: Number(r.poor), person_times: Number(r.person_times) }));
  }

  async trainee(id: string) {
    return this.db.selectFrom('training_trainees').select(['id', 'name', 'id_number_masked', 'township_code', 'village_code', 'poor']).where('id', '=', id).executeTakeFirst();
  }

  async trainees(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db.selectFrom('training_trainees').select(['id', 'name', 'id_number_masked', 'township_code', 'village_code', 'poor']).where('id', 'in', ids).execute();
  }

  async firstTrainedAt(traineeId: string, db: Kysely<TrainingDatabase> = this.db): Promise<string | null> {
    const row = await db.selectFrom('training_person_times').select(sql<string | null>`min(counted_at)`.as('first')).where('trainee_id', '=', traineeId).executeTakeFirst();
    return row?.first ?? null;
  }

  async outcomesOf(traineeIds: string[]): Promise<OutcomeRow[]> {
    if (traineeIds.length === 0) return [];
    const rows = await this.db.selectFrom('training_outcomes').selectAll().where('trainee_id', 'in', traineeIds).orderBy('recorded_at').orderBy('id').execute();
    return rows.map((r) => ({ ...r, poor: Number(r.poor) }));
  }

  /** Inserts an outcome unless the same (trainee, kind, ref) is recorded; true when it was new. */
  async insertOutcome(trx: Kysely<TrainingDatabase>, row: OutcomeRow): Promise<boolean> {
    const result = await trx.insertInto('training_outcomes').values(row).onConflict((oc) => oc.columns(['trainee_id', 'kind', 'ref']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** A seller's sales (payments less refunds, by payment time) from `since` on. */
  async sellerSalesSince(sellerId: string, since: string): Promise<number> {
    const row = await this.db.selectFrom('training_seller_sales').select(sql<string | number | null>`sum(amount_fen)`.as('fen')).where('seller_id', '=', sellerId).where('paid_at', '>=', since).executeTakeFirst();
    return Number(row?.fen ?? 0);
  }

  async insertSale(row: { seq: number; order_id: string; seller_id: string; paid_at: string; amount_fen: number }): Promise<void> {
    await this.db.insertInto('training_seller_sales').values(row).onConflict((oc) => oc.column('seq').doNothing()).execute();
  }

  /** The payment of an order, as kept from its event (a refund takes its seller and date). */
  async paymentOf(orderId: string) {
    return this.db.selectFrom('training_seller_sales').select(['seller_id', 'paid_at']).where('order_id', '=', orderId).where('amount_fen', '>', 0).orderBy('seq').executeTakeFirst();
  }

  // ---- talent ----

  async talent(id: string, db: Kysely<TrainingDatabase> = this.db): Promise<TalentRow | undefined> {
    return db.selectFrom('training_talent').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async talentList(filter: { township?: string; status?: string; after?: string }, limit: number): Promise<TalentRow[]> {
    let q = this.db.selectFrom('training_talent').selectAll();
    if (filter.township) q = q.where('township_code', '=', filter.township);
    if (filter.status) q = q.where('status', '=', filter.status as TalentRow['status']);
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.orderBy('id').limit(limit).execute();
  }

  async supportOf(talentIds: string[]): Promise<TalentSupportRow[]> {
    if (talentIds.length === 0) return [];
    const rows = await this.db.selectFrom('training_talent_support').selectAll().where('talent_id', 'in', talentIds).orderBy('given_on').orderBy('id').execute();
    return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
  }
}
