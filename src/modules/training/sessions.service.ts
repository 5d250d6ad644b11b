import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { ENROLLERS, learner, mustRun, runsSession, seesSession, SESSION_WRITERS, type Sight } from './access.js';
import { checkLevel } from './courses.service.js';
import type { TrainingPlaces } from './ports.js';
import type { TraineesService } from './trainees.service.js';
import type { Session, SessionCreate, SessionFilter, SessionUpdate, TraineeInput } from './training.schema.js';
import type { SessionWithNames, TrainingRepository } from './training.repository.js';
import type { EnrolmentRow, EnrolmentSource, SessionRow, TraineeRow, TrainingDatabase } from './training.tables.js';

const MINUTE = 60_000;

export const sessionFull = (capacity: number) => new AppError(409, 'SESSION_FULL', `名额已满（${capacity} 人） The session is full`, { capacity });

export const sessionClosedError = (status: SessionRow['status']) =>
  status === 'cancelled' ? conflict('SESSION_CANCELLED', '培训已取消 The session was cancelled') : conflict('SESSION_CLOSED', '培训已结束，名单和签到已锁定 The session is closed');

/** Sessions: when and where, who organises and teaches, how many places; and who is on their lists. */
export class SessionsService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly clock: Clock,
    private readonly places: TrainingPlaces,
    private readonly trainees: TraineesService,
  ) {}

  async view(row: SessionWithNames, names?: Map<string, string>): Promise<Session> {
    const book = await this.places.placeBook();
    const n = names ?? (await this.trainees.names());
    return {
      id: row.id,
      title: row.title,
      courseId: row.course_id,
      courseTitle: row.course_title,
      track: row.track,
      level: row.level,
      organiserId: row.organiser_id,
      organiserName: row.organiser_name,
      trainerUserId: row.trainer_user_id,
      trainerName: row.trainer_name,
      siteId: row.site_id,
      placeName: row.site_id ? (book.sites.get(row.site_id)?.name ?? row.place_text) : row.place_text,
      townshipCode: row.township_code,
      townshipName: n.get(row.township_code) ?? '',
      villageCode: row.village_code,
      villageName: row.village_code ? (n.get(row.village_code) ?? null) : null,
      capacity: row.capacity,
      enrolled: row.enrolled,
      present: row.present,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      status: row.status,
      notes: row.notes,
      closedAt: row.closed_at,
      cancelledAt: row.cancelled_at,
      cancelReason: row.cancel_reason,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  sight(ctx: RequestContext): Promise<Sight> {
    return this.trainees.sight(ctx);
  }

  /** A session the caller sees (404 otherwise). */
  async seen(ctx: RequestContext, id: string): Promise<{ row: SessionWithNames; sight: Sight }> {
    const sight = await this.sight(ctx);
    const row = await this.repo.session(id);
    if (!row || !seesSession(sight, row)) throw notFound('Session');
    return { row, sight };
  }

  async get(ctx: RequestContext, id: string): Promise<Session> {
    return this.view((await this.seen(ctx, id)).row);
  }

  async list(ctx: RequestContext, filter: SessionFilter, limit: number, cursor?: string): Promise<PageResult<Session>> {
    const sight = await this.sight(ctx);
    const rows = await this.repo.listSessions(sight, filter, cursorKey(cursor, 2), limit + 1);
    const page = toKeysetPage(rows, limit, (r) => [r.starts_at, r.id]);
    const names = await this.trainees.names();
    return { items: await Promise.all(page.items.map((r) => this.view(r, names))), nextCursor: page.nextCursor };
  }

  /** Sessions any signed-in account may enrol in: planned and not yet ended, soonest first. */
  async open(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<Session & { enrolledByMe: boolean }>> {
    const principal = learner(ctx);
    const rows = await this.repo.listSessions(null, { openAfter: this.clock.now().toISOString() }, cursorKey(cursor, 2), limit + 1, 'asc');
    const page = toKeysetPage(rows, limit, (r) => [r.starts_at, r.id]);
    const me = await this.repo.traineeOfUser(principal.userId);
    const mine = new Set(me ? (await this.repo.sessionsOfTrainee(me.id)).map((s) => s.id) : []);
    const names = await this.trainees.names();
    return { items: await Promise.all(page.items.map(async (r) => ({ ...(await this.view(r, names)), enrolledByMe: mine.has(r.id) }))), nextCursor: page.nextCursor };
  }

  /** Where a session is: a site of the network (its township and village), or free text in a township. */
  private async place(siteId: string | null | undefined, placeText: string | undefined, townshipCode: string | null | undefined) {
    if (siteId) {
      // A site the cached reading does not know may have been opened since: the network is read once more before refusing.
      const site = (await this.places.placeBook()).sites.get(siteId) ?? (await this.places.placeBook({ fresh: true })).sites.get(siteId);
      if (!site) throw invalidField('body.siteId', '没有这个运营中的站点 is not an operating site');
      return { site_id: siteId, place_text: site.name, township_code: site.townshipCode, village_code: site.villageCode };
    }
    if (!placeText?.trim()) throw invalidField('body.placeText', '请填写培训地点，或选择一个站点 give the place or a site');
    if (!townshipCode) throw invalidField('body.townshipCode', '请选择培训地点所在乡镇 give the township of the place');
    const place = await this.trainees.checkPlace(townshipCode, null, 'body.');
    return { site_id: null, place_text: placeText.trim(), township_code: place.townshipCode!, village_code: null };
  }

  private checkTimes(ctx: RequestContext, startsAt: string, endsAt: string) {
    const starts = new Date(startsAt);
    const ends = new Date(endsAt);
    if (!(ends > starts)) throw invalidField('body.endsAt', '结束时间应晚于开始时间 must be after startsAt');
    if (ends.getTime() - starts.getTime() > 7 * 24 * 60 * MINUTE) throw invalidField('body.endsAt', '一场培训最长 7 天 a session lasts at most 7 days');
    if (ends < this.clock.now() && !hasRole(ctx, 'county_admin')) throw invalidField('body.startsAt', '已结束的培训只能由县电商办补录 only the county office records a past session');
    return { starts_at: starts.toISOString(), ends_at: ends.toISOString() };
  }

  async create(ctx: RequestContext, input: SessionCreate): Promise<Session> {
    const principal = requireRole(ctx, ...SESSION_WRITERS);
    const sight = await this.sight(ctx);
    const organiser = await this.repo.organiser(input.organiserId);
    if (!organiser) throw invalidField('body.organiserId', '没有这个培训组织单位 is not an organiser');
    if (sight.kind === 'trainer' && !sight.organiserIds.includes(organiser.id)) throw forbidden('只能为您所在的培训组织单位安排培训 Only for your own organisers');
    const course = input.courseId ? await this.repo.course(input.courseId) : null;
    if (input.courseId && !course) throw invalidField('body.courseId', '没有这门课程 is not a course');
    const track = course?.track ?? input.track;
    if (!track) throw invalidField('body.track', '请选择培训类别 give the track (or a course)');
    if (course && input.track && input.track !== course.track) throw invalidField('body.track', '与课程的类别不同 differs from the course’s track');
    const level = checkLevel(track, course ? course.level : input.level, 'body.level');
    const place = await this.place(input.siteId, input.placeText, input.townshipCode);
    const times = this.checkTimes(ctx, input.startsAt, input.endsAt);
    const now = this.clock.now().toISOString();
    const id = newId('tses', this.clock.now().getTime());
    await this.repo.transaction(async (trx) => {
      await trx
        .insertInto('training_sessions')
        .values({
          id,
          title: input.title.trim(),
          course_id: course?.id ?? null,
          track,
          level,
          organiser_id: organiser.id,
          trainer_user_id: input.trainerUserId === undefined ? (sight.kind === 'trainer' ? principal.userId : null) : input.trainerUserId,
          trainer_name: input.trainerName.trim(),
          ...place,
          capacity: input.capacity,
          enrolled: 0,
          ...times,
          status: 'planned',
          checkin_secret: randomBytes(32).toString('base64url'),
          notes: input.notes ?? '',
          created_by: principal.userId,
          created_at: now,
          updated_at: now,
          closed_at: null,
          cancelled_at: null,
          cancel_reason: null,
        })
        .execute();
      await recordAudit(trx, ctx, { action: 'training.session-created', entityType: 'training_session', entityId: id, details: { title: input.title.trim(), organiserId: organiser.id, startsAt: times.starts_at, capacity: input.capacity } }, this.clock.now());
    });
    return this.get(ctx, id);
  }

  /** Changes a planned session (its trainers or the county office); a capacity below those enrolled is refused. */
  async update(ctx: RequestContext, id: string, input: SessionUpdate): Promise<Session> {
    const { row, sight } = await this.seen(ctx, id);
    mustRun(sight, row);
    if (row.status !== 'planned') throw sessionClosedError(row.status);
    const course = input.courseId ? await this.repo.course(input.courseId) : input.courseId === null ? null : row.course_id ? await this.repo.course(row.course_id) : null;
    if (input.courseId && !course) throw invalidField('body.courseId', '没有这门课程 is not a course');
    const track = course?.track ?? input.track ?? row.track;
    const level = checkLevel(track, course ? course.level : input.level === undefined ? row.level : input.level, 'body.level');
    const place = input.siteId !== undefined || input.placeText !== undefined || input.townshipCode !== undefined ? await this.place(input.siteId === undefined ? row.site_id : input.siteId, input.placeText ?? row.place_text, input.townshipCode === undefined ? row.township_code : input.townshipCode) : {};
    const times = input.startsAt !== undefined || input.endsAt !== undefined ? this.checkTimes(ctx, input.startsAt ?? row.starts_at, input.endsAt ?? row.ends_at) : {};
    await this.repo.transaction(async (trx) => {
      const locked = (await this.repo.lockSession(trx, id))!;
      if (input.capacity !== undefined && input.capacity < locked.enrolled) throw invalidField('body.capacity', `已有 ${locked.enrolled} 人报名，名额不能少于此数 is below the ${locked.enrolled} enrolled`);
      await trx
        .updateTable('training_sessions')
        .set({
          ...(input.title !== undefined && { title: input.title.trim() }),
          course_id: course?.id ?? null,
          track,
          level,
          ...(input.trainerUserId !== undefined && { trainer_user_id: input.trainerUserId }),
          ...(input.trainerName !== undefined && { trainer_name: input.trainerName.trim() }),
          ...place,
          ...(input.capacity !== undefined && { capacity: input.capacity }),
          ...times,
          ...(input.notes !== undefined && { notes: input.notes }),
          updated_at: this.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, { action: 'training.session-updated', entityType: 'training_session', entityId: id, details: input }, this.clock.now());
    });
    return this.get(ctx, id);
  }

  /** Cancels a planned session nobody has been counted at (409 SESSION_HAS_ATTENDANCE otherwise). */
  async cancel(ctx: RequestContext, id: string, reason: string): Promise<Session> {
    const { row, sight } = await this.seen(ctx, id);
    mustRun(sight, row);
    await this.repo.transaction(async (trx) => {
      const locked = (await this.repo.lockSession(trx, id))!;
      if (locked.status !== 'planned') throw sessionClosedError(locked.status);
      if ((await this.repo.personTimeCount(id, trx)) > 0) throw conflict('SESSION_HAS_ATTENDANCE', '已有学员签到的培训不能取消，请先撤销签到 Trainees were counted present: withdraw them first');
      const now = this.clock.now().toISOString();
      await trx.updateTable('training_sessions').set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason.trim(), updated_at: now }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'training.session-cancelled', entityType: 'training_session', entityId: id, details: { reason: reason.trim() } }, this.clock.now());
    });
    return this.get(ctx, id);
  }

  /** Closes a session once it has begun: its list and attendance are locked from then on. */
  async close(ctx: RequestContext, id: string): Promise<Session> {
    const { row, sight } = await this.seen(ctx, id);
    mustRun(sight, row);
    if (new Date(row.starts_at) > this.clock.now()) throw conflict('SESSION_NOT_STARTED', '培训尚未开始，不能结束 The session has not begun');
    await this.repo.transaction(async (trx) => {
      const locked = (await this.repo.lockSession(trx, id))!;
      if (locked.status !== 'planned') throw sessionClosedError(locked.status);
      const now = this.clock.now().toISOString();
      await trx.updateTable('training_sessions').set({ status: 'closed', closed_at: now, updated_at: now }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'training.session-closed', entityType: 'training_session', entityId: id, details: { present: await this.repo.personTimeCount(id, trx) } }, this.clock.now());
    });
    return this.get(ctx, id);
  }

  /**
   * Puts a trainee on a session's list, once (a second time answers the first enrolment). The place is taken
   * with a conditional update, so parallel enrolments never pass the capacity (the row is also locked on
   * PostgreSQL). `capacity: false` for someone already in the room (a QR check-in of a walk-in).
   */
  async enrolIn(trx: Kysely<TrainingDatabase>, sessionId: string, traineeId: string, source: EnrolmentSource, by: string, opts: { capacity?: boolean } = {}): Promise<{ enrolment: EnrolmentRow; created: boolean }> {
    const session = await this.repo.lockSession(trx, sessionId);
    if (!session) throw notFound('Session');
    if (session.status !== 'planned') throw sessionClosedError(session.status);
    const existing = await this.repo.enrolment(sessionId, traineeId, trx);
    if (existing) return { enrolment: existing, created: false };
    if (opts.capacity !== false && session.enrolled >= session.capacity) throw sessionFull(session.capacity);
    const enrolment: EnrolmentRow = { id: newId('tenr', this.clock.now().getTime()), session_id: sessionId, trainee_id: traineeId, source, enrolled_by: by, created_at: this.clock.now().toISOString() };
    const inserted = await trx.insertInto('training_enrolments').values(enrolment).onConflict((oc) => oc.columns(['session_id', 'trainee_id']).doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { enrolment: (await this.repo.enrolment(sessionId, traineeId, trx))!, created: false };
    let q = trx.updateTable('training_sessions').set((eb) => ({ enrolled: eb('enrolled', '+', 1) })).where('id', '=', sessionId);
    if (opts.capacity !== false) q = q.where((eb) => eb('enrolled', '<', eb.ref('capacity')));
    const taken = await q.executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw sessionFull(session.capacity);
    return { enrolment, created: true };
  }

  /** An operator enrols a trainee (known, or by details: found by ID number, else recorded). */
  async enrolByOperator(ctx: RequestContext, sessionId: string, body: { traineeId?: string; trainee?: TraineeInput }) {
    const principal = requireRole(ctx, ...ENROLLERS);
    const { row: session, sight } = await this.seen(ctx, sessionId);
    if (session.status !== 'planned') throw sessionClosedError(session.status);
    if (!!body.traineeId === !!body.trainee) throw invalidField('body.traineeId', '请给出 traineeId 或 trainee 之一 give traineeId or trainee, one of them');
    let checked = body.trainee ? await this.trainees.check(body.trainee, 'body.trainee.') : null;
    if (checked && sight.kind === 'village') {
      if (checked.villageCode && checked.villageCode !== sight.code) throw invalidField('body.trainee.villageCode', '只能为本村村民报名 only villagers of your village');
      checked = { ...checked, townshipCode: sight.townshipCode, villageCode: sight.code };
    }
    const known = body.traineeId ? await this.repo.trainee(body.traineeId) : null;
    if (body.traineeId && !known) throw invalidField('body.traineeId', '没有这位学员 is not a trainee');
    const mayEnrol = (t: Pick<TraineeRow, 'township_code' | 'village_code'> | null, place: { townshipCode: string | null; villageCode: string | null }) => {
      if (sight.kind === 'all') return sight.writes;
      if (sight.kind === 'trainer') return runsSession(sight, session);
      if (sight.kind === 'township') return session.township_code === sight.code || (t ? t.township_code : place.townshipCode) === sight.code;
      return (t ? t.village_code : place.villageCode) === sight.code;
    };
    if (!mayEnrol(known ?? null, { townshipCode: checked?.townshipCode ?? null, villageCode: checked?.villageCode ?? null })) throw forbidden('不能为这位学员在这场培训报名 You may not enrol this trainee in this session');
    return this.repo.transaction(async (trx) => {
      const trainee = known ?? (await this.trainees.upsert(trx, checked!, principal.userId)).row;
      if (!known && sight.kind === 'village' && trainee.village_code !== sight.code) throw forbidden('这位学员登记在其他村 This trainee is recorded in another village');
      const { enrolment, created } = await this.enrolIn(trx, sessionId, trainee.id, 'operator', principal.userId);
      return { id: enrolment.id, sessionId, traineeId: trainee.id, source: enrolment.source, createdAt: enrolment.created_at, created };
    });
  }

  /** A signed-in trainee enrols themself in an open session (409 TRAINEE_PROFILE_NEEDED without a record). */
  async enrolSelf(ctx: RequestContext, sessionId: string) {
    const principal = learner(ctx);
    const me = await this.repo.traineeOfUser(principal.userId);
    if (!me) throw conflict('TRAINEE_PROFILE_NEEDED', '请先填写学员信息 Fill in your trainee details first');
    const session = await this.repo.session(sessionId);
    if (!session) throw notFound('Session');
    if (session.status !== 'planned') throw sessionClosedError(session.status);
    if (new Date(session.ends_at) <= this.clock.now()) throw conflict('SESSION_CLOSED', '培训已结束 The session has ended');
    return this.repo.transaction(async (trx) => {
      const { enrolment, created } = await this.enrolIn(trx, sessionId, me.id, 'self', principal.userId);
      return { id: enrolment.id, sessionId, traineeId: me.id, source: enrolment.source, createdAt: enrolment.created_at, created };
    });
  }

  /** A session's list with who was present; a village operator sees its own villagers only. */
  async roster(ctx: RequestContext, sessionId: string, filter: { present?: boolean }, limit: number, cursor?: string) {
    const { row: session, sight } = await this.seen(ctx, sessionId);
    const rows = await this.repo.roster(sessionId, { ...filter, village: sight.kind === 'village' ? sight.code : undefined }, decodeCursor(cursor), limit + 1);
    const page = toPage(rows, limit, (r) => r.enrolment.id);
    const names = await this.trainees.names();
    const day = shanghaiDate(new Date(session.starts_at));
    return {
      items: page.items.map((r) => ({
        enrolmentId: r.enrolment.id,
        source: r.enrolment.source,
        enrolledAt: r.enrolment.created_at,
        present: !!r.personTime,
        personTimeId: r.personTime?.id ?? null,
        countedAt: r.personTime?.counted_at ?? null,
        method: r.personTime?.method ?? null,
        trainee: this.trainees.view(ctx, r.trainee, names, day),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** A trainee (masked) with the sessions of its history the caller sees, and its person-times there and online. */
  async traineeDetail(ctx: RequestContext, id: string) {
    const trainee = await this.trainees.get(ctx, id);
    const sight = await this.sight(ctx);
    const names = await this.trainees.names();
    const [sessions, times] = await Promise.all([this.repo.sessionsOfTrainee(id), this.repo.personTimesOfTrainee(id)]);
    const seen = sessions.filter((s) => seesSession(sight, s));
    const titles = new Map(seen.map((s) => [s.id, s.title]));
    const presentAt = new Set(times.map((t) => t.session_id));
    const courseTitles = new Map<string, string>();
    for (const t of times) if (!t.session_id && t.course_id && !courseTitles.has(t.course_id)) courseTitles.set(t.course_id, (await this.repo.course(t.course_id))?.title ?? '');
    return {
      ...trainee,
      enrolments: seen.map((s) => ({ sessionId: s.id, title: s.title, startsAt: s.starts_at, townshipName: names.get(s.township_code) ?? '', organiserName: s.organiser_name, status: s.status, present: presentAt.has(s.id) })),
      personTimes: times
        .filter((t) => !t.session_id || titles.has(t.session_id))
        .map((t) => ({ id: t.id, traineeId: t.trainee_id, sessionId: t.session_id, courseId: t.course_id, mode: t.mode, method: t.method, track: t.track, level: t.level, countedAt: t.counted_at, title: (t.session_id ? titles.get(t.session_id) : courseTitles.get(t.course_id ?? '')) ?? '' })),
    };
  }

  /** The caller's own record (whole), the sessions it is enrolled in, and its person-times. */
  async me(ctx: RequestContext) {
    const me = await this.trainees.own(ctx);
    if (!me) return { trainee: null, enrolments: [], personTimes: [] };
    const names = await this.trainees.names();
    const [sessions, times] = await Promise.all([this.repo.sessionsOfTrainee(me.id), this.repo.personTimesOfTrainee(me.id)]);
    const presentAt = new Set(times.map((t) => t.session_id));
    const titles = new Map(sessions.map((s) => [s.id, s.title]));
    const courseTitles = new Map<string, string>();
    for (const t of times) if (!t.session_id && t.course_id && !courseTitles.has(t.course_id)) courseTitles.set(t.course_id, (await this.repo.course(t.course_id))?.title ?? '');
    return {
      trainee: this.trainees.view(ctx, me, names),
      enrolments: await Promise.all(sessions.map(async (s) => ({ session: await this.view(s, names), present: presentAt.has(s.id) }))),
      personTimes: times.map((t) => ({ id: t.id, traineeId: t.trainee_id, sessionId: t.session_id, courseId: t.course_id, mode: t.mode, method: t.method, track: t.track, level: t.level, countedAt: t.counted_at, title: (t.session_id ? titles.get(t.session_id) : t.course_id ? courseTitles.get(t.course_id) : '') ?? '' })),
    };
  }
}
