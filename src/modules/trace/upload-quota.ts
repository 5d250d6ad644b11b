import type { Kysely } from 'kysely';
import { AppError } from '../../kernel/errors.js';

export interface UploadQuotaRow {
  user_id: string;
  window_start: string;
  files: number;
  bytes: number;
}

export interface FileRemovalRow {
  file_id: string;
  key: string;
}

export interface UploadQuotaTables {
  trace_upload_quota: UploadQuotaRow;
  trace_file_removals: FileRemovalRow;
}

export interface UploadQuota {
  files: number;
  bytes: number;
}

const DAY_SECONDS = 86_400;
const MB = 1024 * 1024;
/** A merchant or service point sends a few reports a week; the county office files for many producers. */
export const QUOTA: UploadQuota = { files: 30, bytes: 100 * MB };
export const COUNTY_QUOTA: UploadQuota = { files: 200, bytes: 1024 * MB };

type Db = Kysely<UploadQuotaTables>;

/**
 * Takes the uploader's row for the rest of the transaction (the upsert locks it in PostgreSQL; SQLite writes one at a
 * time), starting a new day when the last one has ended.
 */
async function takeRow(trx: Db, userId: string, now: Date) {
  const row = await trx
    .insertInto('trace_upload_quota')
    .values({ user_id: userId, window_start: now.toISOString(), files: 0, bytes: 0 })
    .onConflict((oc) => oc.column('user_id').doUpdateSet((eb) => ({ files: eb.ref('trace_upload_quota.files') })))
    .returning(['window_start', 'files', 'bytes'])
    .executeTakeFirstOrThrow();
  const ends = new Date(row.window_start).getTime() + DAY_SECONDS * 1000;
  const fresh = ends <= now.getTime();
  return { ends, fresh, files: fresh ? 0 : Number(row.files), bytes: fresh ? 0 : Number(row.bytes) };
}

const refuse = (ends: number, now: Date, quota: UploadQuota) =>
  new AppError(429, 'UPLOAD_QUOTA', `每个账号每天最多上传 ${quota.files} 份、${quota.bytes / MB} MB 检测报告，请明天再试 At most ${quota.files} lab reports and ${quota.bytes / MB} MB a day per account; try again later`, {
    retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)),
    maxFiles: quota.files,
    maxBytes: quota.bytes,
  });

/** One file of the day's quota, taken before the file is read (a refused or failed upload still used its place). */
export async function takeUploadPlace(db: Db, userId: string, quota: UploadQuota, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await takeRow(trx, userId, now);
    if (row.files >= quota.files || row.bytes >= quota.bytes) throw refuse(row.ends, now, quota);
    await trx
      .updateTable('trace_upload_quota')
      .set({ files: row.files + 1, bytes: row.bytes, ...(row.fresh && { window_start: now.toISOString() }) })
      .where('user_id', '=', userId)
      .execute();
  });
}

/** The file's bytes, counted once it has been read: refused with 429 when they would pass the day's total. */
export async function takeUploadBytes(db: Db, userId: string, size: number, quota: UploadQuota, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await takeRow(trx, userId, now);
    if (row.bytes + size > quota.bytes) throw refuse(row.ends, now, quota);
    await trx
      .updateTable('trace_upload_quota')
      .set({ bytes: row.bytes + size, files: row.fresh ? 1 : row.files, ...(row.fresh && { window_start: now.toISOString() }) })
      .where('user_id', '=', userId)
      .execute();
  });
}

/** Drops quota rows whose day has passed (a stale row is also reset when next used). */
export async function purgeUploadQuota(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('trace_upload_quota').where('window_start', '<', new Date(now.getTime() - DAY_SECONDS * 1000).toISOString()).execute();
}
