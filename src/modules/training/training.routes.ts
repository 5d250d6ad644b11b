import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { invalidField } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { ATTENDANCE, ENROLLERS, IMPORTERS, LEARNERS, SESSION_WRITERS, STAFF, TRAINEE_EDITORS } from './access.js';
import type { CheckinService } from './checkin.service.js';
import type { CoursesService } from './courses.service.js';
import type { RosterService } from './roster.service.js';
import type { SessionsService } from './sessions.service.js';
import type { TraineesService } from './trainees.service.js';
import {
  AttendanceBody,
  AttendanceParams,
  AttendanceResultSchema,
  CancelBody,
  CheckinBody,
  CheckinCodeSchema,
  CheckinResultSchema,
  CourseCreateBody,
  CourseQuery,
  CourseSchema,
  CourseUpdateBody,
  EnrolBody,
  EnrolmentSchema,
  IdParams,
  ImportQuery,
  ImportResultSchema,
  MeBody,
  MeSchema,
  OpenSessionSchema,
  OrganiserCreateBody,
  OrganiserQuery,
  OrganiserSchema,
  OrganiserUpdateBody,
  PersonTimeSchema,
  RosterEntrySchema,
  RosterQuery,
  SessionCreateBody,
  SessionQuery,
  SessionSchema,
  SessionUpdateBody,
  TraineeDetailSchema,
  TraineeQuery,
  TraineeSchema,
  TraineeUpdateBody,
  UntickQuery,
} from './training.schema.js';

/** A roster of 2 000 rows is well under 2 MB. */
const ROSTER_BYTES = 4 * 1024 * 1024;

export interface TrainingCore {
  courses: CoursesService;
  sessions: SessionsService;
  trainees: TraineesService;
  roster: RosterService;
  checkin: CheckinService;
}

