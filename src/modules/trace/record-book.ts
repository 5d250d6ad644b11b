import type { Application } from './interval-rule.js';
import type { RuleRecord } from './harvest-rules.js';
import { daysBetween, seasonOf, useNumber } from './interval-rule.js';
import { toPage, type PageResult } from '../../kernel/http/paging.js';
import { afterKey, cursorKey, keyOf } from '../../kernel/http/keyset.js';
import type { TraceRepository, Trx } from './trace.repository.js';
import type { RecordDetails, RecordView } from './trace.schema.js';
import type { BatchRow, RecordRow } from './trace.tables.js';

/** A record a later one corrects no longer counts; it stays in the book, marked corrected. */
export const effective = (rows: RecordRow[]) => {
  const corrected = new Set(rows.map((r) => r.corrects_id).filter(Boolean));
  return rows.filter((r) => !corrected.has(r.id));
};

export function applicationOf(row: RecordRow): Application | null {
  if (row.kind !== 'input') return null;
  const { input } = JSON.parse(row.details) as RecordDetails;
  if (!input || input.category !== 'pesticide') return null;
  return { recordId: row.id, productName: input.productName, registrationNo: input.registrationNo, appliedOn: row.occurred_on, intervalDays: input.intervalDays, maxUsesPerSeason: input.maxUsesPerSeason };
}

/** A record as the harvest rules read it. */
export function ruleRecord(row: RecordRow): RuleRecord {
  const { labTest } = JSON.parse(row.details) as RecordDetails;
  return { id: row.id, occurredOn: row.occurred_on, application: applicationOf(row), failed: row.kind === 'lab_test' && labTest ? labTest.items.filter((i) => !i.pass).map((i) => i.name) : null };
}

/** The harvest a record went into: a batch cut from its plot later in the same season. */
export const harvestOf = (harvested: Pick<BatchRow, 'plot_id' | 'harvested_on'>[], row: Pick<RecordRow, 'plot_id' | 'occurred_on'>) =>
  harvested.find((b) => b.plot_id === row.plot_id && row.occurred_on <= b.harvested_on && seasonOf(row.occurred_on) === seasonOf(b.harvested_on));

/** An input record against the harvest it went into: its interval (pesticides) and whether it was kept. */
export function inputAgainst(row: RecordRow, harvestedOn: string) {
  const input = (JSON.parse(row.details) as RecordDetails).input!;
  const intervalDays = input.category === 'pesticide' ? (input.intervalDays ?? null) : null;
  return { input, intervalDays, intervalKept: intervalDays === null || daysBetween(row.occurred_on, harvestedOn) >= intervalDays };
}

/** Reads of the append-only farm record book. */
export class RecordBook {
  constructor(private readonly repo: TraceRepository) {}

  async rows(plotIds: string[], db: Trx = this.repo.db): Promise<RecordRow[]> {
    if (plotIds.length === 0) return [];
    return db.selectFrom('trace_records').selectAll().where('plot_id', 'in', plotIds).orderBy('occurred_on').orderBy('recorded_at').execute();
  }

  /** The pesticide applications that count, per plot. */
  async applicationsOf(plotIds: string[], db: Trx = this.repo.db): Promise<Map<string, Application[]>> {
    const byPlot = new Map<string, Application[]>();
    for (const row of effective(await this.rows(plotIds, db))) {
      const application = applicationOf(row);
      if (application) byPlot.set(row.plot_id, [...(byPlot.get(row.plot_id) ?? []), application]);
    }
    return byPlot;
  }

  /** A page of a plot's book, newest first (by day, then as recorded), corrections beside what they correct. */
  async page(plotId: string, limit: number, cursor?: string): Promise<PageResult<RecordView>> {
    const key = cursorKey(cursor, 3);
    let query = this.repo.db.selectFrom('trace_records').selectAll().where('plot_id', '=', plotId).orderBy('occurred_on', 'desc').orderBy('recorded_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
    if (key) query = query.where((eb) => afterKey(eb, ['occurred_on', 'recorded_at', 'id'], key, 'desc'));
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.occurred_on, r.recorded_at, r.id));
    const ids = page.items.map((r) => r.id);
    const [corrections, applications] = await Promise.all([
      ids.length ? this.repo.db.selectFrom('trace_records').select(['id', 'corrects_id']).where('corrects_id', 'in', ids).execute() : [],
      this.applicationsOf([plotId]),
    ]);
    const correctedBy = new Map(corrections.map((r) => [r.corrects_id!, r.id]));
    return { items: page.items.map((r) => view(r, correctedBy.get(r.id) ?? null, applications.get(plotId) ?? [])), nextCursor: page.nextCursor };
  }
}

export function view(row: RecordRow, correctedBy: string | null, applications: Application[]): RecordView {
  const details = JSON.parse(row.details) as RecordDetails;
  const application = applicationOf(row);
  return {
    id: row.id,
    plotId: row.plot_id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by_name,
    note: row.note,
    corrects: row.corrects_id,
    correctedBy,
    ...(details.planting && { planting: details.planting }),
    ...(details.input && { input: { ...details.input, useNumber: application ? useNumber([...applications, ...(applications.some((a) => a.recordId === row.id) ? [] : [application])], application) : 1 } }),
    ...(details.activity && { activity: details.activity }),
    ...(details.observation && { observation: details.observation }),
    ...(details.labTest && { labTest: { ...details.labTest, passed: details.labTest.items.every((i) => i.pass) } }),
    ...(details.harvest && { harvest: details.harvest }),
    flags: JSON.parse(row.flags),
    override: row.override ? JSON.parse(row.override) : null,
    batchId: row.batch_id,
  };
}
