import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { signedIn, type RequestContext } from '../../kernel/context.js';
import type { AnyKysely, DialectName } from '../../kernel/db.js';
import { conflict, invalidField } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { creditVideo, readingSecondsLeft, secondsToFinish } from './learning.rules.js';
import type { MaterialProgressRow, MaterialRow } from './learning.tables.js';
import { materialView, type MaterialService, type MaterialView } from './materials.service.js';
import type { PersonTimes } from './person-times.js';
import type { TrainingDatabase } from './training.tables.js';

export interface ProgressView {
  materialId: string;
  openedAt: string;
  positionSeconds: number;
  watchedSeconds: number;
  /** Seconds still to watch (video) or to wait before it may be marked read (document); 0 when done or ready. */
  secondsLeft: number;
  percent: number;
  doneAt: string | null;
}

export interface MyCourse {
  courseId: string;
  title: string;
  track: string;
  level: string | null;
  summary: string;
  hoursTenths: number;
  materials: (MaterialView & { progress: ProgressView | null })[];
  materialsDone: number;
  completedAt: string | null;
  certificateId: string | null;
}

/** What a report answers: the material's progress, and whether this report completed the course. */
export interface ProgressAnswer {
  progress: ProgressView;
  courseCompleted: boolean;
}

export const traineeProfileNeeded = () =>
  conflict('TRAINEE_PROFILE_NEEDED', '请先填写学员信息（姓名、身份证号、所在村）Fill in your trainee details first (name, ID number, village)');

/**
 * Learners' progress on course materials, and the online completion of a course: the report that makes its last
 * material done counts the online person-time (A's `PersonTimes.count`), whose event completes the course in the
 * same transaction (see `Completions`). Reports of one trainee are serialised (the trainee's row is locked on
 * PostgreSQL; SQLite runs one transaction at a time), so two last reports arriving together cannot both miss the
 * other's material, and the person-time, event and certificate are made exactly once.
 */
export class LearningService {
  constructor(
    private readonly db: Kysely<TrainingDatabase>,
    private readonly dialect: DialectName,
    private readonly materials: MaterialService,
    private readonly personTimes: PersonTimes,
    private readonly clock: Clock,
  ) {}

  async traineeOf(userId: string) {
    return this.db.selectFrom('training_trainees').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst();
  }

  private view(m: MaterialRow, p: MaterialProgressRow, now: Date): ProgressView {
    const watched = Number(p.watched_seconds);
    const duration = m.duration_seconds === null ? 0 : Number(m.duration_seconds);
    const secondsLeft = p.done_at ? 0 : m.kind === 'video' ? Math.max(0, secondsToFinish(duration) - watched) : readingSecondsLeft(p.opened_at, Number(m.min_read_seconds), now);
    const percent = p.done_at ? 100 : m.kind === 'video' && duration > 0 ? Math.min(99, Math.floor((watched * 100) / duration)) : 0;
    return { materialId: m.id, openedAt: p.opened_at, positionSeconds: Number(p.position_seconds), watchedSeconds: watched, secondsLeft, percent, doneAt: p.done_at };
  }

  /** Records that the learner opened a material (its reading time starts); nothing for a caller with no trainee record. */
  async opened(ctx: RequestContext, material: MaterialRow): Promise<void> {
    if (!ctx.principal) return;
    const trainee = await this.traineeOf(ctx.principal.userId);
    if (!trainee) return;
    const now = this.clock.now().toISOString();
    await this.db
      .insertInto('training_material_progress')
      .values({ id: newId('mpr', this.clock.now().getTime()), material_id: material.id, course_id: material.course_id, trainee_id: trainee.id, opened_at: now, last_report_at: now, position_seconds: 0, watched_seconds: 0, done_at: null, updated_at: now })
      .onConflict((oc) => oc.columns(['material_id', 'trainee_id']).doNothing())
      .execute();
  }

