import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { AnyKysely } from '../../kernel/db.js';
import { inline, type EventOf, type EventPublisher } from '../../kernel/events/index.js';
import { newId } from '../../kernel/ids.js';
import type { CertificateService } from './certificates.service.js';
import { CourseCompleted, CourseCompletionRevoked, PersonTimeCounted, PersonTimeWithdrawn } from './events.js';
import type { CompletionRow } from './learning.tables.js';
import type { TrainingDatabase } from './training.tables.js';

/**
 * Completions follow person-times, inline (in the transaction that counts or withdraws the person-time):
 *
 * - A person-time with a course (onsite: present at a session of the course; online: every material of it done)
 *   completes the course for the trainee, once per trainee and course: a completion row, `training.course-completed`
 *   and a certificate, all in that transaction. A second basis for the same course (another session, or the online
 *   materials after attending) changes nothing.
 * - A withdrawn person-time that a completion rests on moves the completion to another person-time of the same
 *   trainee and course if there is one; if it was the only basis, the completion and its certificate are revoked
 *   (the verify page says 已撤销) and `training.course-completion-revoked` is published, so statistics take the
 *   completion back. Counted again later (a new tick, another session), the same completion is reinstated, completed
 *   at the new person-time's time, with a new certificate (new number and code; the revoked one stays revoked), and
 *   `training.course-completed` is published again for it (same completionId): the figures follow the stored state.
 */
export class Completions {
  constructor(
    private readonly events: EventPublisher,
    private readonly certificates: CertificateService,
    private readonly clock: Clock,
  ) {}

  subscriptions() {
    return [
      inline(PersonTimeCounted, (trx, event) => this.counted(trx as unknown as Kysely<TrainingDatabase>, event)),
      inline(PersonTimeWithdrawn, (trx, event) => this.withdrawn(trx as unknown as Kysely<TrainingDatabase>, event)),
    ];
  }

  private async counted(trx: Kysely<TrainingDatabase>, event: EventOf<typeof PersonTimeCounted>): Promise<void> {
    const e = event.payload;
    if (!e.courseId) return;
    const existing = await trx.selectFrom('training_completions').selectAll().where('trainee_id', '=', e.traineeId).where('course_id', '=', e.courseId).executeTakeFirst();
    if (existing && !existing.revoked_at) return;
    const at = new Date(e.countedAt).toISOString();
    let completion: CompletionRow;
    if (existing) {
      // Reinstated: the same completion, completed again at the new basis's time.
      completion = { ...existing, person_time_id: e.personTimeId, session_id: e.sessionId, mode: e.mode, completed_at: at, revoked_at: null, revoke_reason: null };
      await trx.updateTable('training_completions').set({ revoked_at: null, revoke_reason: null, person_time_id: e.personTimeId, session_id: e.sessionId, mode: e.mode, completed_at: at }).where('id', '=', existing.id).execute();
    } else {
      completion = { id: newId('tcm', this.clock.now().getTime()), trainee_id: e.traineeId, course_id: e.courseId, mode: e.mode, person_time_id: e.personTimeId, session_id: e.sessionId, completed_at: at, revoked_at: null, revoke_reason: null };
      await trx.insertInto('training_completions').values(completion).execute();
    }
    const course = await trx.selectFrom('training_courses').select(['track', 'level']).where('id', '=', e.courseId).executeTakeFirstOrThrow();
    await this.events.publish(trx as unknown as AnyKysely, CourseCompleted, e.traineeId, {
      completionId: completion.id,
      traineeId: e.traineeId,
      courseId: e.courseId,
      track: course.track,
      level: course.level,
      mode: e.mode,
      townshipCode: e.townshipCode,
      poor: e.poor,
      completedAt: at,
    });
    await this.certificates.issue(trx, completion);
  }

  private async withdrawn(trx: Kysely<TrainingDatabase>, event: EventOf<typeof PersonTimeWithdrawn>): Promise<void> {
    const completion = await trx.selectFrom('training_completions').selectAll().where('person_time_id', '=', event.payload.personTimeId).where('revoked_at', 'is', null).executeTakeFirst();
    if (!completion) return;
    // The withdrawn row is already gone: any other person-time of this trainee and course is a basis.
    const other = await trx
      .selectFrom('training_person_times')
      .select(['id', 'session_id', 'mode'])
      .where('trainee_id', '=', completion.trainee_id)
      .where('course_id', '=', completion.course_id)
      .orderBy('counted_at')
      .orderBy('id')
      .executeTakeFirst();
    if (other) {
      await trx.updateTable('training_completions').set({ person_time_id: other.id, session_id: other.session_id, mode: other.mode }).where('id', '=', completion.id).execute();
      return;
    }
    const reason = '签到已撤销，结业依据不存在 The attendance it rested on was withdrawn';
    const revokedAt = event.payload.withdrawnAt;
    await trx.updateTable('training_completions').set({ revoked_at: revokedAt, revoke_reason: reason }).where('id', '=', completion.id).execute();
    await this.certificates.revokeOf(trx, completion.id, revokedAt, reason);
    await this.events.publish(trx as unknown as AnyKysely, CourseCompletionRevoked, completion.trainee_id, { completionId: completion.id, traineeId: completion.trainee_id, courseId: completion.course_id, revokedAt });
  }
}
