import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { AppError, conflict, notFound } from '../../kernel/errors.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { newId } from '../../kernel/ids.js';
import type { Clock } from '../../kernel/clock.js';
import { PersonTimeCounted, PersonTimeWithdrawn } from './events.js';
import type { CountMethod, PersonTimeMode, PersonTimeRow, TrainingDatabase } from './training.tables.js';

/** One person-time to count: a trainee present at a session (onsite) or done with an online course (online). */
export type PersonTimeInput =
  | { mode: 'onsite'; traineeId: string; sessionId: string; method: Exclude<CountMethod, 'online'>; countedAt: string; countedBy: string }
  | { mode: 'online'; traineeId: string; courseId: string; countedAt: string; countedBy: string };

const tx = (trx: AnyKysely) => trx as unknown as Kysely<TrainingDatabase>;

/**
 * The unit the plan counts (人次). The only writer of `training_person_times`: each is counted once (one per trainee
 * and session, one per trainee and online course, whatever the scans, ticks or retries) and its event is published
 * in the same transaction as the row, so statistics follow the rows exactly.
 */
export class PersonTimes {
  constructor(
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /**
   * Inserts the person-time if the trainee was not yet counted for it and publishes `training.person-time-counted`;
   * returns the new row, or null when it already existed. Run it inside the caller's transaction.
   */
  async count(trx: AnyKysely, input: PersonTimeInput): Promise<PersonTimeRow | null> {
    const db = tx(trx);
    const trainee = await db.selectFrom('training_trainees').select(['id', 'township_code', 'village_code', 'poor', 'woman']).where('id', '=', input.traineeId).executeTakeFirst();
    if (!trainee) throw notFound('Trainee');
    let row: PersonTimeRow;
    const base = { id: newId('pt', this.clock.now().getTime()), trainee_id: trainee.id, poor: trainee.poor, woman: trainee.woman, counted_at: input.countedAt, counted_by: input.countedBy, created_at: this.clock.now().toISOString() };
    if (input.mode === 'onsite') {
      const session = await db.selectFrom('training_sessions').selectAll().where('id', '=', input.sessionId).executeTakeFirst();
      if (!session) throw notFound('Session');
      if (session.status === 'cancelled') throw conflict('SESSION_CANCELLED', '培训已取消 The session was cancelled');
      if (session.status === 'closed') throw conflict('SESSION_CLOSED', '培训已结束，签到已锁定 The session is closed; attendance is locked');
      const own = trainee.township_code !== null;
      row = {
        ...base,
        session_id: session.id,
        course_id: session.course_id,
        mode: 'onsite',
        method: input.method,
        track: session.track,
        level: session.level,
        organiser_id: session.organiser_id,
        township_code: own ? trainee.township_code : session.township_code,
        village_code: own ? trainee.village_code : session.village_code,
      };
    } else {
      const course = await db.selectFrom('training_courses').selectAll().where('id', '=', input.courseId).executeTakeFirst();
      if (!course) throw notFound('Course');
      row = {
        ...base,
        session_id: null,
        course_id: course.id,
        mode: 'online',
        method: 'online',
        track: course.track,
        level: course.level,
        organiser_id: course.organiser_id,
        township_code: trainee.township_code,
        village_code: trainee.village_code,
      };
    }
    const result = await db.insertInto('training_person_times').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    await this.events.publish(trx, PersonTimeCounted, trainee.id, {
      personTimeId: row.id,
      traineeId: row.trainee_id,
      sessionId: row.session_id,
      courseId: row.course_id,
      track: row.track,
      level: row.level,
      mode: row.mode as PersonTimeMode,
      organiserId: row.organiser_id,
      townshipCode: row.township_code,
      villageCode: row.village_code,
      poor: row.poor === 1,
      woman: row.woman === 1,
      countedAt: new Date(row.counted_at).toISOString(),
    });
    return row;
  }

  /**
   * Takes back a mistaken person-time (only while its session is not closed): the row goes, a withdrawal record
   * keeps it, and `training.person-time-withdrawn` is published in the same transaction.
   */
  async withdraw(trx: AnyKysely, id: string, reason: string, by: string): Promise<PersonTimeRow> {
    const db = tx(trx);
    const row = await db.selectFrom('training_person_times').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Person-time');
    if (row.session_id) {
      const session = await db.selectFrom('training_sessions').select('status').where('id', '=', row.session_id).executeTakeFirst();
      if (session?.status === 'closed') throw conflict('SESSION_CLOSED', '培训已结束，签到已锁定 The session is closed; attendance is locked');
    }
    const deleted = await db.deleteFrom('training_person_times').where('id', '=', id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw new AppError(409, 'PERSON_TIME_GONE', '该人次已撤销 The person-time was already withdrawn');
    const withdrawnAt = this.clock.now().toISOString();
    await db
      .insertInto('training_person_time_withdrawals')
      .values({ id: newId('ptw', this.clock.now().getTime()), person_time_id: row.id, trainee_id: row.trainee_id, session_id: row.session_id, reason, withdrawn_by: by, withdrawn_at: withdrawnAt, row: JSON.stringify(row) })
      .execute();
    await this.events.publish(trx, PersonTimeWithdrawn, row.trainee_id, { personTimeId: row.id, traineeId: row.trainee_id, withdrawnAt });
    return row;
  }
}
