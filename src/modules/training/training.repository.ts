import { sql, type Kysely } from 'kysely';
import type { AnyKysely, DialectName } from '../../kernel/db.js';
import { afterKey } from '../../kernel/http/keyset.js';
import type { Sight } from './access.js';
import type { SessionFilter, TraineeFilter } from './training.schema.js';
import type { CourseRow, EnrolmentRow, OrganiserRow, PersonTimeRow, SessionRow, TraineeRow, TrainingDatabase } from './training.tables.js';

const likeOf = (text: string) => `%${text.replace(/[%_\\]/g, '')}%`;
/** The first instant of a Shanghai day, and the first of the day after, in UTC ISO. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const dayAfter = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

export type SessionWithNames = SessionRow & { organiser_name: string; course_title: string | null; present: number };
export type RosterRow = { enrolment: EnrolmentRow; trainee: TraineeRow; personTime: PersonTimeRow | null };

/** The only code that reads and writes the training core's tables. */
export class TrainingRepository {
  readonly db: Kysely<TrainingDatabase>;
  constructor(
    db: AnyKysely,
    readonly dialect: DialectName,
  ) {
    this.db = db as Kysely<TrainingDatabase>;
  }

  transaction<T>(work: (trx: Kysely<TrainingDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  // ---- organisers ----

  async organisersOf(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('training_organiser_members').select('organiser_id').where('user_id', '=', userId).execute();
    return rows.map((r) => r.organiser_id);
  }

  organiser(id: string, db = this.db) {
    return db.selectFrom('training_organisers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  organiserByName(name: string, db = this.db) {
    return db.selectFrom('training_organisers').selectAll().where('name', '=', name).executeTakeFirst();
  }

  listOrganisers(filter: { kind?: string; after?: string; ids?: string[] }, limit: number): Promise<OrganiserRow[]> {
    let q = this.db.selectFrom('training_organisers').selectAll();
    if (filter.kind) q = q.where('kind', '=', filter.kind as OrganiserRow['kind']);
    if (filter.ids) q = filter.ids.length ? q.where('id', 'in', filter.ids) : q.where(sql<boolean>`1 = 0`);
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.orderBy('id').limit(limit).execute();
  }

  async members(organiserIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(organiserIds.map((id) => [id, []]));
    if (!organiserIds.length) return map;
    const rows = await this.db.selectFrom('training_organiser_members').select(['organiser_id', 'user_id']).where('organiser_id', 'in', organiserIds).orderBy('user_id').execute();
    for (const r of rows) map.get(r.organiser_id)?.push(r.user_id);
    return map;
  }

  async organiserNames(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('training_organisers').select(['id', 'name']).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // ---- courses ----

  course(id: string, db = this.db) {
    return db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listCourses(filter: { track?: string; online?: boolean; after?: string }, limit: number): Promise<CourseRow[]> {
    let q = this.db.selectFrom('training_courses').selectAll();
    if (filter.track) q = q.where('track', '=', filter.track as CourseRow['track']);
    if (filter.online !== undefined) q = q.where('online', '=', filter.online ? 1 : 0);
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.orderBy('id').limit(limit).execute();
  }

  // ---- sessions ----

  private sessionsQuery(db = this.db) {
    return db
      .selectFrom('training_sessions as s')
      .innerJoin('training_organisers as o', 'o.id', 's.organiser_id')
      .leftJoin('training_courses as c', 'c.id', 's.course_id')
      .selectAll('s')
      .select(['o.name as organiser_name', 'c.title as course_title'])
      .select((eb) => eb.selectFrom('training_person_times as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.session_id', '=', 's.id').as('present'));
  }

  async session(id: string, db = this.db): Promise<SessionWithNames | undefined> {
    const row = await this.sessionsQuery(db).where('s.id', '=', id).executeTakeFirst();
    return row && { ...row, present: Number(row.present ?? 0) };
  }

  /** The session row itself, locked for the rest of the transaction on PostgreSQL (SQLite writes one at a time). */
  async lockSession(trx: Kysely<TrainingDatabase>, id: string): Promise<SessionRow | undefined> {
    const q = trx.selectFrom('training_sessions').selectAll().where('id', '=', id);
    return (this.dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  }

  /** Sessions newest first, keyset-paged on (starts_at, id). */
  async listSessions(sight: Sight | null, filter: SessionFilter & { openAfter?: string }, after: string[] | undefined, limit: number, order: 'asc' | 'desc' = 'desc'): Promise<SessionWithNames[]> {
    let q = this.sessionsQuery();
    if (sight?.kind === 'trainer') q = q.where((eb) => eb.or([eb('s.trainer_user_id', '=', sight.userId), ...(sight.organiserIds.length ? [eb('s.organiser_id', 'in', sight.organiserIds)] : [])]));
    if (sight?.kind === 'township') q = q.where('s.township_code', '=', sight.code);
    if (filter.from) q = q.where('s.starts_at', '>=', dayStart(filter.from));
    if (filter.to) q = q.where('s.starts_at', '<', dayAfter(filter.to));
    if (filter.track) q = q.where('s.track', '=', filter.track);
    if (filter.township) q = q.where('s.township_code', '=', filter.township);
    if (filter.organiser) q = q.where('s.organiser_id', '=', filter.organiser);
    if (filter.status) q = q.where('s.status', '=', filter.status);
    if (filter.openAfter) q = q.where('s.status', '=', 'planned').where('s.ends_at', '>', filter.openAfter);
    if (after) q = q.where((eb) => afterKey(eb, ['s.starts_at', 's.id'], after, order));
    const rows = await q.orderBy('s.starts_at', order).orderBy('s.id', order).limit(limit).execute();
    return rows.map((r) => ({ ...r, present: Number(r.present ?? 0) }));
  }

  async personTimeCount(sessionId: string, db = this.db): Promise<number> {
    const row = await db.selectFrom('training_person_times').select((e) => e.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  // ---- trainees ----

  trainee(id: string, db = this.db) {
    return db.selectFrom('training_trainees').selectAll().where('id', '=', id).executeTakeFirst();
  }

  traineeByFingerprint(print: string, db = this.db) {
    return db.selectFrom('training_trainees').selectAll().where('id_fingerprint', '=', print).executeTakeFirst();
  }

  /** Trainees by the fingerprints of their ID numbers, read 500 at a time. */
  async traineesByFingerprints(prints: string[], db = this.db): Promise<Map<string, TraineeRow>> {
    const map = new Map<string, TraineeRow>();
    for (let i = 0; i < prints.length; i += 500) {
      const rows = await db.selectFrom('training_trainees').selectAll().where('id_fingerprint', 'in', prints.slice(i, i + 500)).execute();
      for (const r of rows) map.set(r.id_fingerprint, r);
    }
    return map;
  }

  async enrolledTraineeIds(sessionId: string, db = this.db): Promise<Set<string>> {
    const rows = await db.selectFrom('training_enrolments').select('trainee_id').where('session_id', '=', sessionId).execute();
    return new Set(rows.map((r) => r.trainee_id));
  }

  traineeOfUser(userId: string, db = this.db) {
    return db.selectFrom('training_trainees').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  /** Whether a trainee is on the list of a session in a trainer's or township's sight. */
  async enrolledInSight(traineeId: string, sight: Sight): Promise<boolean> {
    if (sight.kind !== 'trainer' && sight.kind !== 'township') return false;
    let q = this.db.selectFrom('training_enrolments as e').innerJoin('training_sessions as s', 's.id', 'e.session_id').select('e.id').where('e.trainee_id', '=', traineeId);
    if (sight.kind === 'trainer') q = q.where((eb) => eb.or([eb('s.trainer_user_id', '=', sight.userId), ...(sight.organiserIds.length ? [eb('s.organiser_id', 'in', sight.organiserIds)] : [])]));
    else q = q.where('s.township_code', '=', sight.code);
    return !!(await q.limit(1).executeTakeFirst());
  }

  async listTrainees(sight: Sight, filter: TraineeFilter & { fingerprint?: string }, after: string | undefined, limit: number): Promise<TraineeRow[]> {
    let q = this.db.selectFrom('training_trainees as t').selectAll('t');
    if (sight.kind === 'village') q = q.where('t.village_code', '=', sight.code);
    if (sight.kind === 'township')
      q = q.where((eb) =>
        eb.or([
          eb('t.township_code', '=', sight.code),
          eb.exists(eb.selectFrom('training_enrolments as e').innerJoin('training_sessions as s', 's.id', 'e.session_id').select('e.id').whereRef('e.trainee_id', '=', 't.id').where('s.township_code', '=', sight.code)),
        ]),
      );
    if (sight.kind === 'trainer')
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('training_enrolments as e')
            .innerJoin('training_sessions as s', 's.id', 'e.session_id')
            .select('e.id')
            .whereRef('e.trainee_id', '=', 't.id')
            .where((e2) => e2.or([e2('s.trainer_user_id', '=', sight.userId), ...(sight.organiserIds.length ? [e2('s.organiser_id', 'in', sight.organiserIds)] : [])])),
        ),
      );
    if (filter.fingerprint) q = q.where('t.id_fingerprint', '=', filter.fingerprint);
    else if (filter.q) q = q.where('t.name', 'like', likeOf(filter.q));
    if (filter.township) q = q.where('t.township_code', '=', filter.township);
    if (filter.village) q = q.where('t.village_code', '=', filter.village);
    if (filter.poor !== undefined) q = q.where('t.poor', '=', filter.poor ? 1 : 0);
    if (filter.disabled !== undefined) q = q.where('t.disabled', '=', filter.disabled ? 1 : 0);
    if (filter.partyMember !== undefined) q = q.where('t.party_member', '=', filter.partyMember ? 1 : 0);
    if (filter.woman !== undefined) q = q.where('t.woman', '=', filter.woman ? 1 : 0);
    if (filter.session) q = q.where((eb) => eb.exists(eb.selectFrom('training_enrolments as e2').select('e2.id').whereRef('e2.trainee_id', '=', 't.id').where('e2.session_id', '=', filter.session!)));
    if (after) q = q.where('t.id', '>', after);
    return q.orderBy('t.id').limit(limit).execute();
  }

  // ---- enrolments and the roster ----

  enrolment(sessionId: string, traineeId: string, db = this.db) {
    return db.selectFrom('training_enrolments').selectAll().where('session_id', '=', sessionId).where('trainee_id', '=', traineeId).executeTakeFirst();
  }

  /** A session's list with who was present, in enrolment order, keyset-paged on the enrolment id. */
  async roster(sessionId: string, filter: { village?: string; present?: boolean }, after: string | undefined, limit: number): Promise<RosterRow[]> {
    let q = this.db
      .selectFrom('training_enrolments as e')
      .innerJoin('training_trainees as t', 't.id', 'e.trainee_id')
      .leftJoin('training_person_times as p', (j) => j.onRef('p.trainee_id', '=', 'e.trainee_id').onRef('p.session_id', '=', 'e.session_id'))
      .selectAll('t')
      .select(['e.id as e_id', 'e.source as e_source', 'e.enrolled_by as e_by', 'e.created_at as e_at', 'p.id as p_id', 'p.counted_at as p_at', 'p.method as p_method'])
      .where('e.session_id', '=', sessionId);
    if (filter.village) q = q.where('t.village_code', '=', filter.village);
    if (filter.present === true) q = q.where('p.id', 'is not', null);
    if (filter.present === false) q = q.where('p.id', 'is', null);
    if (after) q = q.where('e.id', '>', after);
    const rows = await q.orderBy('e.id').limit(limit).execute();
    return rows.map(({ e_id, e_source, e_by, e_at, p_id, p_at, p_method, ...t }) => ({
      enrolment: { id: e_id, session_id: sessionId, trainee_id: t.id, source: e_source, enrolled_by: e_by, created_at: e_at },
      trainee: t as TraineeRow,
      personTime: p_id ? ({ id: p_id, counted_at: p_at, method: p_method } as PersonTimeRow) : null,
    }));
  }

  personTimeOf(sessionId: string, traineeId: string, db = this.db) {
    return db.selectFrom('training_person_times').selectAll().where('session_id', '=', sessionId).where('trainee_id', '=', traineeId).executeTakeFirst();
  }

  personTimesOfTrainee(traineeId: string) {
    return this.db.selectFrom('training_person_times').selectAll().where('trainee_id', '=', traineeId).orderBy('counted_at', 'desc').limit(500).execute();
  }

  async sessionsOfTrainee(traineeId: string): Promise<SessionWithNames[]> {
    const rows = await this.sessionsQuery()
      .innerJoin('training_enrolments as e', 'e.session_id', 's.id')
      .where('e.trainee_id', '=', traineeId)
      .orderBy('s.starts_at', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({ ...r, present: Number(r.present ?? 0) }));
  }

  // ---- check-in misses ----

  async misses(userId: string, since: string): Promise<{ count: number; oldest: string | null }> {
    const row = await this.db
      .selectFrom('training_checkin_misses')
      .select((e) => [e.fn.countAll<number>().as('n'), e.fn.min('missed_at').as('oldest')])
      .where('user_id', '=', userId)
      .where('missed_at', '>', since)
      .executeTakeFirst();
    return { count: Number(row?.n ?? 0), oldest: (row?.oldest as string | null) ?? null };
  }

  async rememberScan(userId: string, sessionId: string, tokenHash: string, at: string): Promise<void> {
    await this.db
      .insertInto('training_checkin_pending')
      .values({ user_id: userId, session_id: sessionId, token_hash: tokenHash, scanned_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'session_id']).doUpdateSet({ token_hash: tokenHash, scanned_at: at }))
      .execute();
  }

  pendingScan(userId: string, sessionId: string, db = this.db) {
    return db.selectFrom('training_checkin_pending').selectAll().where('user_id', '=', userId).where('session_id', '=', sessionId).executeTakeFirst();
  }

  async recordMiss(id: string, userId: string, at: string, purgeBefore: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('training_checkin_misses').where('user_id', '=', userId).where('missed_at', '<', purgeBefore).execute();
      await trx.insertInto('training_checkin_misses').values({ id, user_id: userId, missed_at: at }).execute();
    });
  }
}
