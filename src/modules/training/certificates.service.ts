import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { signedIn, type RequestContext } from '../../kernel/context.js';
import { AppError, forbidden, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { offloaded } from '../../kernel/offload.js';
import type { Sealer } from '../../kernel/sealed.js';
import { inSight, learningSight } from './learning.access.js';
import type { CertificateRow, CertificateStatus, CompletionMode, CompletionRow } from './learning.tables.js';
import type { TrainingPlaces } from './ports.js';
import { LEVEL_LABELS, TRACK_LABELS, type Level, type Track, type TrainingDatabase } from './training.tables.js';

// Rendering a PDF is CPU work: done in a worker thread (kernel/offload.ts), never on the request thread.
const pdfs = offloaded<typeof import('./certificates.pdf.js')>(new URL('./certificates.pdf.js', import.meta.url));

export interface CertificateView {
  id: string;
  number: string;
  traineeId: string;
  holderName: string;
  idNumberMasked: string;
  courseId: string;
  courseTitle: string;
  track: Track;
  trackName: string;
  level: Level | null;
  levelName: string | null;
  hoursTenths: number;
  organiserName: string | null;
  mode: CompletionMode;
  issuedOn: string;
  status: CertificateStatus;
  revokedAt: string | null;
  revokeReason: string | null;
  verifyUrl: string;
}

/** What the public verify page may say of a code. */
export type Verification =
  | { status: 'valid' | 'revoked'; holder: string; courseTitle: string; trackName: string; levelName: string | null; hoursTenths: number; issuedOn: string; number: string; organiserName: string | null; revokedAt: string | null }
  | { status: 'unknown' };

/** Verify codes: 128 random bits, base64url (22 characters). */
export const newVerifyCode = () => randomBytes(16).toString('base64url');
export const VERIFY_CODE = /^[A-Za-z0-9_-]{22}$/;

/** 张建华 → 张*华, 张华 → 张*, 欧阳建华 → 欧**华: the public page shows enough to recognise, not to collect. */
export function maskHolder(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Unknown codes one address may try in an hour on the verify page before it is refused (even valid codes) until the hour ends. */
export const VERIFY_MISSES_PER_HOUR = 10;
const HOUR_MS = 3600_000;

export const verifyUrl = (publicUrl: string, code: string) => `${publicUrl.replace(/\/+$/, '')}/c/${code}`;

/**
 * Training certificates: issued with a completion (same transaction), revoked when the completion loses its only
 * basis, listed for their holder and for staff in sight, printed as an A4 landscape PDF with a QR code to the
 * public verify page (`/c/<code>`), and verified there.
 */
export class CertificateService {
  /** The county's division code once known (the first six digits of any township's code); used when a trainee has no township. */
  private countyCode: string | null = null;

  constructor(
    private readonly db: Kysely<TrainingDatabase>,
    private readonly places: TrainingPlaces,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly publicUrl: string | undefined,
  ) {}

  /** Learns the county code from the place book, outside any transaction (a port call inside one could wait on the database). */
  async warm(): Promise<void> {
    if (this.countyCode) return;
    const book = await this.places.placeBook().catch(() => null);
    const code = book?.townships[0]?.code ?? book?.villages[0]?.code;
    if (code) this.countyCode = code.slice(0, 6);
  }

  /**
   * Issues the certificate of a completion, in the caller's transaction: the number `PX<county>-<year>-<serial>`
   * (a serial per county and year, taken from a locked counter row), a fresh verify code, and what it states
   * (holder, masked ID number, course, track, level, hours, organiser) fixed at issue.
   */
  async issue(trx: Kysely<TrainingDatabase>, completion: CompletionRow): Promise<CertificateRow> {
    const trainee = await trx.selectFrom('training_trainees').select(['id', 'name', 'id_number_masked', 'township_code', 'village_code']).where('id', '=', completion.trainee_id).executeTakeFirstOrThrow();
    const course = await trx.selectFrom('training_courses').selectAll().where('id', '=', completion.course_id).executeTakeFirstOrThrow();
    const session = completion.session_id ? await trx.selectFrom('training_sessions').select(['organiser_id', 'township_code']).where('id', '=', completion.session_id).executeTakeFirst() : undefined;
    const organiserId = session?.organiser_id ?? course.organiser_id;
    const organiser = organiserId ? await trx.selectFrom('training_organisers').select('name').where('id', '=', organiserId).executeTakeFirst() : undefined;
    const now = this.clock.now();
    const issuedOn = shanghaiDate(now);
    const county = (trainee.township_code ?? session?.township_code ?? this.countyCode ?? '000000').slice(0, 6);
    const key = `${county}-${issuedOn.slice(0, 4)}`;
    const serial = await trx
      .insertInto('training_certificate_serials')
      .values({ key, last: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ last: eb('training_certificate_serials.last', '+', 1) })))
      .returning('last')
      .executeTakeFirstOrThrow();
    const row: CertificateRow = {
      id: newId('cert', now.getTime()),
      completion_id: completion.id,
      trainee_id: trainee.id,
      course_id: course.id,
      number: `PX${county}-${issuedOn.slice(0, 4)}-${String(serial.last).padStart(6, '0')}`,
      verify_code: newVerifyCode(),
      holder_name: trainee.name,
      id_number_masked: trainee.id_number_masked,
      course_title: course.title,
      track: course.track,
      level: course.level,
      hours_tenths: Number(course.hours_tenths),
      organiser_name: organiser?.name ?? null,
      mode: completion.mode,
      issued_on: issuedOn,
      issued_at: now.toISOString(),
      status: 'valid',
      revoked_at: null,
      revoke_reason: null,
      township_code: trainee.township_code,
      village_code: trainee.village_code,
      organiser_id: organiserId,
    };
    await trx.insertInto('training_certificates').values(row).execute();
    return row;
  }

  /** Revokes the valid certificates of a completion (in the caller's transaction). */
  async revokeOf(trx: Kysely<TrainingDatabase>, completionId: string, at: string, reason: string): Promise<void> {
    await trx.updateTable('training_certificates').set({ status: 'revoked', revoked_at: at, revoke_reason: reason }).where('completion_id', '=', completionId).where('status', '=', 'valid').execute();
  }

  private view(row: CertificateRow, origin: string): CertificateView {
    const track = row.track as Track;
    const level = row.level as Level | null;
    return {
      id: row.id,
      number: row.number,
      traineeId: row.trainee_id,
      holderName: row.holder_name,
      idNumberMasked: row.id_number_masked,
      courseId: row.course_id,
      courseTitle: row.course_title,
      track,
      trackName: TRACK_LABELS[track] ?? track,
      level,
      levelName: level ? (LEVEL_LABELS[level] ?? level) : null,
      hoursTenths: Number(row.hours_tenths),
      organiserName: row.organiser_name,
      mode: row.mode,
      issuedOn: row.issued_on,
      status: row.status,
      revokedAt: row.revoked_at,
      revokeReason: row.revoke_reason,
      verifyUrl: verifyUrl(this.publicUrl ?? origin, row.verify_code),
    };
  }

  /**
   * `mine`: the caller's own certificates (by its trainee record). `managed`: staff in sight (county admins and
   * regulators all; a township operator its township's holders; a village operator its village's; a trainer its
   * organisers'), optionally of one trainee or one course. Newest first.
   */
  async list(ctx: RequestContext, filter: { scope?: 'mine' | 'managed'; traineeId?: string; courseId?: string }, limit: number, cursor: string | undefined, origin: string): Promise<PageResult<CertificateView>> {
    const p = signedIn(ctx);
    const after = decodeCursor(cursor);
    let q = this.db.selectFrom('training_certificates').selectAll();
    if ((filter.scope ?? 'mine') === 'mine') {
      const trainee = await this.db.selectFrom('training_trainees').select('id').where('user_id', '=', p.userId).executeTakeFirst();
      if (!trainee) return { items: [], nextCursor: null };
      q = q.where('trainee_id', '=', trainee.id);
    } else {
      const sight = await learningSight(this.db, this.places, p);
      if (sight.kind === 'none') throw forbidden('只有培训相关工作人员可以查看学员的证书 Only training staff read trainees’ certificates');
      if (sight.kind === 'township') q = q.where('township_code', '=', sight.code);
      if (sight.kind === 'village') q = sight.code ? q.where('village_code', '=', sight.code) : q.where('id', '=', '');
      if (sight.kind === 'organisers') {
        const { ids, userId } = sight;
        q = q.where((eb) => eb.or([...(ids.length ? [eb('organiser_id', 'in', ids)] : []), eb('completion_id', 'in', this.taughtBy(userId))]));
      }
    }
    if (filter.traineeId) q = q.where('trainee_id', '=', filter.traineeId);
    if (filter.courseId) q = q.where('course_id', '=', filter.courseId);
    if (after !== undefined) q = q.where('id', '<', after);
    const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map((r) => this.view(r, origin)), nextCursor: page.nextCursor };
  }

  /** One certificate for its holder or staff in sight (out of sight is 404, as for none). */
  async get(ctx: RequestContext, id: string, origin: string): Promise<CertificateView> {
    return this.view(await this.readable(ctx, id), origin);
  }

  private async readable(ctx: RequestContext, id: string): Promise<CertificateRow> {
    const p = signedIn(ctx);
    const row = await this.db.selectFrom('training_certificates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Certificate');
    const own = await this.db.selectFrom('training_trainees').select('id').where('id', '=', row.trainee_id).where('user_id', '=', p.userId).executeTakeFirst();
    if (own) return row;
    const sight = await learningSight(this.db, this.places, p);
    const taught = sight.kind === 'organisers' && !!(await this.db.selectFrom('training_completions').select('id').where('id', '=', row.completion_id).where('id', 'in', this.taughtBy(p.userId)).executeTakeFirst());
    if (!inSight(sight, { ...row, taught })) throw notFound('Certificate');
    return row;
  }

  /** Completions resting on a session the user was the trainer of. */
  private taughtBy(userId: string) {
    return this.db.selectFrom('training_completions as c').innerJoin('training_sessions as s', 's.id', 'c.session_id').select('c.id').where('s.trainer_user_id', '=', userId);
  }

  /** The certificate as an A4 landscape PDF (rendered in a worker thread); a revoked one is 409 CERTIFICATE_REVOKED. */
  async pdf(ctx: RequestContext, id: string, origin: string): Promise<{ fileName: string; body: Buffer }> {
    const row = await this.readable(ctx, id);
    if (row.status === 'revoked') throw new AppError(409, 'CERTIFICATE_REVOKED', '该证书已撤销 The certificate was revoked', { revokedAt: row.revoked_at });
    const v = this.view(row, origin);
    const body = await pdfs('certificatePdf', {
      holder: v.holderName,
      idNumberMasked: v.idNumberMasked,
      courseTitle: v.courseTitle,
      trackName: v.trackName,
      levelName: v.levelName,
      hours: v.hoursTenths / 10,
      online: v.mode === 'online',
      issuedOn: v.issuedOn,
      organiser: v.organiserName,
      number: v.number,
      url: v.verifyUrl,
    });
    return { fileName: `certificate-${row.number}.pdf`, body };
  }

  /**
   * The verify page's lookup. Unknown codes are counted per address (a keyed fingerprint of it, never the address,
   * in `training_verify_counters`, one row locked by an upsert so every process counts the same): after
   * `VERIFY_MISSES_PER_HOUR` in an hour the address is refused, whatever the code, until the hour ends (429 with
   * `retryAfterSeconds`), so a code cannot be found by trying; one that was never issued answers `unknown`.
   */
  async verify(code: string, ip: string): Promise<Verification> {
    const now = this.clock.now();
    const key = `ip:${this.sealer.fingerprint(ip).slice(0, 32)}`;
    const counter = await this.db.selectFrom('training_verify_counters').selectAll().where('key', '=', key).executeTakeFirst();
    const locked = counter && Date.parse(counter.window_start) + HOUR_MS > now.getTime() && Number(counter.misses) >= VERIFY_MISSES_PER_HOUR;
    if (locked) throw tooMany(Date.parse(counter.window_start) + HOUR_MS - now.getTime());
    const row = VERIFY_CODE.test(code) ? await this.db.selectFrom('training_certificates').selectAll().where('verify_code', '=', code).executeTakeFirst() : undefined;
    if (!row) {
      await this.miss(key, now);
      return { status: 'unknown' };
    }
    return {
      status: row.status,
      holder: maskHolder(row.holder_name),
      courseTitle: row.course_title,
      trackName: TRACK_LABELS[row.track as Track] ?? row.track,
      levelName: row.level ? (LEVEL_LABELS[row.level as Level] ?? row.level) : null,
      hoursTenths: Number(row.hours_tenths),
      issuedOn: row.issued_on,
      number: row.number,
      organiserName: row.organiser_name,
      revokedAt: row.revoked_at,
    };
  }

  private async miss(key: string, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('training_verify_counters')
        .values({ key, window_start: now.toISOString(), misses: 0 })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ misses: eb.ref('training_verify_counters.misses') })))
        .returning(['window_start', 'misses'])
        .executeTakeFirstOrThrow();
      const fresh = Date.parse(row.window_start) + HOUR_MS <= now.getTime();
      await trx
        .updateTable('training_verify_counters')
        .set({ misses: (fresh ? 0 : Number(row.misses)) + 1, ...(fresh && { window_start: now.toISOString() }) })
        .where('key', '=', key)
        .execute();
    });
  }

  /** Drops verify counters whose hour has passed (hourly housekeeping; a stale row is also reset when next used). */
  async purgeCounters(): Promise<number> {
    const result = await this.db.deleteFrom('training_verify_counters').where('window_start', '<', new Date(this.clock.now().getTime() - HOUR_MS).toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

const tooMany = (ms: number) => {
  const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
  return new AppError(429, 'TOO_MANY_LOOKUPS', `查询太频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试 Too many lookups of unknown codes; try again later`, { retryAfterSeconds });
};
