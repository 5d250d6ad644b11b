import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { AppError, conflict, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ATTENDANCE, learner, mustRun } from './access.js';
import { checkinOpen, checkinToken, CHECKIN_MARGIN_MS, TOKEN_WINDOW_MS, tokenAccepted, windowOf } from './checkin-token.js';
import type { PersonTimes } from './person-times.js';
import { sessionClosedError, type SessionsService } from './sessions.service.js';
import type { TrainingRepository } from './training.repository.js';
import type { PersonTimeRow, TrainingDatabase } from './training.tables.js';

/** Wrong codes an account may send in 10 minutes before it must wait (kept in the database, shared by processes). */
export const MISS_LIMIT = 10;
export const MISS_WINDOW_MS = 10 * 60_000;
/** How long a code scanned before the trainee record existed is honoured. */
export const PENDING_MS = 10 * 60_000;
/** How long such a remembered scan is kept before hourly housekeeping drops it (long after it stopped counting). */
export const PENDING_KEEP_MS = 24 * 3600_000;

/** Drops remembered scans older than a day (the hourly `training.learning-housekeeping`); returns how many went. */
export async function purgePendingScans(db: Kysely<TrainingDatabase>, clock: Clock): Promise<number> {
  const before = new Date(clock.now().getTime() - PENDING_KEEP_MS).toISOString();
  const result = await db.deleteFrom('training_checkin_pending').where('scanned_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const personTimeView = (p: PersonTimeRow) => ({ id: p.id, traineeId: p.trainee_id, sessionId: p.session_id, courseId: p.course_id, mode: p.mode, method: p.method, track: p.track, level: p.level, countedAt: p.counted_at });

/** Attendance: the rotating QR code, a trainee's scan, a trainer's tick and untick. Each goes through PersonTimes. */
export class CheckinService {
  constructor(
    private readonly repo: TrainingRepository,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly personTimes: PersonTimes,
    /** COUNTYHUB_PUBLIC_URL without its trailing slash, or '' when not set. */
    private readonly publicUrl: string,
  ) {}

  /**
   * The code the trainer shows: rotates every 30 s; the page asks again at expiresAt. Its `url` is absolute, since a
   * phone camera opens only absolute addresses: the public URL when set, else `origin`, the address the request came
   * to (as the certificates' verify address does). Only a caller without a request (the demo loader, which uses
   * just the token) leaves `origin` out.
   */
  async code(ctx: RequestContext, sessionId: string, origin = '') {
    requireRole(ctx, ...ATTENDANCE);
    const { row, sight } = await this.sessions.seen(ctx, sessionId);
    mustRun(sight, row);
    if (row.status !== 'planned') throw sessionClosedError(row.status);
    const now = this.clock.now();
    const window = windowOf(now);
    const token = checkinToken(row.checkin_secret, row.id, window);
    return {
      url: `${this.publicUrl || origin.replace(/\/+$/, '')}/learn/checkin/${row.id}?t=${token}`,
      token,
      expiresAt: new Date((window + 1) * TOKEN_WINDOW_MS).toISOString(),
      validFrom: new Date(new Date(row.starts_at).getTime() - CHECKIN_MARGIN_MS).toISOString(),
      validTo: new Date(new Date(row.ends_at).getTime() + CHECKIN_MARGIN_MS).toISOString(),
    };
  }

  /**
   * A trainee scans the code: counted once per session (a second scan answers the first). Wrong or old codes are
   * one answer (409 CHECKIN_CODE_EXPIRED) and are counted per account: the 11th in 10 minutes waits (429).
   */
  async checkin(ctx: RequestContext, input: { sessionId: string; token: string }) {
    const principal = learner(ctx);
    const now = this.clock.now();
    const since = new Date(now.getTime() - MISS_WINDOW_MS).toISOString();
    const misses = await this.repo.misses(principal.userId, since);
    if (misses.count >= MISS_LIMIT) {
      const wait = Math.max(1, Math.ceil((new Date(misses.oldest!).getTime() + MISS_WINDOW_MS - now.getTime()) / 1000));
      throw new AppError(429, 'CHECKIN_TOO_MANY_ATTEMPTS', `签到码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试 Too many wrong codes`, { retryAfterSeconds: wait });
    }
    const session = await this.repo.session(input.sessionId);
    if (!session) throw notFound('Session');
    if (session.status !== 'planned' || !checkinOpen(session.starts_at, session.ends_at, now)) throw conflict('CHECKIN_CLOSED', '不在签到时间内（开课前 30 分钟至结束后 30 分钟） Check-in is not open now');
    const tokenHash = createHash('sha256').update(input.token).digest('hex');
    if (!tokenAccepted(session.checkin_secret, session.id, input.token, now)) {
      // The code this account scanned before it had a trainee record still counts for 10 minutes.
      const pending = await this.repo.pendingScan(principal.userId, session.id);
      const resumed = !!pending && pending.token_hash === tokenHash && now.getTime() - new Date(pending.scanned_at).getTime() <= PENDING_MS;
      if (!resumed) {
        await this.repo.recordMiss(newId('tmis', now.getTime()), principal.userId, now.toISOString(), since);
        throw conflict('CHECKIN_CODE_EXPIRED', '签到码已过期，请重新扫描老师展示的二维码 The code has expired: scan the code shown again');
      }
    }
    const me = await this.repo.traineeOfUser(principal.userId);
    if (!me) {
      await this.repo.rememberScan(principal.userId, session.id, tokenHash, now.toISOString());
      throw conflict('TRAINEE_PROFILE_NEEDED', '请先填写学员信息，填好后即可签到 Fill in your trainee details first; the same code then checks you in (10 minutes)');
    }
    // The place's name comes from the network (a port) and is read before the transaction: inside it, a cold cache's
    // read would wait on SQLite's one connection, which the transaction holds, and never come back.
    const { placeName } = await this.sessions.view(session);
    return this.repo.transaction(async (trx) => {
      await trx.deleteFrom('training_checkin_pending').where('user_id', '=', principal.userId).where('session_id', '=', session.id).execute();
      await this.sessions.enrolIn(trx, session.id, me.id, 'checkin', principal.userId, { capacity: false });
      const counted = await this.personTimes.count(trx, { mode: 'onsite', traineeId: me.id, sessionId: session.id, method: 'qr', countedAt: now.toISOString(), countedBy: principal.userId });
      const row = counted ?? (await this.repo.personTimeOf(session.id, me.id, trx))!;
      return { counted: !!counted, personTime: personTimeView(row), sessionTitle: session.title, placeName };
    });
  }

  /**
   * A trainer ticks a trainee present (enrolling them if they were not on the list). Counted at the tick, or at
   * the session's start when it is ticked after the session ended (a session recorded afterwards counts in its month).
   */
  async tick(ctx: RequestContext, sessionId: string, traineeId: string) {
    const principal = requireRole(ctx, ...ATTENDANCE);
    const { row, sight } = await this.sessions.seen(ctx, sessionId);
    mustRun(sight, row);
    if (row.status !== 'planned') throw sessionClosedError(row.status);
    const now = this.clock.now();
    if (now.getTime() < new Date(row.starts_at).getTime() - CHECKIN_MARGIN_MS) throw conflict('CHECKIN_CLOSED', '培训尚未开始，不能点名 The session has not begun');
    if (!(await this.repo.trainee(traineeId))) throw notFound('Trainee');
    const countedAt = now > new Date(row.ends_at) ? row.starts_at : now.toISOString();
    return this.repo.transaction(async (trx) => {
      await this.sessions.enrolIn(trx, sessionId, traineeId, 'operator', principal.userId, { capacity: false });
      const counted = await this.personTimes.count(trx, { mode: 'onsite', traineeId, sessionId, method: 'tick', countedAt, countedBy: principal.userId });
      const pt = counted ?? (await this.repo.personTimeOf(sessionId, traineeId, trx))!;
      return { counted: !!counted, personTime: personTimeView(pt) };
    });
  }

  /** Takes a mistaken tick (or scan) back, with a reason, while the session is open. */
  async untick(ctx: RequestContext, sessionId: string, traineeId: string, reason: string) {
    const principal = requireRole(ctx, ...ATTENDANCE);
    const { row, sight } = await this.sessions.seen(ctx, sessionId);
    mustRun(sight, row);
    if (row.status !== 'planned') throw sessionClosedError(row.status);
    return this.repo.transaction(async (trx) => {
      const pt = await this.repo.personTimeOf(sessionId, traineeId, trx);
      if (!pt) throw notFound('Attendance');
      const gone = await this.personTimes.withdraw(trx, pt.id, reason.trim(), principal.userId);
      await recordAudit(trx, ctx, { action: 'training.attendance-withdrawn', entityType: 'training_session', entityId: sessionId, details: { traineeId, personTimeId: pt.id, reason: reason.trim() } }, this.clock.now());
      return { withdrawn: true, personTime: personTimeView(gone) };
    });
  }
}
