import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../../kernel/audit.js';
import { isoNow, type Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { conflict, forbidden, notFound } from '../../kernel/errors.js';
import { mayRecordAt, sees, sightOf } from './access.js';
import type { PurchaseDetails } from './handlers/purchase.js';
import type { StationPlaces } from './ports.js';
import type { StationTrace } from './produce.ports.js';
import type { ProduceTables, ReceiptBatchRow } from './produce.tables.js';
import type { StationsTables } from './stations.tables.js';

/** A claim older than this whose batch never got written (its process died) may be taken over. */
const CLAIM_STALE_MS = 2 * 60_000;

export const TraceBatchInput = Type.Object({
  producerId: Type.String({ minLength: 1, maxLength: 64, description: 'the trace producer the villager is' }),
  plotId: Type.String({ minLength: 1, maxLength: 64, description: 'the producer’s plot the produce was harvested from' }),
});
export type TraceBatchInput = Static<typeof TraceBatchInput>;

export const TraceBatchView = Type.Object({
  recordId: Type.String(),
  batchId: Type.String(),
  batchCode: Type.String({ description: '追溯码 the batch’s trace code' }),
  producerId: Type.String(),
  plotId: Type.String(),
  madeAt: Type.String({ format: 'date-time' }),
  madeByName: Type.String(),
});
export type TraceBatchView = Static<typeof TraceBatchView>;

const view = (row: ReceiptBatchRow): TraceBatchView => ({ recordId: row.record_id, batchId: row.batch_id!, batchCode: row.batch_code!, producerId: row.producer_id, plotId: row.plot_id, madeAt: row.made_at!, madeByName: row.made_by_name });

/**
 * 收购单转追溯批次 A purchase receipt made into a traceability batch, once: the receipt's site operator or the
 * county asks; the harvest goes through trace (its rules decide); the receipt's details then show the batch code.
 * The receipt is claimed first (one row per record), so two asking at once make one batch.
 */
export class TraceBatchService {
  constructor(
    private readonly db: Kysely<ProduceTables & StationsTables>,
    private readonly places: StationPlaces,
    private readonly trace: StationTrace,
    private readonly clock: Clock,
  ) {}

  async make(ctx: RequestContext, recordId: string, input: TraceBatchInput): Promise<{ created: boolean; batch: TraceBatchView }> {
    const principal = requireRole(ctx, 'county_admin', 'township_operator', 'village_operator');
    const record = await this.db.selectFrom('stations_records').selectAll().where('id', '=', recordId).executeTakeFirst();
    const site = record ? await this.places.site(record.site_id) : null;
    if (!record) throw notFound('Record');
    if (!hasRole(ctx, 'county_admin')) {
      const sight = await sightOf(ctx, this.places);
      if (!sees(sight, { id: record.site_id, townshipCode: record.township_code })) throw notFound('Record');
      if (!site || !mayRecordAt(ctx, site)) throw forbidden('只有开单站点的操作员或县级管理员可以把收购单转为追溯批次');
    }
    if (record.type !== 'purchase.receipt') throw conflict('NOT_A_PURCHASE_RECEIPT', '只有收购单可以转为追溯批次 (only a purchase receipt becomes a batch)');

    const now = isoNow(this.clock);
    const claimed = await this.claim(record.id, record.site_id, input, principal.displayName, now, !!record.voided_by);
    if ('done' in claimed) return { created: false, batch: view(claimed.done) };
    // A claim taken over goes on with the plot its first maker chose: trace may already hold that harvest.
    const { producerId, plotId } = claimed.target;

    const details = JSON.parse(record.details) as PurchaseDetails;
    let made: { batchId: string; code: string };
    try {
      made = await this.trace.harvestBatch(ctx, {
        producerId,
        plotId,
        produce: details.produce,
        produceName: details.produceName,
        occurredOn: record.day,
        quantityKg: details.netG / 1000,
        note: `${site?.name ?? ''}收购：${record.summary}（站点记录 ${record.id}）`,
        recordId: record.id,
      });
    } catch (err) {
      await this.db.deleteFrom('stations_receipt_batches').where('record_id', '=', record.id).where('batch_id', 'is', null).where('claimed_at', '=', now).execute();
      throw err;
    }
    const row = await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('stations_receipt_batches').set({ batch_id: made.batchId, batch_code: made.code, made_at: isoNow(this.clock), made_by_name: principal.displayName }).where('record_id', '=', record.id).execute();
      const current = await trx.selectFrom('stations_records').select('details').where('id', '=', record.id).executeTakeFirstOrThrow();
      const next = { ...(JSON.parse(current.details) as PurchaseDetails), traceBatch: { id: made.batchId, code: made.code } };
      await trx.updateTable('stations_records').set({ details: JSON.stringify(next) }).where('id', '=', record.id).execute();
      await recordAudit(trx, ctx, { action: 'purchase_receipt.trace_batch', entityType: 'stations_record', entityId: record.id, details: { batchId: made.batchId, batchCode: made.code, producerId, plotId } });
      return trx.selectFrom('stations_receipt_batches').selectAll().where('record_id', '=', record.id).executeTakeFirstOrThrow();
    });
    return { created: true, batch: view(row) };
  }

  /** The receipt's batch already made, or this caller's claim to make it (409 while another is making it). */
  private async claim(recordId: string, siteId: string, input: TraceBatchInput, byName: string, now: string, voided: boolean): Promise<{ done: ReceiptBatchRow } | { target: TraceBatchInput }> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.db.selectFrom('stations_receipt_batches').selectAll().where('record_id', '=', recordId).executeTakeFirst();
      if (existing?.batch_id) return { done: existing };
      if (voided) throw conflict('RECORD_VOIDED', '这张收购单已作废，不能转为追溯批次');
      if (existing) {
        if (Date.parse(existing.claimed_at) + CLAIM_STALE_MS > Date.parse(now)) throw conflict('TRACE_BATCH_IN_PROGRESS', '这张收购单正在转为追溯批次，请稍后刷新');
        // Its maker died between trace and here: take it over on the same plot (the flow finds a harvest already made there by its note).
        const taken = await this.db.updateTable('stations_receipt_batches').set({ claimed_at: now, made_by_name: byName }).where('record_id', '=', recordId).where('claimed_at', '=', existing.claimed_at).where('batch_id', 'is', null).executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 1) return { target: { producerId: existing.producer_id, plotId: existing.plot_id } };
        continue;
      }
      try {
        await this.db.insertInto('stations_receipt_batches').values({ record_id: recordId, site_id: siteId, producer_id: input.producerId, plot_id: input.plotId, claimed_at: now, batch_id: null, batch_code: null, made_at: null, made_by_name: byName }).execute();
        return { target: input };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw conflict('TRACE_BATCH_IN_PROGRESS', '这张收购单正在转为追溯批次，请稍后刷新');
  }
}
