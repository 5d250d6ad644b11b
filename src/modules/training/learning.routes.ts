import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { ROLES, type Role } from '../../kernel/context.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import type { LearningService } from './learning.service.js';
import { MATERIAL_KINDS } from './learning.tables.js';
import { MAX_DOCUMENT_BYTES, MAX_DURATION_SECONDS, MAX_VIDEO_BYTES, type MaterialMeta, type MaterialService } from './materials.service.js';

/** Every signed-in account may learn; the data centre's accounts have nothing to do here. */
export const LEARNERS: Role[] = ROLES.filter((r) => r !== 'data_center');
const learner = { roles: LEARNERS };
const managers = { roles: ['county_admin', 'trainer'] as Role[] };

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const MaterialSchema = Type.Object({
  id: Type.String(),
  courseId: Type.String(),
  kind: StringEnum(MATERIAL_KINDS, { description: 'document 文档 (PDF) or video 视频 (MP4, WebM)' }),
  contentType: Type.String(),
  title: Type.String(),
  position: Type.Integer(),
  sizeBytes: Type.Integer(),
  durationSeconds: Nullable(Type.Integer()),
  minReadSeconds: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ProgressSchema = Type.Object({
  materialId: Type.String(),
  openedAt: Type.String({ format: 'date-time' }),
  positionSeconds: Type.Integer(),
  watchedSeconds: Type.Integer(),
  secondsLeft: Type.Integer({ description: 'video: seconds still to watch for 90 %; document: seconds before it may be marked read' }),
  percent: Type.Integer(),
  doneAt: Nullable(Type.String({ format: 'date-time' })),
});

const MyCourseSchema = Type.Object({
  courseId: Type.String(),
  title: Type.String(),
  track: Type.String(),
  level: Nullable(Type.String()),
  summary: Type.String(),
  hoursTenths: Type.Integer(),
  materials: Type.Array(Type.Object({ ...MaterialSchema.properties, progress: Nullable(ProgressSchema) })),
  materialsDone: Type.Integer(),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  certificateId: Nullable(Type.String()),
});

const UploadQuery = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '课件标题 (or a form field before the file)' })),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'order in the course (default: after the last)' })),
  durationSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DURATION_SECONDS, description: 'a video’s length; read from an MP4’s header when left out' })),
  minReadSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600, description: 'a document’s minimum reading time (default 120)' })),
});

const PatchBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  durationSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DURATION_SECONDS })),
  minReadSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
});

const ProgressBody = Type.Object({
  positionSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_DURATION_SECONDS, description: 'a video’s player position (about every 15 s); a document’s page sends 0 when it opens' })),
  done: Type.Optional(Type.Literal(true, { description: 'a document read (after its minimum reading time)' })),
});

/** The upload's title, order, length and reading time: from the query, or from form fields sent before the file. */
function uploadMeta(query: Static<typeof UploadQuery>, fields: Record<string, unknown>): MaterialMeta {
  const field = (name: string): string | undefined => {
    const f = fields[name] as { type?: string; value?: unknown } | undefined;
    return f && f.type === 'field' && typeof f.value === 'string' && f.value.trim() !== '' ? f.value.trim() : undefined;
  };
  const whole = (name: keyof Static<typeof UploadQuery>, min: number, max: number): number | undefined => {
    if (query[name] !== undefined) return query[name] as number;
    const text = field(name);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw invalidField(`body.${name}`, `应为 ${min}–${max} 的整数 must be a whole number from ${min} to ${max}`);
    return Number(text);
  };
  const title = query.title ?? field('title');
  if (!title) throw invalidField('body.title', '请填写课件标题 give the material a title');
  if (title.length > 100) throw invalidField('body.title', '标题不超过 100 字 at most 100 characters');
  return { title, position: whole('position', 0, 10_000), durationSeconds: whole('durationSeconds', 1, MAX_DURATION_SECONDS), minReadSeconds: whole('minReadSeconds', 0, 3600) };
}

