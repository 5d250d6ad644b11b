import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../../kernel/audit.js';
import { isoNow, type Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { AppError, conflict, invalidField } from '../../kernel/errors.js';
import { pageOf, type PageResult } from '../../kernel/http/paging.js';
import { Nullable } from '../../kernel/http/schema.js';
import { standardInForce, standardProblems, type Grade, type GradeStandard } from './grading.js';
import { filledText } from './typed-text.js';
import type { GradeStandardRow, ProduceTables } from './produce.tables.js';

/** Who reads the standards: the stations' operators (they grade with them) and the county's staff. */
export const STANDARD_READERS = ['county_admin', 'regulator', 'township_operator', 'village_operator'] as const;

const Key = (description: string) => Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z][A-Za-z0-9_]*$', description });
const Label = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Fen = Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'fen per kg' });

export const CriterionSchema = Type.Object({
  key: Key('the measurement’s key, the same in every grade (moisture, diameter …)'),
  label: Label(20),
  unit: Type.String({ minLength: 1, maxLength: 8, description: '%, mm, g …' }),
  min: Type.Optional(Type.Number({ minimum: -1_000_000, maximum: 1_000_000, description: 'inclusive lower limit' })),
  max: Type.Optional(Type.Number({ minimum: -1_000_000, maximum: 1_000_000, description: 'inclusive upper limit' })),
});
export const GradeSchema = Type.Object({
  key: Key('the grade’s key (special, first …; "off" is 等外)'),
  name: Label(10),
  priceFenPerKg: Fen,
  criteria: Type.Array(CriterionSchema, { minItems: 1, maxItems: 10 }),
});

