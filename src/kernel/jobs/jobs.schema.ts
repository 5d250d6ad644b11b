import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schema.js';

export const JobName = Type.String({ minLength: 3, maxLength: 100, pattern: '^[a-z0-9.-]+$', examples: ['kernel.purge-job-runs'] });

export const RunSchema = Type.Object({
  id: Type.String(),
  attempt: Type.Integer({ description: '1 for the first attempt' }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  outcome: StringEnum(['running', 'succeeded', 'failed', 'lost'] as const, { description: 'lost: the process stopped during the run and its lease ran out' }),
  error: Nullable(Type.String()),
  summary: Type.Unknown({ description: 'What the run returned (JSON)' }),
  processId: Type.String({ description: 'The app process that ran it' }),
});

export const JobSchema = Type.Object({
  name: Type.String(),
  title: Type.String({ description: 'Chinese, then English' }),
  scheduled: Type.Boolean(),
  everyMs: Nullable(Type.Integer()),
  schedule: Type.String({ description: 'The interval in words, Chinese first' }),
  nextDueAt: Nullable(Type.String({ format: 'date-time' })),
  running: Type.Boolean(),
  queued: Type.Integer({ description: 'One-off jobs waiting to run' }),
  lastRun: Nullable(RunSchema),
  failuresInRow: Type.Integer({ description: 'Failed or lost runs since the last success' }),
});
