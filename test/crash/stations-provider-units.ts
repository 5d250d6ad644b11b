/**
 * The fixture and the submitter the stations provider kill test (stations-provider-kill.test.ts) and its child
 * share: RECORDS convenience records (bills, every fifth with an account the provider refuses), each with its pending
 * submission, as the records batch leaves them.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../src/kernel/clock.js';
import type { AnyKysely } from '../../src/kernel/db.js';
import { EventBus } from '../../src/kernel/events/index.js';
import { createSealer, type Sealer } from '../../src/kernel/sealed.js';
import { LocalProvider, ProviderSubmitter, type ServiceProvider, type SubmitRequest } from '../../src/modules/stations/index.js';

export const RECORDS = 40;
export const START = '2026-12-08T02:00:00.000Z';
/** Past the job's five-minute lease (and so past every submission's two-minute hold). */
export const AFTER_LEASE = '2026-12-08T02:05:00.001Z';
export const SITE = 'site_ld3_530621110205';

export const recordId = (i: number) => `srec_kill${String(i).padStart(4, '0')}`;
export const refusedByProvider = (i: number) => i % 5 === 0;

export const sealerOf = (key: string): Sealer => createSealer(Buffer.from(key, 'base64'));

export async function createRecords(anyDb: AnyKysely, sealer: Sealer): Promise<void> {
  const db = anyDb as Kysely<Record<string, Record<string, unknown>>>;
  const at = '2026-12-08T01:00:00.000Z';
  for (let i = 1; i <= RECORDS; i += 1) {
    const request: SubmitRequest = { recordId: recordId(i), providerId: 'yn_power', kind: 'bill', service: 'electricity', accountNo: refusedByProvider(i) ? '12345' : `53062${String(10000 + i)}`, amountFen: 1000 + i, feeFen: 0, customerName: `村民${i}` };
    await db
      .insertInto('stations_records')
      .values({ id: recordId(i), site_id: SITE, township_code: '530621110', village_code: '530621110205', day: '2026-12-08', type: 'bill.pay', service: 'bill', client_id: `kill-bill-${i}`, receipt_code: null, at, recorded_at: at, recorded_by: 'usr_test', recorded_by_name: '乐红村服务点', customer_id: null, amount_fen: 1000 + i, fee_fen: 0, cash_in_fen: 1000 + i, cash_out_fen: 0, details: JSON.stringify({ kind: 'bill', providerId: 'yn_power', providerStatus: 'pending', providerRef: null, providerMessage: null }), summary: `电费 · 国网云南电力`, note: null, voided_by: null, void_reason: null, poor: 0 })
      .execute();
    await db
      .insertInto('stations_service_submissions')
      .values({ record_id: recordId(i), site_id: SITE, provider_id: 'yn_power', kind: 'bill', service: 'electricity', request_sealed: sealer.seal(JSON.stringify(request)), status: 'pending', attempts: 0, next_attempt_at: at, lease_until: null, provider_ref: null, message: null, last_error: null, created_at: at, finished_at: null })
      .execute();
  }
}

/** The job's submitter over the local provider, or over `wrap(local)` (the child stops inside it). */
export function submitter(db: AnyKysely, sealer: Sealer, clock: Clock, wrap: (p: ServiceProvider) => ServiceProvider = (p) => p): ProviderSubmitter {
  // The bus only writes the outbox here (the refusals' events); its dialect is not read to publish.
  return new ProviderSubmitter(db, wrap(new LocalProvider(db, clock)), sealer, clock, new EventBus({ db, dialect: 'sqlite', clock }));
}