  /**
   * One report from the learner's page: `positionSeconds` for a video (about every 15 s), `done` for a document
   * once read. 409 `TRAINEE_PROFILE_NEEDED` without a trainee record; 409 `READING_TIME_NOT_REACHED` (with
   * `details.secondsLeft`) for a document marked read before its minimum reading time.
   */
  async report(ctx: RequestContext, materialId: string, input: { positionSeconds?: number; done?: boolean }): Promise<ProgressAnswer> {
    const p = signedIn(ctx);
    const trainee = await this.traineeOf(p.userId);
    if (!trainee) throw traineeProfileNeeded();
    const material = await this.materials.readyMaterial(materialId);
    if (material.kind === 'video') {
      if (input.done !== undefined) throw invalidField('body.done', '视频按观看进度计：看完 90% 即完成 a video is done when 90 % of it is watched');
      if (input.positionSeconds === undefined) throw invalidField('body.positionSeconds', '请报告播放位置（秒）report the player’s position in seconds');
    }
    // A document's page reports `{ positionSeconds: 0 }` when it opens it: the reading time starts at the first report.
    return this.db.transaction().execute(async (trx) => {
      const lock = trx.selectFrom('training_trainees').select('id').where('id', '=', trainee.id);
      await (this.dialect === 'postgres' ? lock.forUpdate() : lock).execute();
      const now = this.clock.now();
      const iso = now.toISOString();
      const read = () => trx.selectFrom('training_material_progress').selectAll().where('material_id', '=', material.id).where('trainee_id', '=', trainee.id).executeTakeFirst();
      let row = await read();
      if (!row) {
        const first: MaterialProgressRow = { id: newId('mpr', now.getTime()), material_id: material.id, course_id: material.course_id, trainee_id: trainee.id, opened_at: iso, last_report_at: iso, position_seconds: 0, watched_seconds: 0, done_at: null, updated_at: iso };
        if (material.kind === 'video') first.position_seconds = Math.max(0, Math.min(Math.floor(input.positionSeconds!), Number(material.duration_seconds)));
        // An opening of the content (not under the trainee's lock) may have made the row meanwhile: then it is the first.
        await trx.insertInto('training_material_progress').values(first).onConflict((oc) => oc.columns(['material_id', 'trainee_id']).doNothing()).execute();
        row = (await read())!;
      } else if (!row.done_at) {
        if (material.kind === 'video') {
          const next = creditVideo({ lastReportAt: row.last_report_at, positionSeconds: Number(row.position_seconds), watchedSeconds: Number(row.watched_seconds) }, input.positionSeconds!, Number(material.duration_seconds), now);
          row = { ...row, last_report_at: next.lastReportAt, position_seconds: next.positionSeconds, watched_seconds: next.watchedSeconds, done_at: next.done ? iso : null, updated_at: iso };
          await trx.updateTable('training_material_progress').set({ last_report_at: row.last_report_at, position_seconds: row.position_seconds, watched_seconds: row.watched_seconds, done_at: row.done_at, updated_at: iso }).where('id', '=', row.id).execute();
        }
      }
      if (material.kind === 'document' && input.done && !row.done_at) {
        const secondsLeft = readingSecondsLeft(row.opened_at, Number(material.min_read_seconds), now);
        if (secondsLeft > 0) {
          // The opening just recorded stays: the reading time runs from it.
          return { progress: this.view(material, row, now), courseCompleted: false, tooSoon: secondsLeft } as ProgressAnswer & { tooSoon: number };
        }
        row = { ...row, done_at: iso, last_report_at: iso, updated_at: iso };
        await trx.updateTable('training_material_progress').set({ done_at: iso, last_report_at: iso, updated_at: iso }).where('id', '=', row.id).execute();
      }
      const courseCompleted = row.done_at === iso ? await this.completeOnline(trx, trainee.id, material.course_id, p.userId, iso) : false;
      return { progress: this.view(material, row, now), courseCompleted };
    }).then((answer) => {
      const tooSoon = (answer as ProgressAnswer & { tooSoon?: number }).tooSoon;
      if (tooSoon) throw conflict('READING_TIME_NOT_REACHED', `请再阅读 ${Math.ceil(tooSoon / 60)} 分钟后再标记为已读 Read on for ${tooSoon} s before marking it read`, { secondsLeft: tooSoon });
      return answer;
    });
  }

