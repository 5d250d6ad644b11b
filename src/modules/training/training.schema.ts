import { Type, type Static } from 'typebox';
import { PageQuery } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { ENROLMENT_SOURCES, LEVELS, ORGANISER_KINDS, PERSON_TIME_MODES, SESSION_STATUSES, TRACKS } from './training.tables.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Code = Type.String({ pattern: '^\\d{9}(\\d{3})?$', description: 'a township (9 digits) or village (12 digits) division code' });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
export const IdParams = Type.Object({ id: Id });

// ---- organisers ----

export const OrganiserSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum(ORGANISER_KINDS),
  contactName: Type.String(),
  notes: Type.String(),
  active: Type.Boolean(),
  memberUserIds: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Organiser = Static<typeof OrganiserSchema>;
export const OrganiserCreateBody = Type.Object({
  name: Text(80, 2),
  kind: StringEnum(ORGANISER_KINDS, { description: 'department 县直部门, body 第三方培训机构, enterprise 电商龙头企业' }),
  contactName: Type.Optional(Text(40)),
  notes: Type.Optional(Text(500)),
  memberUserIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
});
export type OrganiserCreate = Static<typeof OrganiserCreateBody>;
export const OrganiserUpdateBody = Type.Partial(Type.Object({ name: Text(80, 2), kind: StringEnum(ORGANISER_KINDS), contactName: Text(40), notes: Text(500), active: Type.Boolean(), memberUserIds: Type.Array(Id, { maxItems: 100 }) }));
export type OrganiserUpdate = Static<typeof OrganiserUpdateBody>;
export const OrganiserQuery = Type.Object({ ...PageQuery.properties, kind: Type.Optional(StringEnum(ORGANISER_KINDS)) });

// ---- courses ----

export const CourseSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  track: StringEnum(TRACKS),
  level: Nullable(StringEnum(LEVELS)),
  summary: Type.String(),
  hours: Type.Number({ description: 'class hours (one decimal)' }),
  online: Type.Boolean(),
  organiserId: Nullable(Type.String()),
  organiserName: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Course = Static<typeof CourseSchema>;
export const CourseCreateBody = Type.Object({
  title: Text(120, 2),
  track: StringEnum(TRACKS, { description: 'officials 干部和企业负责人, sellers 电商创业, station_staff 站点人员' }),
  level: Type.Optional(Nullable(StringEnum(LEVELS), { description: 'basic 基础, advanced 进阶, elite 精英: the sellers track only' })),
  summary: Type.Optional(Text(2000)),
  hours: Type.Number({ minimum: 0.5, maximum: 200, multipleOf: 0.1 }),
  online: Type.Optional(Type.Boolean()),
  organiserId: Type.Optional(Nullable(Id)),
});
export type CourseCreate = Static<typeof CourseCreateBody>;
export const CourseUpdateBody = Type.Partial(Type.Omit(CourseCreateBody, []));
export type CourseUpdate = Static<typeof CourseUpdateBody>;
export const CourseQuery = Type.Object({ ...PageQuery.properties, track: Type.Optional(StringEnum(TRACKS)), online: Type.Optional(Type.Boolean()) });

// ---- sessions ----

