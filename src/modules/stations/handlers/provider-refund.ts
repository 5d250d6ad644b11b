import { Type } from 'typebox';
import type { ServicesDb } from '../services.tables.js';
import type { RecordRow } from '../stations.tables.js';
import { refusal, yuan, type RecordHandler, type StationsTrx } from './types.js';

/** What a refused record's details say of its refund (the phone hides 退款 once it is there). */
export interface RefundMark {
  clientId: string;
  recordId: string;
  day: string;
}

async function markTarget(trx: StationsTrx, target: Pick<RecordRow, 'id'>, refund: RefundMark | null): Promise<void> {
  const row = await trx.selectFrom('stations_records').select('details').where('id', '=', target.id).executeTakeFirstOrThrow();
  const { refund: _previous, ...details } = JSON.parse(row.details) as Record<string, unknown>;
  await trx
    .updateTable('stations_records')
    .set({ details: JSON.stringify(refund ? { ...details, refund } : details) })
    .where('id', '=', target.id)
    .execute();
}

/** Why a record cannot be refunded, read after the one-statement take failed. */
async function whyNot(db: ServicesDb, target: RecordRow): Promise<Error> {
  const submission = await db.selectFrom('stations_service_submissions').select('status').where('record_id', '=', target.id).executeTakeFirst();
  if (!submission) return refusal('NOT_REFUNDABLE', '只有服务商拒绝的便民业务才能退款');
  if (submission.status === 'refunded') return refusal('ALREADY_REFUNDED', '这笔业务已经退过款了');
  if (submission.status === 'voided' || submission.status === 'cancelled' || target.voided_by) return refusal('ALREADY_VOIDED', '这条记录已经撤销，钱已从当天的账里退回');
  return refusal('NOT_REFUSED', '服务商没有拒绝这笔业务，不能退款', { providerStatus: submission.status });
}

/**
 * 退款 Hands back what was collected for a convenience record its provider refused, on any later open day of its own
 * site (or the same day): cash out = the cash it took in (a refused 助农取款 takes its cash back in). Once per record,
 * and never beside a void of it: the submission moves `refused` → `refunded` in one conditional statement, so a second
 * refund or a void at the same moment loses. Not a service; the refused record stopped counting when it was refused.
 * Voided (the same day), the refund gives the record back its wait for one.
 */
export const providerRefund: RecordHandler<{ targetClientId: string }> = {
  type: 'provider.refund',
  schema: Type.Object({
    targetClientId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'the clientId of the bill, ticket, withdrawal or loan referral its provider refused (this site)' }),
  }),
  service: null,
  async apply(trx, c, input) {
    const target = await c.clientRef('*', input.targetClientId);
    if (!target) throw refusal('UNKNOWN_REFERENCE', '要退款的记录不存在（可能尚未上传）');
    if (target.day > c.day) throw refusal('REFUND_BEFORE_RECORD', '退款不能早于原记录');
    const db = trx as unknown as ServicesDb;
    const taken = await db.updateTable('stations_service_submissions').set({ status: 'refunded' }).where('record_id', '=', target.id).where('status', '=', 'refused').executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) throw await whyNot(db, target);
    await markTarget(trx, target, { clientId: c.clientId, recordId: c.recordId, day: c.day });
    const back = Number(target.cash_in_fen);
    const takenBack = Number(target.cash_out_fen);
    const word = takenBack > 0 ? '收回' : '退款';
    const targetDetails = JSON.parse(target.details) as { providerMessage?: string | null };
    return {
      amountFen: 0,
      feeFen: 0,
      cashInFen: takenBack,
      cashOutFen: back,
      details: { targetRecordId: target.id, targetClientId: target.client_id, targetDay: target.day, targetSummary: target.summary, providerMessage: targetDetails.providerMessage ?? null, refundFen: back, takenBackFen: takenBack },
      summary: `${word} · ${target.summary} · ${yuan(back || takenBack)}`,
      customer: target.customer_id ? { id: target.customer_id, poor: target.poor === 1 } : null,
    };
  },
  async onVoid(trx, _c, refund) {
    const { targetRecordId } = JSON.parse(refund.details) as { targetRecordId: string };
    await (trx as unknown as ServicesDb).updateTable('stations_service_submissions').set({ status: 'refused' }).where('record_id', '=', targetRecordId).where('status', '=', 'refunded').execute();
    await markTarget(trx, { id: targetRecordId }, null);
  },
};
