import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { TRACKS } from './training.tables.js';

export const ProgressQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'first day counted (Asia/Shanghai), inclusive' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'last day counted (Asia/Shanghai), inclusive' })),
  township: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'a township code' })),
  organiser: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  track: Type.Optional(StringEnum(TRACKS)),
});
export type ProgressFilter = Static<typeof ProgressQuery>;

const Counts = {
  personTimes: Type.Integer({ description: '人次' }),
  poor: Type.Integer({ description: '其中建档立卡贫困人口人次' }),
};
const Totals = Type.Object({ ...Counts, women: Type.Integer({ description: '其中女性人次' }), trainees: Type.Integer({ description: '人数 (distinct trainees)' }) });

export const MilestoneSchema = Type.Object({
  id: Type.String(),
  indicator: StringEnum(['training_person_times', 'training_poor_person_times'] as const),
  label: Type.String(),
  target: Type.Integer(),
  due: Type.String({ description: 'YYYY-MM-DD' }),
  counted: Type.Integer({ description: 'counted by the due date once past; so far before it' }),
  status: StringEnum(['met', 'missed', 'reached', 'on_track', 'behind', 'share'] as const, { description: "'share' when the answer is a part of the county (a township, organiser or track): the target is the county's" }),
  verdict: Nullable(Type.String({ description: '达标 / 未达标 / 已达标 / 进度正常 / 进度落后; null for a share' })),
  daysLeft: Type.Integer(),
  projection: Nullable(Type.Integer({ description: 'projected count at the due date from the pace of the last 90 days' })),
  behind: Nullable(Type.Boolean()),
  shortfall: Nullable(Type.Integer()),
});

export const ProgressSchema = Type.Object({
  today: Type.String({ description: 'YYYY-MM-DD, Asia/Shanghai' }),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  whole: Type.Boolean({ description: 'the whole county (no township, organiser or track narrows it): the milestones are judged' }),
  totals: Totals,
  cumulative: Type.Object({ ...Totals.properties }, { description: 'since the programme’s start, up to `to` (or today)' }),
  byTrack: Type.Array(Type.Object({ track: StringEnum(TRACKS), name: Type.String(), ...Counts })),
  byTownship: Type.Array(Type.Object({ townshipCode: Nullable(Type.String()), name: Type.String(), ...Counts })),
  byOrganiser: Type.Array(Type.Object({ organiserId: Nullable(Type.String()), name: Type.String(), ...Counts })),
  byMonth: Type.Array(Type.Object({ month: Type.String(), ...Counts, cumulativePersonTimes: Type.Integer(), cumulativePoor: Type.Integer() })),
  pace: Type.Object({ days: Type.Integer(), ...Counts, method: Type.String() }),
  milestones: Type.Array(MilestoneSchema),
});
export type ProgressView = Static<typeof ProgressSchema>;
export type MilestoneView = Static<typeof MilestoneSchema>;