export const SessionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  courseId: Nullable(Type.String()),
  courseTitle: Nullable(Type.String()),
  track: StringEnum(TRACKS),
  level: Nullable(StringEnum(LEVELS)),
  organiserId: Type.String(),
  organiserName: Type.String(),
  trainerUserId: Nullable(Type.String()),
  trainerName: Type.String(),
  siteId: Nullable(Type.String()),
  placeName: Type.String(),
  townshipCode: Type.String(),
  townshipName: Type.String(),
  villageCode: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
  capacity: Type.Integer(),
  enrolled: Type.Integer(),
  present: Type.Integer(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  status: StringEnum(SESSION_STATUSES),
  notes: Type.String(),
  closedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Session = Static<typeof SessionSchema>;
export const OpenSessionSchema = Type.Object({ ...SessionSchema.properties, enrolledByMe: Type.Boolean() });
export const SessionCreateBody = Type.Object({
  title: Text(120, 2),
  courseId: Type.Optional(Nullable(Id)),
  track: Type.Optional(StringEnum(TRACKS, { description: 'the course’s when a course is given' })),
  level: Type.Optional(Nullable(StringEnum(LEVELS))),
  organiserId: Id,
  trainerUserId: Type.Optional(Nullable(Id)),
  trainerName: Text(40, 1),
  siteId: Type.Optional(Nullable(Id)),
  placeText: Type.Optional(Text(200)),
  townshipCode: Type.Optional(Nullable(Code)),
  capacity: Type.Integer({ minimum: 1, maximum: 2000 }),
  startsAt: Type.String({ format: 'date-time', description: 'ISO 8601 with offset' }),
  endsAt: Type.String({ format: 'date-time' }),
  notes: Type.Optional(Text(1000)),
});
export type SessionCreate = Static<typeof SessionCreateBody>;
export const SessionUpdateBody = Type.Partial(Type.Omit(SessionCreateBody, ['organiserId']));
export type SessionUpdate = Static<typeof SessionUpdateBody>;
export const SessionQuery = Type.Object({
    ...PageQuery.properties,
    from: Type.Optional(Type.String({ format: 'date', description: 'first day (Asia/Shanghai)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'last day (Asia/Shanghai)' })),
    track: Type.Optional(StringEnum(TRACKS)),
    township: Type.Optional(Code),
    organiser: Type.Optional(Id),
    status: Type.Optional(StringEnum(SESSION_STATUSES)),
});
export type SessionFilter = Omit<Static<typeof SessionQuery>, 'limit' | 'cursor'>;
export const CancelBody = Type.Object({ reason: Text(500, 2) });

// ---- trainees ----

export const TraineeSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.String({ description: 'masked (5306**********105X) for everyone but the trainee’s own account' }),
  phone: Nullable(Type.String({ description: 'masked for everyone but the trainee’s own account' })),
  masked: Type.Boolean(),
  townshipCode: Nullable(Type.String()),
  townshipName: Nullable(Type.String()),
  villageCode: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
  poor: Type.Boolean(),
  disabled: Type.Boolean(),
  partyMember: Type.Boolean(),
  woman: Type.Boolean(),
  youth: Type.Boolean({ description: 'as given, else 18–35 today (Asia/Shanghai)' }),
  claimed: Type.Boolean({ description: 'the trainee has an account of their own' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Trainee = Static<typeof TraineeSchema>;
const Flags = {
  poor: Type.Optional(Type.Boolean({ description: '建档立卡贫困户' })),
  disabled: Type.Optional(Type.Boolean({ description: '残疾人' })),
  partyMember: Type.Optional(Type.Boolean({ description: '党员' })),
  woman: Type.Optional(Nullable(Type.Boolean({ description: '女性; blank: from the ID number' }))),
  youth: Type.Optional(Nullable(Type.Boolean({ description: '青年; blank: 18–35 on the session date' }))),
};
export const TraineeInputSchema = Type.Object({
  name: Text(40, 1),
  idNumber: Type.String({ minLength: 18, maxLength: 18, description: '18-character resident ID number' }),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^1\\d{10}$', description: '11-digit mobile number' }))),
  townshipCode: Type.Optional(Nullable(Code)),
  villageCode: Type.Optional(Nullable(Code)),
  ...Flags,
});
export type TraineeInput = Static<typeof TraineeInputSchema>;
export const TraineeUpdateBody = Type.Partial(Type.Object({ name: Text(40, 1), phone: Nullable(Type.String({ pattern: '^1\\d{10}$' })), townshipCode: Nullable(Code), villageCode: Nullable(Code), poor: Type.Boolean(), disabled: Type.Boolean(), partyMember: Type.Boolean(), woman: Type.Boolean(), youth: Nullable(Type.Boolean()) }));
export type TraineeUpdate = Static<typeof TraineeUpdateBody>;
export const TraineeQuery = Type.Object({
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'a name (part of it) or a whole ID number' })),
    township: Type.Optional(Code),
    village: Type.Optional(Code),
    poor: Type.Optional(Type.Boolean()),
    disabled: Type.Optional(Type.Boolean()),
    partyMember: Type.Optional(Type.Boolean()),
    woman: Type.Optional(Type.Boolean()),
    session: Type.Optional(Id),
});
export type TraineeFilter = Omit<Static<typeof TraineeQuery>, 'limit' | 'cursor'>;

// ---- enrolment, roster, attendance ----

export const EnrolBody = Type.Object({ traineeId: Type.Optional(Id), trainee: Type.Optional(TraineeInputSchema) }, { description: 'traineeId of a known trainee, or a trainee’s details (found by ID number, else recorded)' });
export const EnrolmentSchema = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  traineeId: Type.String(),
  source: StringEnum(ENROLMENT_SOURCES),
  createdAt: Type.String(),
  /** False when the trainee was on the list already. */
  created: Type.Boolean(),
});
export const RosterEntrySchema = Type.Object({
  enrolmentId: Type.String(),
  source: StringEnum(ENROLMENT_SOURCES),
  enrolledAt: Type.String(),
  present: Type.Boolean(),
  personTimeId: Nullable(Type.String()),
  countedAt: Nullable(Type.String()),
  method: Nullable(Type.String()),
  trainee: TraineeSchema,
});
export const RosterQuery = Type.Object({ ...PageQuery.properties, present: Type.Optional(Type.Boolean()) });
export const ImportQuery = Type.Object({ mode: Type.Optional(StringEnum(['all', 'valid'] as const, { description: 'all: one bad row refuses the file; valid: good rows imported, bad rows listed' })) });
const RowProblem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
export const ImportResultSchema = Type.Object({
  importId: Type.String(),
  mode: StringEnum(['all', 'valid'] as const),
  rows: Type.Integer({ description: 'data rows read' }),
  imported: Type.Integer({ description: 'rows imported (a person twice in the file counts once)' }),
  traineesCreated: Type.Integer(),
  traineesUpdated: Type.Integer(),
  enrolled: Type.Integer({ description: 'new enrolments' }),
  alreadyEnrolled: Type.Integer(),
  badRows: Type.Array(RowProblem),
});
export const AttendanceBody = Type.Object({ traineeId: Id });
export const AttendanceParams = Type.Object({ id: Id, traineeId: Id });
export const UntickQuery = Type.Object({ reason: Text(500, 2) });
export const PersonTimeSchema = Type.Object({
  id: Type.String(),
  traineeId: Type.String(),
  sessionId: Nullable(Type.String()),
  courseId: Nullable(Type.String()),
  mode: StringEnum(PERSON_TIME_MODES),
  method: Type.String(),
  track: StringEnum(TRACKS),
  level: Nullable(StringEnum(LEVELS)),
  countedAt: Type.String(),
});
export const AttendanceResultSchema = Type.Object({ counted: Type.Boolean({ description: 'false: the trainee was counted present already' }), personTime: PersonTimeSchema });
export const CheckinCodeSchema = Type.Object({ url: Type.String(), token: Type.String(), expiresAt: Type.String(), validFrom: Type.String(), validTo: Type.String() });
export const CheckinBody = Type.Object({ sessionId: Id, token: Type.String({ minLength: 1, maxLength: 100 }) });
export const CheckinResultSchema = Type.Object({ counted: Type.Boolean(), personTime: PersonTimeSchema, sessionTitle: Type.String(), placeName: Type.String() });

// ---- me ----

/** One trainee with the sessions it was enrolled in (those the caller sees) and its person-times there and online. */
export const TraineeDetailSchema = Type.Object({
  ...TraineeSchema.properties,
  enrolments: Type.Array(Type.Object({ sessionId: Type.String(), title: Type.String(), startsAt: Type.String(), townshipName: Type.String(), organiserName: Type.String(), status: StringEnum(SESSION_STATUSES), present: Type.Boolean() })),
  personTimes: Type.Array(Type.Object({ ...PersonTimeSchema.properties, title: Type.String() })),
});

export const MeBody = Type.Object({
  name: Text(40, 1),
  idNumber: Type.String({ minLength: 18, maxLength: 18 }),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^1\\d{10}$' }))),
  townshipCode: Type.Optional(Nullable(Code)),
  villageCode: Type.Optional(Nullable(Code)),
  ...Flags,
});
export const MeSchema = Type.Object({
  trainee: Nullable(TraineeSchema),
  enrolments: Type.Array(Type.Object({ session: SessionSchema, present: Type.Boolean() })),
  personTimes: Type.Array(Type.Object({ ...PersonTimeSchema.properties, title: Type.String() })),
});