  /**
   * When every material of an online course (ready ones; hidden ones no longer count) is done, counts the online
   * person-time; its event completes the course (completion, `training.course-completed`, certificate) inline.
   */
  private async completeOnline(trx: Kysely<TrainingDatabase>, traineeId: string, courseId: string, by: string, at: string): Promise<boolean> {
    const course = await trx.selectFrom('training_courses').select(['id', 'online']).where('id', '=', courseId).executeTakeFirst();
    if (!course || Number(course.online) !== 1) return false;
    const left = await trx
      .selectFrom('training_materials as m')
      .leftJoin('training_material_progress as p', (j) => j.onRef('p.material_id', '=', 'm.id').on('p.trainee_id', '=', traineeId))
      .select('m.id')
      .where('m.course_id', '=', courseId)
      .where('m.state', '=', 'ready')
      .where((eb) => eb.or([eb('p.id', 'is', null), eb('p.done_at', 'is', null)]))
      .limit(1)
      .executeTakeFirst();
    if (left) return false;
    const counted = await this.personTimes.count(trx as unknown as AnyKysely, { mode: 'online', traineeId, courseId, countedAt: at, countedBy: by });
    return counted !== null;
  }

  /** The online courses with materials, each with the caller's progress (none without a trainee record). */
  async myCourses(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<MyCourse>> {
    const p = signedIn(ctx);
    const trainee = await this.traineeOf(p.userId);
    const after = decodeCursor(cursor);
    let q = this.db
      .selectFrom('training_courses as c')
      .selectAll('c')
      .where('c.online', '=', 1)
      .where((eb) => eb.exists(eb.selectFrom('training_materials as m').select('m.id').whereRef('m.course_id', '=', 'c.id').where('m.state', '=', 'ready')));
    if (after !== undefined) q = q.where('c.id', '>', after);
    const courses = await q.orderBy('c.id').limit(limit + 1).execute();
    const page = toPage(courses, limit, (c) => c.id);
    const ids = page.items.map((c) => c.id);
    if (ids.length === 0) return { items: [], nextCursor: null };
    const materials = await this.db.selectFrom('training_materials').selectAll().where('course_id', 'in', ids).where('state', '=', 'ready').orderBy('position').orderBy('id').execute();
    const progress = trainee ? await this.db.selectFrom('training_material_progress').selectAll().where('trainee_id', '=', trainee.id).where('course_id', 'in', ids).execute() : [];
    const completions = trainee ? await this.db.selectFrom('training_completions').select(['id', 'course_id', 'completed_at', 'revoked_at']).where('trainee_id', '=', trainee.id).where('course_id', 'in', ids).execute() : [];
    const certificates = trainee ? await this.db.selectFrom('training_certificates').select(['id', 'course_id']).where('trainee_id', '=', trainee.id).where('course_id', 'in', ids).where('status', '=', 'valid').execute() : [];
    const now = this.clock.now();
    const items = page.items.map((c): MyCourse => {
      const own = materials.filter((m) => m.course_id === c.id).map((m) => {
        const pr = progress.find((x) => x.material_id === m.id);
        return { ...materialView(m), progress: pr ? this.view(m, pr, now) : null };
      });
      const completion = completions.find((x) => x.course_id === c.id && !x.revoked_at);
      return {
        courseId: c.id,
        title: c.title,
        track: c.track,
        level: c.level,
        summary: c.summary,
        hoursTenths: Number(c.hours_tenths),
        materials: own,
        materialsDone: own.filter((m) => m.progress?.doneAt).length,
        completedAt: completion?.completed_at ?? null,
        certificateId: certificates.find((x) => x.course_id === c.id)?.id ?? null,
      };
    });
    return { items, nextCursor: page.nextCursor };
  }
}