/** 远程学习 Materials of courses (upload, Range reads, order, delete) and learners' progress. */
export function learningRoutes(materials: MaterialService, learning: LearningService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['training'];

    app.post(
      '/training/courses/:id/materials',
      {
        config: managers,
        schema: {
          tags,
          summary: `上传课件 Upload a course material (multipart field \`file\`): a PDF handout up to ${MAX_DOCUMENT_BYTES >> 20} MB or an MP4 / WebM video up to ${MAX_VIDEO_BYTES >> 20} MB, told apart by content, not by name (else 400 UNSUPPORTED_MATERIAL). Title, order, a video's length (read from an MP4 when left out) and a document's reading time in the query. County admins, or trainers of the course's organiser`,
          consumes: ['multipart/form-data'],
          params: IdParams,
          querystring: UploadQuery,
          response: { 201: MaterialSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        await materials.checkUpload(request.ctx, request.params.id);
        const file = request.isMultipart() ? await request.file({ limits: { fileSize: MAX_VIDEO_BYTES, files: 1 } }) : undefined;
        if (!file || file.fieldname !== 'file') throw invalidField('body.file', '请以表单字段 file 上传课件 send the material as multipart form field "file"');
        const meta = uploadMeta(request.query, file.fields as Record<string, unknown>);
        return reply.status(201).send(await materials.upload(request.ctx, request.params.id, meta, file.file));
      },
    );
    app.get(
      '/training/courses/:id/materials',
      { config: learner, schema: { tags, summary: '课程课件 The materials of a course, in order', params: IdParams, querystring: PageQuery, response: { 200: Page(MaterialSchema), ...errorResponses } } },
      async (request) => materials.list(request.ctx, request.params.id, request.query.limit ?? 50, request.query.cursor),
    );
    app.patch(
      '/training/materials/:id',
      { config: managers, schema: { tags, summary: '修改课件 Title, order, a video’s length or a document’s reading time', params: IdParams, body: PatchBody, response: { 200: MaterialSchema, ...errorResponses } } },
      async (request) => materials.update(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/training/materials/:id',
      {
        config: { roles: ['county_admin'] as Role[] },
        schema: { tags, summary: '删除课件 Delete a material (county admins): one with learners’ progress is hidden, not destroyed', params: IdParams, response: { 200: Type.Object({ id: Type.String(), outcome: StringEnum(['deleted', 'hidden'] as const) }), ...errorResponses } },
      },
      async (request) => materials.remove(request.ctx, request.params.id),
    );
    app.get(
      '/training/materials/:id/content',
      {
        config: learner,
        schema: {
          tags,
          summary: '课件内容 The material’s bytes, whole (200) or one `Range: bytes=a-b` (206 with Content-Range; 416 when the range starts past the end). Opening it starts a document’s reading time',
          params: IdParams,
        },
      },
      async (request, reply) => {
        let content;
        try {
          content = await materials.content(request.ctx, request.params.id, typeof request.headers.range === 'string' ? request.headers.range : undefined);
        } catch (err) {
          if (err instanceof AppError && err.status === 416) reply.header('content-range', `bytes */${(err.details as { size: number }).size}`);
          throw err;
        }
        if (content.status === 200 || content.headers['content-range']?.startsWith('bytes 0-')) await learning.opened(request.ctx, content.material);
        return reply.status(content.status).headers(content.headers).send(content.body);
      },
    );

    app.get(
      '/training/me/courses',
      { config: learner, schema: { tags, summary: '我的线上课程 Online courses with their materials and my progress', querystring: PageQuery, response: { 200: Page(MyCourseSchema), ...errorResponses } } },
      async (request) => learning.myCourses(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );
    app.post(
      '/training/materials/:id/progress',
      {
        config: learner,
        schema: {
          tags,
          summary: '学习进度 Report progress: a video’s position (credited at most the wall time since the previous report; done at 90 %), or a document read (after its reading time, else 409 READING_TIME_NOT_REACHED). The last material done completes the course (person-time, certificate). 409 TRAINEE_PROFILE_NEEDED without a trainee record',
          params: IdParams,
          body: ProgressBody,
          response: { 200: Type.Object({ progress: ProgressSchema, courseCompleted: Type.Boolean() }), ...errorResponses },
        },
      },
      async (request) => {
        if (request.body.positionSeconds === undefined && request.body.done === undefined) throw invalidField('body', '请报告 positionSeconds 或 done give positionSeconds or done');
        return learning.report(request.ctx, request.params.id, request.body);
      },
    );
  };
}
