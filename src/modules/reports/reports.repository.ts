import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { ReportKind } from './periods.js';
import type { ReportRow, ReportsTables } from './reports.tables.js';

/** Data access for `reports_reports`: the only code that reads and writes it. Each write is guarded by the state it moves from. */
export class ReportsRepository {
  readonly db: Kysely<ReportsTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<ReportsTables>;
  }

  transaction<T>(work: (trx: Kysely<ReportsTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  get(id: string, trx: Kysely<ReportsTables> = this.db): Promise<ReportRow | undefined> {
    return trx.selectFrom('reports_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async lastVersion(trx: Kysely<ReportsTables>, kind: ReportKind, period: string): Promise<number> {
    const row = await trx.selectFrom('reports_reports').select((eb) => eb.fn.max<number | string | null>('version').as('v')).where('kind', '=', kind).where('period', '=', period).executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  /** Inserts the row unless (kind, period, version) is taken; true when it was inserted. */
  async insert(trx: Kysely<ReportsTables>, row: ReportRow): Promise<boolean> {
    const result = await trx.insertInto('reports_reports').values(row).onConflict((oc) => oc.columns(['kind', 'period', 'version']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Newest first. */
  list(filter: { kind?: ReportKind; beforeId?: string }, limit: number): Promise<ReportRow[]> {
    let q = this.db.selectFrom('reports_reports').selectAll().orderBy('id', 'desc').limit(limit);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
    return q.execute();
  }

  /** queued (or a run cut short: running) → running; counts the attempt. */
  async start(id: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('reports_reports')
      .set((eb) => ({ status: 'running', progress: 5, step: '读取统计数据', started_at: eb.fn.coalesce('started_at', eb.val(now)), attempts: eb('attempts', '+', 1), error: null }))
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async progress(id: string, progress: number, step: string): Promise<void> {
    await this.db.updateTable('reports_reports').set({ progress, step }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  /** The files are stored: the row says so, in one transaction, only from running. */
  async finish(id: string, done: Pick<ReportRow, 'xlsx_key' | 'pdf_key' | 'xlsx_bytes' | 'pdf_bytes' | 'summary' | 'fingerprint' | 'finished_at'>): Promise<boolean> {
    return this.transaction(async (trx) => {
      const r = await trx.updateTable('reports_reports').set({ ...done, status: 'done', progress: 100, step: '完成', error: null }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    });
  }

  async fail(id: string, error: string, now: string): Promise<void> {
    await this.db.updateTable('reports_reports').set({ status: 'failed', step: '失败', error, finished_at: now }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
  }

  async noteError(id: string, error: string): Promise<void> {
    await this.db.updateTable('reports_reports').set({ error }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  async anyOf(kind: ReportKind, period: string): Promise<boolean> {
    const row = await this.db.selectFrom('reports_reports').select('id').where('kind', '=', kind).where('period', '=', period).limit(1).executeTakeFirst();
    return !!row;
  }
}