/** 培训 The core's routes: organisers, courses, sessions, trainees, enrolment, rosters, check-in, attendance. */
export function trainingRoutes({ courses, sessions, trainees, roster, checkin }: TrainingCore) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['training'];
    const staff = { roles: [...STAFF] };
    const county = { roles: ['county_admin' as const] };
    const learners = { roles: [...LEARNERS] };

    // ---- organisers and courses ----
    app.get('/training/organisers', { config: staff, schema: { tags, summary: '培训组织单位 Organisers: county departments, training bodies, leading enterprises', querystring: OrganiserQuery, response: { 200: Page(OrganiserSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return courses.listOrganisers(request.ctx, filter, limit, cursor);
    });
    app.post('/training/organisers', { config: county, schema: { tags, summary: '新增培训组织单位 Add an organiser with its member accounts (county admin); unique by name (409 ORGANISER_EXISTS)', body: OrganiserCreateBody, response: { 201: OrganiserSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await courses.createOrganiser(request.ctx, request.body)),
    );
    app.patch('/training/organisers/:id', { config: county, schema: { tags, summary: '修改培训组织单位 Change an organiser; memberUserIds replaces its members (county admin)', params: IdParams, body: OrganiserUpdateBody, response: { 200: OrganiserSchema, ...errorResponses } } }, (request) =>
      courses.updateOrganiser(request.ctx, request.params.id, request.body),
    );
    app.get('/training/courses', { config: learners, schema: { tags, summary: '课程 Courses of the three tracks', querystring: CourseQuery, response: { 200: Page(CourseSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return courses.listCourses(request.ctx, filter, limit, cursor);
    });
    app.post('/training/courses', { config: county, schema: { tags, summary: '新增课程 Add a course: title, track, level (sellers only), hours, online (county admin)', body: CourseCreateBody, response: { 201: CourseSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await courses.createCourse(request.ctx, request.body)),
    );
    app.get('/training/courses/:id', { config: learners, schema: { tags, summary: '课程详情 One course', params: IdParams, response: { 200: CourseSchema, ...errorResponses } } }, (request) => courses.course(request.ctx, request.params.id));
    app.patch('/training/courses/:id', { config: county, schema: { tags, summary: '修改课程 Change a course (county admin)', params: IdParams, body: CourseUpdateBody, response: { 200: CourseSchema, ...errorResponses } } }, (request) =>
      courses.updateCourse(request.ctx, request.params.id, request.body),
    );

    // ---- sessions ----
    app.get('/training/sessions', { config: staff, schema: { tags, summary: '培训场次 Sessions in the caller’s sight, newest first (a trainer its own and its organisers’, a township its own)', querystring: SessionQuery, response: { 200: Page(SessionSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return sessions.list(request.ctx, filter, limit, cursor);
    });
    app.get('/training/sessions/open', { config: learners, schema: { tags, summary: '可报名的培训 Sessions open for enrolment (planned, not yet ended), soonest first', querystring: PageQuery, response: { 200: Page(OpenSessionSchema), ...errorResponses } } }, (request) =>
      sessions.open(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );
    app.post('/training/sessions', { config: { roles: [...SESSION_WRITERS] }, schema: { tags, summary: '新增培训场次 Plan a session: a site of the network or a place in a township, organiser, trainer, capacity, track and level (a past session: county admin only)', body: SessionCreateBody, response: { 201: SessionSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await sessions.create(request.ctx, request.body)),
    );
    app.get('/training/sessions/:id', { config: staff, schema: { tags, summary: '培训场次详情 One session', params: IdParams, response: { 200: SessionSchema, ...errorResponses } } }, (request) => sessions.get(request.ctx, request.params.id));
    app.patch('/training/sessions/:id', { config: { roles: [...SESSION_WRITERS] }, schema: { tags, summary: '修改培训场次 Change a planned session (its trainers, the county admin)', params: IdParams, body: SessionUpdateBody, response: { 200: SessionSchema, ...errorResponses } } }, (request) =>
      sessions.update(request.ctx, request.params.id, request.body),
    );
    app.post('/training/sessions/:id/cancel', { config: { roles: [...SESSION_WRITERS] }, schema: { tags, summary: '取消培训 Cancel a planned session nobody was counted at (409 SESSION_HAS_ATTENDANCE)', params: IdParams, body: CancelBody, response: { 200: SessionSchema, ...errorResponses } } }, (request) =>
      sessions.cancel(request.ctx, request.params.id, request.body.reason),
    );
    app.post('/training/sessions/:id/close', { config: { roles: [...SESSION_WRITERS] }, schema: { tags, summary: '结束培训 Close a session that has begun: its list and attendance are locked', params: IdParams, response: { 200: SessionSchema, ...errorResponses } } }, (request) =>
      sessions.close(request.ctx, request.params.id),
    );
    app.get('/training/sessions/:id/roster', { config: staff, schema: { tags, summary: '培训名单 A session’s list with who was present (masked; a village operator sees its villagers)', params: IdParams, querystring: RosterQuery, response: { 200: Page(RosterEntrySchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return sessions.roster(request.ctx, request.params.id, filter, limit, cursor);
    });
    app.post('/training/sessions/:id/enrolments', { config: { roles: [...ENROLLERS] }, schema: { tags, summary: '代为报名 Enrol a trainee (traineeId, or a trainee’s details: found by ID number, else recorded); capacity enforced (409 SESSION_FULL)', params: IdParams, body: EnrolBody, response: { 201: EnrolmentSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await sessions.enrolByOperator(request.ctx, request.params.id, request.body)),
    );
    app.post('/training/sessions/:id/enrol', { config: learners, schema: { tags, summary: '我要报名 Enrol oneself in an open session (409 TRAINEE_PROFILE_NEEDED without a trainee record)', params: IdParams, response: { 201: EnrolmentSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await sessions.enrolSelf(request.ctx, request.params.id)),
    );
    app.get('/training/roster-template.xlsx', { config: { roles: [...IMPORTERS] }, schema: { tags, summary: '培训名单模板 The roster template (.xlsx): 姓名, 身份证号, 手机号, 乡镇, 村, 建档立卡贫困户, 残疾人, 党员, 女性, 青年' } }, async (request, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="training-roster.xlsx"; filename*=UTF-8''${encodeURIComponent('培训名单模板.xlsx')}`)
        .send(await roster.template(request.ctx)),
    );
    app.post(
      '/training/sessions/:id/roster/import',
      { config: { roles: [...IMPORTERS] }, schema: { tags, summary: '导入培训名单 A roster from Excel (multipart `file`, at most 2 000 rows). mode=all: one bad row refuses the file (400 IMPORT_ROWS_INVALID, details.rows by row and column); mode=valid: the good rows are imported and the bad listed', params: IdParams, querystring: ImportQuery, consumes: ['multipart/form-data'], response: { 201: ImportResultSchema, ...errorResponses } } },
      async (request, reply) => {
        const file = request.isMultipart() ? await request.file({ limits: { fileSize: ROSTER_BYTES, files: 1 } }) : undefined;
        if (!file || file.fieldname !== 'file') throw invalidField('body.file', '请以表单字段 file 上传 .xlsx 文件 send the workbook as multipart form field "file"');
        const bytes = await file.toBuffer().catch(() => {
          throw invalidField('body.file', '文件超过 4 MB is larger than 4 MB');
        });
        return reply.status(201).send(await roster.importFile(request.ctx, request.params.id, bytes, file.filename ?? '', request.query.mode ?? 'all'));
      },
    );

    // ---- check-in and attendance ----
    app.get('/training/sessions/:id/checkin-code', { config: { roles: [...ATTENDANCE] }, schema: { tags, summary: '签到二维码 The session’s check-in code for the QR (rotates every 30 s; the current and previous are accepted)', params: IdParams, response: { 200: CheckinCodeSchema, ...errorResponses } } }, (request) =>
      checkin.code(request.ctx, request.params.id, `${request.protocol}://${request.host}`),
    );
    app.post('/training/checkins', { config: learners, schema: { tags, summary: '扫码签到 Check in with the code scanned (30 min before the start to 30 min after the end; 409 CHECKIN_CLOSED, CHECKIN_CODE_EXPIRED, TRAINEE_PROFILE_NEEDED; 429 after 10 wrong codes in 10 min)', body: CheckinBody, response: { 200: CheckinResultSchema, ...errorResponses } } }, (request) =>
      checkin.checkin(request.ctx, request.body),
    );
    app.post('/training/sessions/:id/attendance', { config: { roles: [...ATTENDANCE] }, schema: { tags, summary: '点名签到 Tick a trainee present (counted once)', params: IdParams, body: AttendanceBody, response: { 200: AttendanceResultSchema, ...errorResponses } } }, (request) =>
      checkin.tick(request.ctx, request.params.id, request.body.traineeId),
    );
    app.delete('/training/sessions/:id/attendance/:traineeId', { config: { roles: [...ATTENDANCE] }, schema: { tags, summary: '撤销签到 Take a mistaken tick back, with a reason, while the session is open', params: AttendanceParams, querystring: UntickQuery, response: { 200: Type.Object({ withdrawn: Type.Boolean(), personTime: PersonTimeSchema }), ...errorResponses } } }, (request) =>
      checkin.untick(request.ctx, request.params.id, request.params.traineeId, request.query.reason),
    );

    // ---- trainees ----
    app.get('/training/trainees', { config: staff, schema: { tags, summary: '学员 Trainees in the caller’s sight: by name, whole ID number, township, village, flags (masked)', querystring: TraineeQuery, response: { 200: Page(TraineeSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return trainees.list(request.ctx, filter, limit, cursor);
    });
    app.get('/training/trainees/:id', { config: staff, schema: { tags, summary: '学员详情 One trainee (masked), with the sessions of its history the caller sees and its person-times', params: IdParams, response: { 200: TraineeDetailSchema, ...errorResponses } } }, (request) => sessions.traineeDetail(request.ctx, request.params.id));
    app.patch('/training/trainees/:id', { config: { roles: [...TRAINEE_EDITORS] }, schema: { tags, summary: '修改学员信息 Change a trainee (county admin; township and village operators in their area)', params: IdParams, body: TraineeUpdateBody, response: { 200: TraineeSchema, ...errorResponses } } }, (request) =>
      trainees.update(request.ctx, request.params.id, request.body),
    );
    app.get('/training/me', { config: learners, schema: { tags, summary: '我的培训 My trainee record (whole), my enrolments and person-times', response: { 200: MeSchema, ...errorResponses } } }, (request) => sessions.me(request.ctx));
    app.post('/training/me', { config: learners, schema: { tags, summary: '填写学员信息 Create my trainee record, or claim the one a roster made with my ID number (409 TRAINEE_CLAIM_CONFLICT: ask the trainer)', body: MeBody, response: { 200: MeSchema, 201: MeSchema, ...errorResponses } } }, async (request, reply) => {
      const { created } = await trainees.createOwn(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send(await sessions.me(request.ctx));
    });
  };
}
