import { Type } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { LEVELS, PERSON_TIME_MODES, TRACKS } from './training.tables.js';

/** The kinds of what a trainee went on to do (follow-up). */
export const OUTCOME_KINDS = ['seller', 'shop', 'point_operator', 'employed'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** One trainee present at one session, or one trainee who completed one online course: the unit the plan counts. */
export const PersonTimeCounted = defineEvent({
  type: 'training.person-time-counted',
  version: 1,
  aggregate: 'trainee',
  description: '培训人次 One trainee present at one session (onsite) or one online course completed (online), counted once',
  payload: Type.Object({
    personTimeId: Type.String(),
    traineeId: Type.String(),
    sessionId: Nullable(Type.String()),
    courseId: Nullable(Type.String()),
    track: StringEnum(TRACKS),
    level: Nullable(StringEnum(LEVELS)),
    mode: StringEnum(PERSON_TIME_MODES),
    organiserId: Nullable(Type.String()),
    townshipCode: Nullable(Type.String()),
    villageCode: Nullable(Type.String()),
    poor: Type.Boolean(),
    woman: Type.Boolean(),
    countedAt: Type.String(),
  }),
});

/** A person-time taken back (a mistaken tick, before the session closed). */
export const PersonTimeWithdrawn = defineEvent({
  type: 'training.person-time-withdrawn',
  version: 1,
  aggregate: 'trainee',
  description: '培训人次撤销 A mistaken person-time was taken back before its session closed',
  payload: Type.Object({
    personTimeId: Type.String(),
    traineeId: Type.String(),
    withdrawnAt: Type.String(),
  }),
});

/** A trainee completed a course: attended a session of it (onsite) or finished every material (online). */
export const CourseCompleted = defineEvent({
  type: 'training.course-completed',
  version: 1,
  aggregate: 'trainee',
  description: '课程结业 A trainee completed a course, onsite (attended a session of it) or online (finished every material)',
  payload: Type.Object({
    completionId: Type.String(),
    traineeId: Type.String(),
    courseId: Type.String(),
    track: StringEnum(TRACKS),
    level: Nullable(StringEnum(LEVELS)),
    mode: StringEnum(PERSON_TIME_MODES),
    townshipCode: Nullable(Type.String()),
    poor: Type.Boolean(),
    completedAt: Type.String(),
  }),
});

/**
 * A completion lost the only person-time it rested on (a withdrawn tick or scan): the completion and its certificate
 * are revoked. Counted again later, the same completion is reinstated and `training.course-completed` published again.
 */
export const CourseCompletionRevoked = defineEvent({
  type: 'training.course-completion-revoked',
  version: 1,
  aggregate: 'trainee',
  description: '课程结业撤销 The only person-time a completion rested on was withdrawn: the completion and its certificate were revoked',
  payload: Type.Object({
    completionId: Type.String(),
    traineeId: Type.String(),
    courseId: Type.String(),
    revokedAt: Type.String(),
  }),
});

/** What a trainee went on to do: a seller here, a shop elsewhere, a point operator, employed by an e-commerce firm. */
export const OutcomeRecorded = defineEvent({
  type: 'training.outcome-recorded',
  version: 1,
  aggregate: 'trainee',
  description: '培训成效 A trainee became a seller here, opened a shop elsewhere, runs a station or point, or was employed by an e-commerce firm',
  payload: Type.Object({
    outcomeId: Type.String(),
    traineeId: Type.String(),
    kind: StringEnum(OUTCOME_KINDS),
    townshipCode: Nullable(Type.String()),
    poor: Type.Boolean(),
    firstTrainedAt: Nullable(Type.String()),
    recordedAt: Type.String(),
  }),
});

export const TRAINING_EVENTS = [PersonTimeCounted, PersonTimeWithdrawn, CourseCompleted, CourseCompletionRevoked, OutcomeRecorded];
