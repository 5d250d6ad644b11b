import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { FileStore } from '../../kernel/files.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { mayRead } from './access.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { checkImage } from '../../kernel/images.js';
import type { TraceRepository } from './trace.repository.js';
import type { RecordDetails } from './trace.schema.js';
import type { TraceFileRow, TraceTables } from './trace.tables.js';
import { checkPdf } from './report-pdf.js';
import { COUNTY_QUOTA, QUOTA, purgeUploadQuota, takeUploadBytes, takeUploadPlace, type UploadQuotaTables } from './upload-quota.js';
import type { TraceAccess } from './trace-access.js';
import { isoNow, type Clock } from '../../kernel/clock.js';

/** Reports no record cites are kept a day (time to write the record), then removed by housekeeping. */
const UNCITED_KEPT_MS = 24 * 3600_000;
const PURGE_BATCH = 500;

/** A lab-test record whose details mention the file (a superset of those citing it: such a file is kept). */
const citing = (eb: ExpressionBuilder<TraceTables & UploadQuotaTables, 'trace_files'>) =>
  eb.selectFrom('trace_records').select('trace_records.id').where('trace_records.kind', '=', 'lab_test').where('trace_records.details', 'like', sql<string>`'%' || trace_files.id || '%'`);

const TYPES: Record<string, string> = { '%PDF': 'application/pdf', '\xff\xd8\xff': 'image/jpeg', '\x89PNG': 'image/png' };
const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** Lab reports attached to farm records: PDF, JPEG or PNG, recognised by their first bytes (a PDF by its frame too). */
export class TraceFileService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly clock: Clock,
    private readonly files: FileStore,
  ) {}

  /**
   * Who may upload is checked first, then a place in the uploader's daily quota is taken (429 `UPLOAD_QUOTA`), and
   * only then is the file read; its size counts against the day's bytes once known. The row is written before the
   * bytes, so every file on disk has a row and housekeeping can remove it if it is never cited.
   */
  async upload(ctx: RequestContext, read: () => Promise<Buffer>): Promise<{ fileId: string }> {
    const principal = requireRole(ctx, 'county_admin', 'merchant', 'village_operator', 'township_operator');
    const quota = hasRole(ctx, 'county_admin') ? COUNTY_QUOTA : QUOTA;
    await takeUploadPlace(this.repo.db as unknown as Kysely<UploadQuotaTables>, principal.userId, quota, this.clock.now());
    const bytes = await read();
    await takeUploadBytes(this.repo.db as unknown as Kysely<UploadQuotaTables>, principal.userId, bytes.length, quota, this.clock.now());
    const head = bytes.subarray(0, 4).toString('latin1');
    const type = Object.entries(TYPES).find(([magic]) => head.startsWith(magic))?.[1];
    if (!type) throw invalidField('body.file', 'must be a PDF, JPEG or PNG file');
    if (type === 'application/pdf') checkPdf(bytes, 'body.file');
    // Kept as sent (it is evidence), but an image must be one that can be opened: within the pixel limits, whole.
    else await checkImage(bytes, 'body.file', [type === 'image/png' ? 'png' : 'jpeg']);
    const id = newId('fil');
    const key = `trace/${id.toLowerCase()}.${EXTENSION[type]}`;
    await this.repo.db.insertInto('trace_files').values({ id, key, content_type: type, size: bytes.length, uploaded_by: principal.userId, created_at: isoNow(this.clock) }).execute();
    try {
      await this.files.put(key, bytes);
    } catch (err) {
      await this.repo.db.deleteFrom('trace_files').where('id', '=', id).execute().catch(() => undefined);
      throw err;
    }
    return { fileId: id };
  }

  /**
   * Housekeeping: removes reports no lab-test record cites once they are a day old, row and bytes. A report is first
   * moved to `trace_file_removals` (its row deleted in the same transaction, so it can no longer be read or cited),
   * then its bytes are deleted, then the removal row: a run cut short anywhere is finished by the next.
   */
  async purgeUncited(): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - UNCITED_KEPT_MS).toISOString();
    const stale = await this.quotaDb
      .selectFrom('trace_files')
      .select(['id', 'key'])
      .where('created_at', '<', cutoff)
      .where(({ not, exists }) => not(exists(citing)))
      .orderBy('created_at')
      .limit(PURGE_BATCH)
      .execute();
    for (const file of stale) {
      await this.quotaDb.transaction().execute(async (trx) => {
        // Checked again in the deleting statement: a record may have cited it since the list was read.
        const gone = await trx.deleteFrom('trace_files').where('id', '=', file.id).where(({ not, exists }) => not(exists(citing))).executeTakeFirst();
        if (Number(gone.numDeletedRows) === 1) await trx.insertInto('trace_file_removals').values({ file_id: file.id, key: file.key }).onConflict((oc) => oc.column('file_id').doNothing()).execute();
      });
    }
    for (const removal of await this.quotaDb.selectFrom('trace_file_removals').selectAll().execute()) {
      await this.files.delete(removal.key);
      await this.quotaDb.deleteFrom('trace_file_removals').where('file_id', '=', removal.file_id).execute();
    }
    await purgeUploadQuota(this.repo.db as unknown as Kysely<UploadQuotaTables>, now);
  }

  private get quotaDb() {
    return this.repo.db as unknown as Kysely<TraceTables & UploadQuotaTables>;
  }

  /**
   * A report is read like the records that cite it (404 otherwise, as for no file, so ids cannot be probed): by the
   * county office and regulators, by its uploader, and by whoever may read a record citing it.
   */
  async get(ctx: RequestContext, id: string): Promise<{ type: string; body: Buffer }> {
    const row = await readableFile(this.repo, this.access, ctx, id);
    const body = row ? await this.files.get(row.key) : null;
    if (!row || !body) throw notFound('File');
    return { type: row.content_type, body };
  }
}

/**
 * The file's row when the caller may read it — and so cite it on a record of theirs — else undefined: the county
 * office and regulators read every report, an uploader its own, anyone else a report cited by a record they may read.
 */
export async function readableFile(repo: TraceRepository, access: TraceAccess, ctx: RequestContext, id: string): Promise<TraceFileRow | undefined> {
  if (!hasRole(ctx, 'county_admin', 'regulator', 'merchant', 'village_operator', 'township_operator')) return undefined;
  const row = await repo.db.selectFrom('trace_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const viewer = await access.viewer(ctx);
  if (viewer.readsAll || row.uploaded_by === viewer.userId) return row;
  for (const producerId of await citingProducers(repo, row.id)) {
    const producer = await repo.producer(producerId);
    if (producer && mayRead(viewer, producer)) return row;
  }
  return undefined;
}

/** Producers with a lab-test record citing the file (details are JSON text: matched, then checked parsed). */
async function citingProducers(repo: TraceRepository, fileId: string): Promise<Set<string>> {
  const rows = await repo.db
    .selectFrom('trace_records')
    .innerJoin('trace_plots', 'trace_plots.id', 'trace_records.plot_id')
    .select(['trace_records.details', 'trace_plots.producer_id'])
    .where('trace_records.kind', '=', 'lab_test')
    .where('trace_records.details', 'like', `%${fileId}%`)
    .execute();
  const cites = (details: string) => (JSON.parse(details) as RecordDetails).labTest?.reportFileId === fileId;
  return new Set(rows.filter((r) => cites(r.details)).map((r) => r.producer_id));
}
