import { Type } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PageQuery } from '../../kernel/http/paging.js';
import { REPORT_KINDS } from './periods.js';

export const ReportKindSchema = StringEnum(REPORT_KINDS, { description: 'month 月报 | quarter 季报 | year 年报 | self_evaluation 绩效自评 (a year)' });
export const ReportStatusSchema = StringEnum(['queued', 'running', 'done', 'failed'] as const);

export const ReportSchema = Type.Object({
  id: Type.String(),
  kind: ReportKindSchema,
  kindName: Type.String({ description: '月报, 季报, 年报, 绩效自评' }),
  period: Type.String({ description: 'YYYY-MM, YYYY-Qn or YYYY (Asia/Shanghai)' }),
  periodLabel: Type.String({ description: '2026年11月' }),
  title: Type.String(),
  version: Type.Integer({ minimum: 1, description: 'Regenerating a period makes the next version; earlier ones are kept' }),
  status: ReportStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  step: Type.String({ description: 'what the job is doing (中文)' }),
  summary: Nullable(Type.String({ description: 'the written summary, once done' })),
  files: Type.Object({ xlsxBytes: Nullable(Type.Integer()), pdfBytes: Nullable(Type.Integer()) }),
  requestedByName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  error: Nullable(Type.String()),
});

export const RequestBody = Type.Object({
  kind: ReportKindSchema,
  period: Type.String({ minLength: 4, maxLength: 7, description: 'month 2026-11, quarter 2026-Q4, year and self_evaluation 2026; not a period that has not begun' }),
});

export const ListQuery = Type.Object({ ...PageQuery.properties, kind: Type.Optional(ReportKindSchema) });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