export const GradeStandardInput = Type.Object({
  name: Label(20),
  grades: Type.Array(GradeSchema, { minItems: 1, maxItems: 10, description: 'best first' }),
  offGradePriceFenPerKg: Nullable(Type.Integer({ minimum: 1, maximum: 10_000_000 }), { description: '等外 price per kg, or null when off-grade produce is not bought' }),
  validFrom: Type.Optional(Type.String({ format: 'date-time', description: 'when receipts start being graded with it (default now; never earlier)' })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
export type GradeStandardInput = Static<typeof GradeStandardInput>;

export const STANDARD_STATUSES = ['in_force', 'scheduled', 'superseded'] as const;

export const GradeStandardView = Type.Object({
  id: Type.String(),
  produce: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  validFrom: Type.String({ format: 'date-time' }),
  status: Type.Unsafe<(typeof STANDARD_STATUSES)[number]>({ type: 'string', enum: [...STANDARD_STATUSES], description: 'in_force now, scheduled (validFrom later), superseded' }),
  grades: Type.Array(GradeSchema),
  offGradePriceFenPerKg: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  createdByName: Type.String(),
});
export type GradeStandardView = Static<typeof GradeStandardView>;

export const standardOf = (row: GradeStandardRow): GradeStandard => ({
  produce: row.produce,
  name: row.name,
  version: Number(row.version),
  validFrom: row.valid_from,
  grades: JSON.parse(row.grades) as Grade[],
  offGradePriceFenPerKg: row.off_grade_price_fen_per_kg === null ? null : Number(row.off_grade_price_fen_per_kg),
});

/**
 * The standard a receipt of `produce` made at `at` is graded with (read in the record's transaction): the version
 * the phone says it used, when that version had started by `at` (a phone offline since before a change grades as it
 * told the villager), else the version in force at `at`. Null when there is none (or the named version is unknown
 * or had not started).
 */
export async function receiptStandard(db: Kysely<ProduceTables>, produce: string, at: string, version?: number): Promise<GradeStandard | null> {
  const standards = (await db.selectFrom('stations_grade_standards').selectAll().where('produce', '=', produce).execute()).map(standardOf);
  if (version !== undefined) {
    const named = standards.find((s) => s.version === version);
    return named && Date.parse(named.validFrom) <= Date.parse(at) ? named : null;
  }
  return standardInForce(standards, produce, at);
}

/**
 * 分级标准 Grade standards as data: every change a county admin saves is a new version with its `validFrom`; a
 * receipt is graded with the version in force at its `at` (or the one the phone used, when it says so).
 */
export class GradeStandardService {
  constructor(
    private readonly db: Kysely<ProduceTables>,
    private readonly clock: Clock,
  ) {}

  private async rows(produce?: string): Promise<GradeStandardRow[]> {
    let q = this.db.selectFrom('stations_grade_standards').selectAll();
    if (produce) q = q.where('produce', '=', produce);
    return q.orderBy('produce').orderBy('version').execute();
  }

  private views(rows: GradeStandardRow[], now: string): GradeStandardView[] {
    const standards = rows.map(standardOf);
    const current = new Set([...new Set(rows.map((r) => r.produce))].map((p) => standardInForce(standards, p, now)).filter((s) => s !== null).map((s) => `${s.produce}:${s.version}`));
    return rows.map((row, i) => {
      const s = standards[i];
      const status = current.has(`${s.produce}:${s.version}`) ? 'in_force' : Date.parse(s.validFrom) > Date.parse(now) ? 'scheduled' : 'superseded';
      return { id: row.id, produce: s.produce, name: s.name, version: s.version, validFrom: s.validFrom, status, grades: s.grades, offGradePriceFenPerKg: s.offGradePriceFenPerKg, note: row.note, createdAt: row.created_at, createdByName: row.created_by_name };
    });
  }

  /** The standards in force now and those scheduled later (all versions with `history`), by produce and version. */
  async list(ctx: RequestContext, filter: { produce?: string; history?: boolean }, limit: number, cursor: string | undefined): Promise<PageResult<GradeStandardView>> {
    requireRole(ctx, ...STANDARD_READERS);
    const views = this.views(await this.rows(filter.produce), isoNow(this.clock)).filter((v) => filter.history || v.status !== 'superseded');
    return pageOf(views, limit, cursor, (v) => `${v.produce}:${String(v.version).padStart(6, '0')}`);
  }

  /** What the phone keeps to grade offline: every version in force now or scheduled (it picks by the receipt's time). */
  async forDesk(): Promise<GradeStandardView[]> {
    return this.views(await this.rows(), isoNow(this.clock)).filter((v) => v.status !== 'superseded');
  }

  /** A county admin saves a new version of a produce's standard (a produce not seen before starts at version 1). */
  async save(ctx: RequestContext, produce: string, input: GradeStandardInput): Promise<GradeStandardView> {
    const principal = requireRole(ctx, 'county_admin');
    const now = isoNow(this.clock);
    const validFrom = input.validFrom ? new Date(input.validFrom).toISOString() : now;
    if (validFrom < now) throw invalidField('body.validFrom', '不能早于现在：已开出的收购单按当时的标准定价 (a standard cannot start in the past)');
    const problems = standardProblems(input);
    if (problems.length) throw new AppError(400, 'VALIDATION_FAILED', `body.${problems[0].field}: ${problems[0].message}`, { field: `body.${problems[0].field}`, problems: problems.map((p) => ({ ...p, field: `body.${p.field}` })) });
    const name = filledText(input.name, 'body.name');
    const grades: Grade[] = input.grades.map((g) => ({ key: g.key, name: g.name.trim(), priceFenPerKg: g.priceFenPerKg, criteria: g.criteria.map((c) => ({ key: c.key, label: c.label.trim(), unit: c.unit.trim(), ...(c.min !== undefined && { min: c.min }), ...(c.max !== undefined && { max: c.max }) })) }));
    try {
      const row = await this.db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('stations_grade_standards').select((eb) => eb.fn.max('version').as('v')).where('produce', '=', produce).executeTakeFirst();
        const version = Number(last?.v ?? 0) + 1;
        const row: GradeStandardRow = {
          id: `gst_${produce}_${version}`,
          produce,
          version,
          name,
          valid_from: validFrom,
          grades: JSON.stringify(grades),
          off_grade_price_fen_per_kg: input.offGradePriceFenPerKg,
          note: input.note?.trim() || null,
          created_at: now,
          created_by_name: principal.displayName,
        };
        await trx.insertInto('stations_grade_standards').values(row).execute();
        await recordAudit(trx, ctx, { action: 'grade_standard.saved', entityType: 'stations_grade_standard', entityId: row.id, details: { produce, version, validFrom, prices: grades.map((g) => [g.name, g.priceFenPerKg]), offGradePriceFenPerKg: input.offGradePriceFenPerKg } });
        return row;
      });
      return this.views([...(await this.rows(produce))], now).find((v) => v.id === row.id)!;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('STANDARD_CHANGED', '另一位管理员刚保存了这项标准，请刷新后再试 (someone saved this standard a moment ago)');
      throw err;
    }
  }
}
