import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { offloaded } from '../../kernel/offload.js';
import { recordAudit } from '../../kernel/audit.js';
import { organisersOf } from './learning.access.js';
import { demoHandouts } from './learning.demo.js';
import { DEFAULT_MIN_READ_SECONDS } from './learning.rules.js';
import type { MaterialKind, MaterialRow } from './learning.tables.js';
import type { MaterialChunks } from './materials.store.js';
import { mp4DurationSeconds, pdfEndsWell, sniffMaterial, SNIFF_BYTES } from './materials.sniff.js';
import type { TrainingDatabase } from './training.tables.js';

const handouts = offloaded<typeof import('./certificates.pdf.js')>(new URL('./certificates.pdf.js', import.meta.url));

/** Upload limits: a handout PDF up to 50 MB, a video up to 500 MB (the stream is cut there; nothing is kept). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 500 * 1024 * 1024;
/** A video longer than ten hours is a mistake in the length given. */
export const MAX_DURATION_SECONDS = 10 * 3600;

export interface MaterialMeta {
  title: string;
  position?: number;
  durationSeconds?: number;
  minReadSeconds?: number;
}

export interface MaterialView {
  id: string;
  courseId: string;
  kind: MaterialKind;
  contentType: string;
  title: string;
  position: number;
  sizeBytes: number;
  durationSeconds: number | null;
  minReadSeconds: number;
  createdAt: string;
}

export const materialView = (m: MaterialRow): MaterialView => ({
  id: m.id,
  courseId: m.course_id,
  kind: m.kind,
  contentType: m.content_type,
  title: m.title,
  position: Number(m.position),
  sizeBytes: Number(m.size_bytes),
  durationSeconds: m.duration_seconds === null ? null : Number(m.duration_seconds),
  minReadSeconds: Number(m.min_read_seconds),
  createdAt: m.created_at,
});

/** One answer to a content request: the whole file (200) or one byte range of it (206). */
export interface MaterialContent {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Readable;
}

/** Course materials: PDF handouts and videos, stored in pieces and served with HTTP Range. */
export class MaterialService {
  constructor(
    private readonly db: Kysely<TrainingDatabase>,
    private readonly chunks: MaterialChunks,
    private readonly clock: Clock,
  ) {}

  private async course(id: string) {
    const course = await this.db.selectFrom('training_courses').select(['id', 'organiser_id', 'title']).where('id', '=', id).executeTakeFirst();
    if (!course) throw notFound('Course');
    return course;
  }

  /** County admins manage every course's materials; a trainer those of courses its organisers run. */
  private async mayManage(ctx: RequestContext, organiserId: string | null): Promise<void> {
    const p = requireRole(ctx, 'county_admin', 'trainer');
    if (p.roles.includes('county_admin')) return;
    if (organiserId && (await organisersOf(this.db, p.userId)).includes(organiserId)) return;
    throw forbidden('只有县电商办或该课程承办单位的培训老师可以管理课件 Only the county office or a trainer of the course’s organiser manages its materials');
  }

  /** Checked before the file is read, so a refused upload is never read. */
  async checkUpload(ctx: RequestContext, courseId: string): Promise<void> {
    const course = await this.course(courseId);
    await this.mayManage(ctx, course.organiser_id);
  }

