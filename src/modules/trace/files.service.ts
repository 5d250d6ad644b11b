import type { FileStore } from '../../kernel/files.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { mayRead } from './access.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { checkImage } from '../../kernel/images.js';
import type { TraceBase } from './trace-base.js';
import type { RecordDetails } from './trace.schema.js';
import type { TraceFileRow } from './trace.tables.js';

const TYPES: Record<string, string> = { '%PDF': 'application/pdf', '\xff\xd8\xff': 'image/jpeg', '\x89PNG': 'image/png' };
const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** Lab reports attached to farm records: PDF, JPEG or PNG, recognised by their first bytes. */
export class TraceFileService {
  constructor(
    private readonly base: TraceBase,
    private readonly files: FileStore,
  ) {}

  async upload(ctx: RequestContext, bytes: Buffer): Promise<{ fileId: string }> {
    const principal = requireRole(ctx, 'county_admin', 'merchant', 'village_operator', 'township_operator');
    const head = bytes.subarray(0, 4).toString('latin1');
    const type = Object.entries(TYPES).find(([magic]) => head.startsWith(magic))?.[1];
    if (!type) throw invalidField('body.file', 'must be a PDF, JPEG or PNG file');
    // Kept as sent (it is evidence), but an image must be one that can be opened: within the pixel limits, whole.
    if (type !== 'application/pdf') await checkImage(bytes, 'body.file', [type === 'image/png' ? 'png' : 'jpeg']);
    const id = newId('fil');
    const key = `trace/${id.toLowerCase()}.${EXTENSION[type]}`;
    await this.files.put(key, bytes);
    await this.base.db.insertInto('trace_files').values({ id, key, content_type: type, size: bytes.length, uploaded_by: principal.userId, created_at: this.base.now() }).execute();
    return { fileId: id };
  }

  /**
   * A report is read like the records that cite it (404 otherwise, as for no file, so ids cannot be probed): by the
   * county office and regulators, by its uploader, and by whoever may read a record citing it.
   */
  async get(ctx: RequestContext, id: string): Promise<{ type: string; body: Buffer }> {
    const row = await readableFile(this.base, ctx, id);
    const body = row ? await this.files.get(row.key) : null;
    if (!row || !body) throw notFound('File');
    return { type: row.content_type, body };
  }
}

/**
 * The file's row when the caller may read it — and so cite it on a record of theirs — else undefined: the county
 * office and regulators read every report, an uploader its own, anyone else a report cited by a record they may read.
 */
export async function readableFile(base: TraceBase, ctx: RequestContext, id: string): Promise<TraceFileRow | undefined> {
  if (!hasRole(ctx, 'county_admin', 'regulator', 'merchant', 'village_operator', 'township_operator')) return undefined;
  const row = await base.db.selectFrom('trace_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const viewer = await base.viewer(ctx);
  if (viewer.readsAll || row.uploaded_by === viewer.userId) return row;
  for (const producerId of await citingProducers(base, row.id)) {
    const producer = await base.producer(producerId);
    if (producer && mayRead(viewer, producer)) return row;
  }
  return undefined;
}

/** Producers with a lab-test record citing the file (details are JSON text: matched, then checked parsed). */
async function citingProducers(base: TraceBase, fileId: string): Promise<Set<string>> {
  const rows = await base.db
    .selectFrom('trace_records')
    .innerJoin('trace_plots', 'trace_plots.id', 'trace_records.plot_id')
    .select(['trace_records.details', 'trace_plots.producer_id'])
    .where('trace_records.kind', '=', 'lab_test')
    .where('trace_records.details', 'like', `%${fileId}%`)
    .execute();
  const cites = (details: string) => (JSON.parse(details) as RecordDetails).labTest?.reportFileId === fileId;
  return new Set(rows.filter((r) => cites(r.details)).map((r) => r.producer_id));
}
