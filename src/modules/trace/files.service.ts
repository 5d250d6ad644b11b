import type { FileStore } from '../../kernel/files.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { TraceBase } from './trace-base.js';

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
    const id = newId('fil');
    const key = `trace/${id.toLowerCase()}.${EXTENSION[type]}`;
    await this.files.put(key, bytes);
    await this.base.db.insertInto('trace_files').values({ id, key, content_type: type, size: bytes.length, uploaded_by: principal.userId, created_at: this.base.now() }).execute();
    return { fileId: id };
  }

  /** Reports are for those who work with the records: not for shoppers. */
  async get(ctx: RequestContext, id: string): Promise<{ type: string; body: Buffer }> {
    if (!hasRole(ctx, 'county_admin', 'regulator', 'merchant', 'village_operator', 'township_operator')) throw notFound('File');
    const row = await this.base.db.selectFrom('trace_files').selectAll().where('id', '=', id).executeTakeFirst();
    const body = row ? await this.files.get(row.key) : null;
    if (!row || !body) throw notFound('File');
    return { type: row.content_type, body };
  }
}