  /**
   * Stores an upload piece by piece as it arrives: the type is told from the first bytes (PDF, MP4, WebM; anything
   * else is 400 `UNSUPPORTED_MATERIAL` naming `body.file`), the size is cut at the type's limit (413), a PDF must end
   * with %%EOF, a video needs its length (given, or read from the MP4's movie header). The row is written first
   * (`uploading`), then the pieces, then the row is made `ready`; on any failure the pieces and the row go.
   */
  async upload(ctx: RequestContext, courseId: string, meta: MaterialMeta, file: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<MaterialView> {
    await this.checkUpload(ctx, courseId);
    if (!meta.title.trim()) throw invalidField('body.title', '请填写课件标题 give the material a title');
    const now = this.clock.now();
    const id = newId('mat', now.getTime());
    const chunkBytes = this.chunks.chunkBytes;
    let row: MaterialRow | null = null;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let stored = 0;
    let limit = MAX_VIDEO_BYTES;
    let tail = Buffer.alloc(0);
    const flush = async (all: boolean) => {
      let buffer = Buffer.concat(pending);
      while (buffer.length >= chunkBytes || (all && buffer.length > 0)) {
        await this.chunks.put(id, stored++, buffer.subarray(0, chunkBytes));
        buffer = buffer.subarray(Math.min(chunkBytes, buffer.length));
      }
      pending = buffer.length ? [buffer] : [];
      pendingBytes = buffer.length;
    };
    try {
      for await (const part of file) {
        size += part.length;
        pending.push(part);
        pendingBytes += part.length;
        if (!row && pendingBytes >= SNIFF_BYTES) row = await this.begin(ctx, id, courseId, meta, Buffer.concat(pending));
        if (row) limit = row.kind === 'document' ? MAX_DOCUMENT_BYTES : MAX_VIDEO_BYTES;
        if (size > limit) throw new AppError(413, 'FILE_TOO_LARGE', `body.file: 文件过大，文档不超过 ${MAX_DOCUMENT_BYTES >> 20} MB，视频不超过 ${MAX_VIDEO_BYTES >> 20} MB`, { field: 'body.file', limitBytes: limit });
        tail = Buffer.concat([tail, part]).subarray(-1024);
        if (row && pendingBytes >= chunkBytes) await flush(false);
      }
      if (size === 0) throw invalidField('body.file', '文件是空的 the file is empty');
      if (!row) row = await this.begin(ctx, id, courseId, meta, Buffer.concat(pending));
      await flush(true);
      if (row.kind === 'document' && !pdfEndsWell(tail)) throw invalidField('body.file', 'PDF 文件不完整（缺少 %%EOF）the PDF is cut short', 'NOT_A_PDF');
      let duration = meta.durationSeconds ?? null;
      if (row.kind === 'video' && duration === null && row.content_type === 'video/mp4') {
        duration = await mp4DurationSeconds((offset, length) => this.chunks.read(id, offset, Math.min(size, offset + length) - 1), size);
      }
      if (row.kind === 'video' && duration === null) throw invalidField('body.durationSeconds', '请填写视频时长（秒）：无法从文件读出 give the video’s length in seconds; it could not be read from the file');
      const done = { state: 'ready' as const, size_bytes: size, chunks: stored, duration_seconds: row.kind === 'video' ? duration : null, updated_at: this.clock.now().toISOString() };
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('training_materials').set(done).where('id', '=', id).execute();
        await recordAudit(trx, ctx, { action: 'training.material.uploaded', entityType: 'material', entityId: id, details: { courseId, title: row!.title, kind: row!.kind, sizeBytes: size } });
      });
      return materialView({ ...row, ...done });
    } catch (err) {
      await this.chunks.remove(id, stored + 1).catch(() => undefined);
      if (row) await this.db.deleteFrom('training_materials').where('id', '=', id).execute().catch(() => undefined);
      const e = err as { code?: string; statusCode?: number };
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', `body.file: 文件过大，视频不超过 ${MAX_VIDEO_BYTES >> 20} MB`, { field: 'body.file', limitBytes: MAX_VIDEO_BYTES });
      throw err;
    }
  }

  /**
   * A short Chinese handout made as a real PDF (pdfkit, in a worker thread) and stored as a course's document: the
   * demo's online courses get their materials this way, with nothing binary in the repository.
   */
  async uploadHandout(ctx: RequestContext, courseId: string, title: string, sections: { heading: string; text: string }[], minReadSeconds?: number): Promise<MaterialView> {
    const pdf = await handouts('handoutPdf', title, sections);
    return this.upload(ctx, courseId, { title, minReadSeconds }, [pdf]);
  }

  /** The demo's handouts of a course (`learning.demo.ts`), each made as a real PDF; none when the course already has materials. */
  async uploadDemoHandouts(ctx: RequestContext, courseId: string): Promise<MaterialView[]> {
    const course = await this.course(courseId);
    const has = await this.db.selectFrom('training_materials').select('id').where('course_id', '=', courseId).where('state', '!=', 'hidden').limit(1).executeTakeFirst();
    if (has) return [];
    const made: MaterialView[] = [];
    for (const h of demoHandouts(course.title)) made.push(await this.uploadHandout(ctx, courseId, h.title, h.sections, h.minReadSeconds));
    return made;
  }

  /** The row, written once the first bytes say what the file is. */
  private async begin(ctx: RequestContext, id: string, courseId: string, meta: MaterialMeta, head: Buffer): Promise<MaterialRow> {
    const sniffed = sniffMaterial(head);
    if (!sniffed) throw invalidField('body.file', '只能上传 PDF 文档或 MP4 / WebM 视频 only PDF documents and MP4 or WebM videos are taken (checked by content, not by name)', 'UNSUPPORTED_MATERIAL');
    if (sniffed.kind === 'document' && meta.durationSeconds !== undefined) throw invalidField('body.durationSeconds', '文档没有时长 a document has no length in seconds');
    const now = this.clock.now().toISOString();
    const last = await this.db.selectFrom('training_materials').select((eb) => eb.fn.max('position').as('max')).where('course_id', '=', courseId).executeTakeFirst();
    const row: MaterialRow = {
      id,
      course_id: courseId,
      kind: sniffed.kind,
      content_type: sniffed.type,
      title: meta.title.trim(),
      position: meta.position ?? Number(last?.max ?? 0) + 1,
      size_bytes: 0,
      chunk_bytes: this.chunks.chunkBytes,
      chunks: 0,
      duration_seconds: null,
      min_read_seconds: meta.minReadSeconds ?? DEFAULT_MIN_READ_SECONDS,
      state: 'uploading',
      uploaded_by: signedIn(ctx).userId,
      created_at: now,
      updated_at: now,
      hidden_at: null,
    };
    await this.db.insertInto('training_materials').values(row).execute();
    return row;
  }

  /** The materials a course shows (ready, in order), to anyone signed in. */
  async list(ctx: RequestContext, courseId: string, limit: number, cursor?: string): Promise<PageResult<MaterialView>> {
    signedIn(ctx);
    await this.course(courseId);
    const after = decodeCursor(cursor);
    let q = this.db.selectFrom('training_materials').selectAll().where('course_id', '=', courseId).where('state', '=', 'ready');
    if (after !== undefined) {
      const [pos, id] = after.split('|');
      if (!/^\d+$/.test(pos ?? '') || !id) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
      q = q.where((eb) => eb.or([eb('position', '>', Number(pos)), eb.and([eb('position', '=', Number(pos)), eb('id', '>', id)])]));
    }
    const rows = await q.orderBy('position').orderBy('id').limit(limit + 1).execute();
    const page = toPage(rows, limit, (r) => `${Number(r.position)}|${r.id}`);
    return { items: page.items.map(materialView), nextCursor: page.nextCursor };
  }

  async readyMaterial(id: string): Promise<MaterialRow> {
    const row = await this.db.selectFrom('training_materials').selectAll().where('id', '=', id).where('state', '=', 'ready').executeTakeFirst();
    if (!row) throw notFound('Material');
    return row;
  }

  /** Title, order, a video's length, a document's reading time. */
  async update(ctx: RequestContext, id: string, patch: { title?: string; position?: number; durationSeconds?: number; minReadSeconds?: number }): Promise<MaterialView> {
    const row = await this.readyMaterial(id);
    const course = await this.course(row.course_id);
    await this.mayManage(ctx, course.organiser_id);
    if (patch.title !== undefined && !patch.title.trim()) throw invalidField('body.title', '请填写课件标题 give the material a title');
    if (patch.durationSeconds !== undefined && row.kind !== 'video') throw invalidField('body.durationSeconds', '文档没有时长 a document has no length in seconds');
    if (patch.minReadSeconds !== undefined && row.kind !== 'document') throw invalidField('body.minReadSeconds', '视频按观看进度计，不设阅读时间 a video counts by what is watched');
    const set = {
      ...(patch.title !== undefined && { title: patch.title.trim() }),
      ...(patch.position !== undefined && { position: patch.position }),
      ...(patch.durationSeconds !== undefined && { duration_seconds: patch.durationSeconds }),
      ...(patch.minReadSeconds !== undefined && { min_read_seconds: patch.minReadSeconds }),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('training_materials').set(set).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'training.material.updated', entityType: 'material', entityId: id, details: patch });
    });
    return materialView({ ...row, ...set });
  }

  /**
   * Deletes a material (county admins): one nobody has opened goes with its bytes; one with progress on it is hidden
   * (learners' records keep pointing at it), never destroyed.
   */
  async remove(ctx: RequestContext, id: string): Promise<{ id: string; outcome: 'deleted' | 'hidden' }> {
    requireRole(ctx, 'county_admin');
    const row = await this.readyMaterial(id);
    const now = this.clock.now().toISOString();
    const outcome = await this.db.transaction().execute(async (trx) => {
      const used = await trx.selectFrom('training_material_progress').select('id').where('material_id', '=', id).limit(1).executeTakeFirst();
      if (used) await trx.updateTable('training_materials').set({ state: 'hidden', hidden_at: now, updated_at: now }).where('id', '=', id).execute();
      else await trx.deleteFrom('training_materials').where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: used ? 'training.material.hidden' : 'training.material.deleted', entityType: 'material', entityId: id, details: { courseId: row.course_id, title: row.title } });
      return used ? ('hidden' as const) : ('deleted' as const);
    });
    // The row went first: a crash here leaves unreachable pieces, never a row without its bytes.
    if (outcome === 'deleted') await this.chunks.remove(id, Number(row.chunks));
    return { id, outcome };
  }

  /**
   * Uploads a process died in the middle of (`uploading` for a day): their pieces and rows go (hourly housekeeping).
   * The pieces written are not counted in the row, so every piece number a file of the largest size could have is
   * deleted (deleting a missing piece is nothing).
   */
  async purgeStaleUploads(): Promise<number> {
    const dayAgo = new Date(this.clock.now().getTime() - 24 * 3600_000).toISOString();
    const stale = await this.db.selectFrom('training_materials').select(['id', 'chunk_bytes']).where('state', '=', 'uploading').where('created_at', '<', dayAgo).execute();
    for (const row of stale) {
      await this.chunks.remove(row.id, Math.ceil(MAX_VIDEO_BYTES / Number(row.chunk_bytes)) + 1);
      await this.db.deleteFrom('training_materials').where('id', '=', row.id).where('state', '=', 'uploading').execute();
    }
    return stale.length;
  }

  /**
   * The bytes, whole or one range (`Range: bytes=a-b`, `a-`, `-n`), for anyone signed in. Several ranges are
   * answered with the first one only being meaningless, so they get the whole file (RFC 9110 lets a server ignore
   * Range). A range that starts past the end is 416 with `Content-Range: bytes *\/size`.
   */
  async content(ctx: RequestContext, id: string, range: string | undefined): Promise<MaterialContent & { material: MaterialRow }> {
    signedIn(ctx);
    const material = await this.readyMaterial(id);
    const size = Number(material.size_bytes);
    const chunkBytes = Number(material.chunk_bytes);
    const headers: Record<string, string> = {
      'content-type': material.content_type,
      'accept-ranges': 'bytes',
      'cache-control': 'private, max-age=3600',
      'content-disposition': `inline; filename="${material.id}.${material.content_type === 'application/pdf' ? 'pdf' : material.content_type === 'video/mp4' ? 'mp4' : 'webm'}"`,
    };
    const parsed = parseRange(range, size);
    if (parsed === 'unsatisfiable') {
      throw new AppError(416, 'RANGE_NOT_SATISFIABLE', `Range ${range} is outside the file of ${size} bytes`, { field: 'headers.range', size });
    }
    if (parsed === null || size === 0) {
      return { material, status: 200, headers: { ...headers, 'content-length': String(size) }, body: this.chunks.stream(id, 0, size - 1, chunkBytes) };
    }
    const [start, end] = parsed;
    return {
      material,
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1) },
      body: this.chunks.stream(id, start, end, chunkBytes),
    };
  }
}

/**
 * One `bytes=` range against a file of `size` bytes: [start, end] inclusive; null to send the whole file (no
 * header, another unit, several ranges, or a header that does not parse: RFC 9110 says ignore it);
 * 'unsatisfiable' when the range starts at or after the end (or asks for an empty suffix).
 */
export function parseRange(header: string | undefined, size: number): [number, number] | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Number(m[2]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return [start, Math.min(end, size - 1)];
}
