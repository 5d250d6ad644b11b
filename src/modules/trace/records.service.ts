import { AppError, conflict, invalidField, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { shanghaiDate, isoNow, type Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { newId } from '../../kernel/ids.js';
import { intervalBreaches, productKey, seasonOf, type Application } from './interval-rule.js';
import { applicationOf, effective, ruleRecord, view, type RecordBook } from './record-book.js';
import { harvestFindings, newFindings, type KeyedFinding } from './harvest-rules.js';
import type { HoldService } from './holds.js';
import { readableFile } from './files.service.js';
import type { BatchMaker } from './batch-maker.js';
import type { TraceRepository, Trx } from './trace.repository.js';
import type { BatchView, RecordDetails, RecordInput, RecordView, RefusalView } from './trace.schema.js';
import type { BatchRow, PlotRow, ProducerRow, RecordRow, RefusalRow } from './trace.tables.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';
import { settleSupersededHolds } from './holds.js';

/** A regulator's decision gives its reason in at least this many characters. */
export const REASON_MIN = 4;

const DETAIL_OF = { planting: 'planting', input: 'input', activity: 'activity', observation: 'observation', lab_test: 'labTest', harvest: 'harvest' } as const;

interface Flag {
  code: string;
  reason: string;
}

/**
 * Writing farm records: the details each kind needs, the interval and max-uses rules, corrections, overrides. A
 * record that puts an earlier harvest in breach holds that harvest's batches for the regulator (`HoldService`).
 */
export class RecordService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly clock: Clock,
    private readonly book: RecordBook,
    private readonly batches: BatchMaker,
    private readonly holds: HoldService,
  ) {}

  private details(input: RecordInput): RecordDetails {
    const key = DETAIL_OF[input.kind];
    const given = Object.values(DETAIL_OF).filter((k) => input[k] !== undefined);
    if (!input[key]) throw invalidField(`body.${key}`, `is required for a ${input.kind} record`);
    const extra = given.find((k) => k !== key);
    if (extra) throw invalidField(`body.${extra}`, `does not belong to a ${input.kind} record`);
    if (input.kind === 'input' && input.input!.category === 'pesticide' && input.input!.intervalDays === undefined) {
      throw invalidField('body.input.intervalDays', 'a pesticide needs its pre-harvest interval (安全间隔期) from the label');
    }
    return { [key]: input[key] };
  }

  /** Adds a record. A harvest that breaks an interval is refused (422) and kept for a regulator to review. */
  async add(ctx: RequestContext, plotId: string, input: RecordInput, origin = ''): Promise<{ record: RecordView; batch: BatchView | null }> {
    const { viewer, plot, producer } = await this.access.keptPlot(ctx, plotId);
    const details = this.details(input);
    if (input.occurredOn > shanghaiDate(this.clock.now())) throw invalidField('body.occurredOn', 'is in the future');
    const harvest = input.kind === 'harvest';
    const report = input.labTest?.reportFileId;
    if (report && !(await readableFile(this.repo, this.access, ctx, report))) throw invalidField('body.labTest.reportFileId', 'no such file; upload the report first');
    const refused = await this.repo.db.transaction().execute(async (trx) => {
      const rows = await this.book.rows([plot.id], trx);
      if (input.corrects) this.checkCorrection(rows, input);
      const counting = effective(rows).filter((r) => r.id !== input.corrects);
      const applications = counting.map(applicationOf).filter((a): a is Application => !!a);
      if (harvest) {
        const breaches = intervalBreaches(applications, input.occurredOn);
        if (breaches.length) return this.refuse(trx, ctx, viewer.displayName, plot, input, breaches);
      }
      const row = this.row(ctx, viewer.displayName, plot.id, input, details, this.flags(input, applications));
      const breached = harvest ? [] : await this.breachedHarvests(trx, plot, rows, row);
      const late = breached.flatMap((b) => b.found.filter((f) => f.code === 'INTERVAL_NOT_KEPT' && f.recordId === row.id).map(() => b.harvest.harvested_on));
      if (late.length) row.flags = JSON.stringify([...(JSON.parse(row.flags) as Flag[]), { code: 'INTERVAL_NOT_KEPT', reason: `applied inside its pre-harvest interval before the harvest of ${[...new Set(late)].sort().join(', ')}` }]);
      await trx.insertInto('trace_records').values(row).execute();
      let batch = harvest ? await this.batches.fromHarvest(trx, { producer, plot, record: row, overridden: false }) : null;
      if (batch) batch = await this.holdIfBroken(trx, ctx, plot, [...rows, row], row, batch);
      for (const b of breached) await this.holds.hold(trx, ctx, { plot, harvest: b.harvest, trigger: row, found: b.found });
      await this.repo.bump(trx);
      await settleSupersededHolds(trx, this.ports.stock);
      await recordAudit(trx, ctx, { action: input.corrects ? 'farm_record.corrected' : 'farm_record.added', entityType: 'trace_record', entityId: row.id, details: { plotId: plot.id, kind: row.kind, occurredOn: row.occurred_on, corrects: row.corrects_id } });
      return { row: batch ? { ...row, batch_id: batch.id } : row, batch };
    });
    if ('refusal' in refused) {
      const { refusal } = refused;
      const list = refusal.breaches.map((b) => `${b.productName} applied ${b.appliedOn}, interval ${b.intervalDays} days, harvest from ${b.earliestOn}`).join('; ');
      throw new AppError(422, 'HARVEST_INTERVAL_NOT_KEPT', `body.occurredOn: harvest refused, the pre-harvest interval is not kept (${list}); a regulator may review it`, { field: 'body.occurredOn', refusalId: refusal.id, breaches: refusal.breaches });
    }
    const applications = (await this.book.applicationsOf([plot.id])).get(plot.id) ?? [];
    return { record: view(refused.row, null, applications), batch: refused.batch ? await this.batches.view(refused.batch, origin) : null };
  }

  /** The plot's earlier harvests that the new record puts in breach of a rule they kept before, with what it adds. */
  private async breachedHarvests(trx: Trx, plot: PlotRow, rows: RecordRow[], row: RecordRow): Promise<{ harvest: BatchRow; found: KeyedFinding[] }[]> {
    const harvests = await trx.selectFrom('trace_batches').selectAll().where('plot_id', '=', plot.id).where('origin', '=', 'harvest').where('harvested_on', '>=', row.occurred_on).orderBy('harvested_on').execute();
    if (harvests.length === 0) return [];
    const without = effective(rows).map(ruleRecord);
    const withIt = effective([...rows, row]).map(ruleRecord);
    return harvests.map((harvest) => ({ harvest, found: newFindings(without, withIt, harvest.harvested_on) })).filter((b) => b.found.length > 0);
  }

  /**
   * A harvest made while the season's book already breaks a rule other than the interval (which refuses it): a
   * use over the label, a failed lab test. The batch is made, held from sale, and queued for the regulator.
   */
  private async holdIfBroken(trx: Trx, ctx: RequestContext, plot: PlotRow, rows: RecordRow[], harvestRow: RecordRow, batch: BatchRow): Promise<BatchRow> {
    const found = harvestFindings(effective(rows).map(ruleRecord), harvestRow.occurred_on).filter((f) => f.code !== 'INTERVAL_NOT_KEPT');
    if (found.length === 0) return batch;
    await this.holds.hold(trx, ctx, { plot, harvest: batch, trigger: harvestRow, found });
    return this.repo.batch(batch.id, trx);
  }

  private checkCorrection(rows: RecordRow[], input: RecordInput) {
    const original = rows.find((r) => r.id === input.corrects);
    if (!original) throw invalidField('body.corrects', 'no such record on this plot');
    if (rows.some((r) => r.corrects_id === original.id)) throw conflict('ALREADY_CORRECTED', 'body.corrects: this record was corrected already; correct the correction', { field: 'body.corrects' });
    if (original.kind !== input.kind) throw invalidField('body.kind', `a correction keeps the kind of the record it corrects (${original.kind})`);
    if (original.kind === 'harvest') throw invalidField('body.corrects', 'a harvest made a batch: split or adjust the batch instead of correcting the harvest');
  }

  private flags(input: RecordInput, applications: Application[]): Flag[] {
    const flags: Flag[] = [];
    const applied = input.input;
    if (input.kind === 'input' && applied?.category === 'pesticide' && applied.maxUsesPerSeason !== undefined) {
      const key = productKey(applied);
      const uses = applications.filter((a) => productKey(a) === key && seasonOf(a.appliedOn) === seasonOf(input.occurredOn)).length + 1;
      if (uses > applied.maxUsesPerSeason) flags.push({ code: 'MAX_USES_EXCEEDED', reason: `${applied.productName}: use ${uses} this season; the label allows ${applied.maxUsesPerSeason}` });
    }
    if (input.kind === 'lab_test' && input.labTest!.items.some((i) => !i.pass)) {
      flags.push({ code: 'LAB_TEST_FAILED', reason: `failed: ${input.labTest!.items.filter((i) => !i.pass).map((i) => i.name).join(', ')}` });
    }
    return flags;
  }

  private row(ctx: RequestContext, byName: string, plotId: string, input: RecordInput, details: RecordDetails, flags: Flag[], override: RecordRow['override'] = null): RecordRow {
    return {
      id: newId('rec'),
      plot_id: plotId,
      kind: input.kind,
      occurred_on: input.occurredOn,
      recorded_at: isoNow(this.clock),
      recorded_by: ctx.principal!.userId,
      recorded_by_name: byName,
      note: input.note?.trim() || null,
      corrects_id: input.corrects ?? null,
      details: JSON.stringify(details),
      flags: JSON.stringify(flags),
      override,
      batch_id: null,
      is_demo: 0,
    };
  }

  private async refuse(trx: Trx, ctx: RequestContext, byName: string, plot: PlotRow, input: RecordInput, breaches: RefusalView['breaches']) {
    const refusal: RefusalRow = {
      id: newId('rfs'),
      kind: 'harvest',
      plot_id: plot.id,
      occurred_on: input.occurredOn,
      quantity: input.harvest!.quantity,
      unit: input.harvest!.unit,
      note: input.note?.trim() || null,
      breaches: JSON.stringify(breaches),
      findings: JSON.stringify(breaches.map((b) => ({ code: 'INTERVAL_NOT_KEPT', recordId: b.recordId, occurredOn: b.appliedOn, text: `${b.productName} applied ${b.appliedOn} with a ${b.intervalDays}-day interval; harvest allowed from ${b.earliestOn}` }))),
      attempted_by: ctx.principal!.userId,
      attempted_by_name: byName,
      attempted_at: isoNow(this.clock),
      override_by: null,
      override_reason: null,
      override_at: null,
      record_id: null,
      batch_id: null,
      decision: null,
      is_demo: 0,
    };
    await trx.insertInto('trace_refusals').values(refusal).execute();
    await recordAudit(trx, ctx, { action: 'harvest.refused', entityType: 'trace_refusal', entityId: refusal.id, details: { plotId: plot.id, occurredOn: input.occurredOn, breaches } });
    return { refusal: { id: refusal.id, breaches } };
  }

  // ---- regulators ----

  /** A regulator lets a refused harvest through; the reason stays on the harvest record and the batch is marked. */
  async override(ctx: RequestContext, refusalId: string, reason: string, origin = ''): Promise<{ record: RecordView; batch: BatchView }> {
    const principal = requireRole(ctx, 'regulator');
    if (reason.trim().length < REASON_MIN) throw invalidField('body.reason', `give the reason for the decision (at least ${REASON_MIN} characters)`);
    const done = await this.repo.db.transaction().execute(async (trx) => {
      const refusal = await trx.selectFrom('trace_refusals').selectAll().where('id', '=', refusalId).executeTakeFirst();
      if (!refusal) throw notFound('Refusal');
      if (refusal.kind !== 'harvest') throw conflict('NOT_A_HARVEST', 'This review holds batches from sale; decide it with /decision');
      if (refusal.decision) throw conflict('ALREADY_DECIDED', `The regulator has decided this already (${refusal.decision})`);
      const plot = await trx.selectFrom('trace_plots').selectAll().where('id', '=', refusal.plot_id).executeTakeFirstOrThrow();
      const producer = (await this.repo.producer(plot.producer_id, trx)) as ProducerRow;
      const at = isoNow(this.clock);
      const input: RecordInput = { kind: 'harvest', occurredOn: refusal.occurred_on, note: refusal.note ?? undefined, harvest: { quantity: refusal.quantity, unit: refusal.unit as 'kg' } };
      const overrideNote = JSON.stringify({ by: principal.displayName, reason: reason.trim(), at });
      const flags: Flag[] = [{ code: 'INTERVAL_OVERRIDDEN', reason: `interval not kept; allowed by ${principal.displayName}: ${reason.trim()}` }];
      const row = { ...this.row(ctx, refusal.attempted_by_name, plot.id, input, { harvest: input.harvest }, flags, overrideNote), recorded_by: refusal.attempted_by };
      await trx.insertInto('trace_records').values(row).execute();
      const made = await this.batches.fromHarvest(trx, { producer, plot, record: row, overridden: true });
      const result = await trx.updateTable('trace_refusals').set({ decision: 'released', override_by: principal.displayName, override_reason: reason.trim(), override_at: at, record_id: row.id }).where('id', '=', refusal.id).where('decision', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict('ALREADY_DECIDED', 'The regulator has decided this already');
      const batch = await this.holdIfBroken(trx, ctx, plot, [...(await this.book.rows([plot.id], trx))], row, made);
      await this.repo.bump(trx);
      await settleSupersededHolds(trx, this.ports.stock);
      await recordAudit(trx, ctx, { action: 'harvest.overridden', entityType: 'trace_refusal', entityId: refusal.id, details: { reason: reason.trim(), recordId: row.id, batchId: batch.id } });
      return { row: { ...row, batch_id: batch.id }, batch };
    });
    return { record: view(done.row, null, []), batch: await this.batches.view(done.batch, origin) };
  }
}
