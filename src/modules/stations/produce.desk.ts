import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { DeskPart } from './desk.service.js';
import { GradeStandardService, GradeStandardView } from './grade-standards.service.js';
import type { ProduceTables } from './produce.tables.js';

/** The desk's grade standards: every version in force now or scheduled, so the phone grades offline by a receipt's time. */
export const gradeStandardsDesk: DeskPart = {
  key: 'gradeStandards',
  schema: Type.Array(GradeStandardView),
  read: (c) => new GradeStandardService(c.db as unknown as Kysely<ProduceTables>, c.clock).forDesk(),
};
