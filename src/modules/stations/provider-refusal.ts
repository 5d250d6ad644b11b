import type { AnyKysely } from '../../kernel/db.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { ServiceVoided, type ServiceKind } from './events.js';
import { refusal } from './handlers/types.js';
import type { ServicesDb } from './services.tables.js';
import type { RecordRow } from './stations.tables.js';
import { tallyRecord } from './tallies.js';

/**
 * A convenience record its provider refused stops counting as a service, in the transaction that stores the refusal:
 * its tallies are taken back as a void takes them back, and `stations.service-voided` tells statistics (so 站点服务人次
 * drops by one). Its cash stays in its day's till — the money is in the drawer — until a `provider.refund` hands it
 * back, or a same-day void takes the record out of the till (then without counting it off a second time).
 */
export async function stopCountingRefused(trx: AnyKysely, events: EventPublisher, record: RecordRow): Promise<void> {
  if (record.voided_by) return;
  await tallyRecord(trx, record, -1);
  if (!record.service) return;
  await events.publish(trx, ServiceVoided, record.id, {
    recordId: record.id,
    // No void record: the provider's refusal withdrew it, so the record names itself.
    voidRecordId: record.id,
    siteId: record.site_id,
    townshipCode: record.township_code,
    villageCode: record.village_code,
    day: record.day,
    service: record.service as ServiceKind,
    amountFen: Number(record.amount_fen),
    feeFen: Number(record.fee_fen),
    customerId: record.customer_id,
    poor: Number(record.poor) === 1,
  });
}

/**
 * What a void does to a convenience record's submission once the provider has answered. A refused one is settled by
 * the void (status `voided`, in one conditional statement, so a refund at the same moment loses): it no longer
 * counted, so the void takes back its cash only ('uncounted'). A refunded one cannot be voided as well; one the job
 * holds or the provider accepted cannot be voided at all (the provider has the money).
 */
export async function voidAnswered(db: ServicesDb, recordId: string): Promise<'uncounted' | undefined> {
  const settled = await db.updateTable('stations_service_submissions').set({ status: 'voided' }).where('record_id', '=', recordId).where('status', '=', 'refused').executeTakeFirst();
  if (Number(settled.numUpdatedRows) > 0) return 'uncounted';
  const submission = await db.selectFrom('stations_service_submissions').select('status').where('record_id', '=', recordId).executeTakeFirst();
  if (!submission || submission.status === 'cancelled') return undefined;
  if (submission.status === 'refunded') throw refusal('ALREADY_REFUNDED', '这笔业务已经退款，不能再撤销');
  throw refusal('ALREADY_SUBMITTED', '已提交服务商，不能作废', { providerStatus: submission.status });
}
