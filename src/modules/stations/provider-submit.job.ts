import type { Clock } from '../../kernel/clock.js';
import type { AnyKysely } from '../../kernel/db.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { defineJob, type JobDef } from '../../kernel/jobs/index.js';
import type { Sealer } from '../../kernel/sealed.js';
import type { ServiceProvider, SubmitAnswer, SubmitRequest } from './providers/provider.js';
import { stopCountingRefused } from './provider-refusal.js';
import type { ServicesDb, SubmissionRow } from './services.tables.js';

export const PROVIDER_SUBMIT_JOB = 'stations.provider-submit';
/** How long a run holds one submission: the provider's call and some slack; after it, another run takes it again. */
export const SUBMISSION_HOLD_MS = 2 * 60_000;
/** Submissions one run takes at most (the next run, a minute later, goes on). */
const BATCH = 200;
/** A provider that could not be reached is asked again after 1 minute, doubling to an hour. */
const retryWaitMs = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/**
 * Submits the convenience records' pending submissions to their provider (`stations.provider-submit`, every
 * minute). Each is claimed first (pending → submitting, guarded by its state and attempt count, with a hold), then
 * submitted, then its answer stored with the record's details in one transaction (guarded the same way). A run that
 * dies after the provider answered leaves it `submitting` until the hold runs out; the next run submits it again
 * under the same record id, and the provider — idempotent by record id — makes no second submission and gives the
 * first answer. So a crash at any point neither submits twice nor loses one. A refusal, in the same transaction, takes
 * the record out of the services counted (provider-refusal.ts); its cash stays in the till until handed back.
 */
export class ProviderSubmitter {
  private readonly db: ServicesDb;

  constructor(
    db: AnyKysely,
    private readonly provider: ServiceProvider,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly events: EventPublisher,
  ) {
    this.db = db as ServicesDb;
  }

  /** Submits what is due now: pending and due, or held by a run whose hold ran out. */
  async submitDue(now = this.clock.now()): Promise<{ accepted: number; refused: number; failed: number }> {
    const at = now.toISOString();
    const due = await this.db
      .selectFrom('stations_service_submissions')
      .selectAll()
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]), eb.and([eb('status', '=', 'submitting'), eb('lease_until', '<', at)])]))
      .orderBy('created_at')
      .orderBy('record_id')
      .limit(BATCH)
      .execute();
    const counts = { accepted: 0, refused: 0, failed: 0 };
    for (const row of due) {
      if (!(await this.claim(row, new Date(now.getTime() + SUBMISSION_HOLD_MS).toISOString()))) continue;
      const attempts = row.attempts + 1;
      let answer: SubmitAnswer;
      try {
        answer = await this.provider.submit(JSON.parse(this.sealer.open(row.request_sealed)) as SubmitRequest);
      } catch (err) {
        // Not known whether it arrived: asked again later under the same record id.
        await this.db
          .updateTable('stations_service_submissions')
          .set({ status: 'pending', lease_until: null, next_attempt_at: new Date(this.clock.now().getTime() + retryWaitMs(attempts)).toISOString(), last_error: String((err as Error).message ?? err).slice(0, 500) })
          .where('record_id', '=', row.record_id)
          .where('status', '=', 'submitting')
          .where('attempts', '=', attempts)
          .execute();
        counts.failed++;
        continue;
      }
      if (await this.finish(row.record_id, attempts, answer)) counts[answer.status]++;
    }
    return counts;
  }

  /** Takes a submission if it is still as it was read (one run wins). */
  private async claim(row: SubmissionRow, leaseUntil: string): Promise<boolean> {
    const result = await this.db
      .updateTable('stations_service_submissions')
      .set({ status: 'submitting', lease_until: leaseUntil, attempts: row.attempts + 1 })
      .where('record_id', '=', row.record_id)
      .where('status', '=', row.status)
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Stores the answer and shows it in the record's details, in one transaction, while this run still holds it; a
   * refused record stops counting as a service there too.
   */
  private finish(recordId: string, attempts: number, answer: SubmitAnswer): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const at = this.clock.now().toISOString();
      const result = await trx
        .updateTable('stations_service_submissions')
        .set({ status: answer.status, provider_ref: answer.providerRef, message: answer.message, lease_until: null, last_error: null, finished_at: at })
        .where('record_id', '=', recordId)
        .where('status', '=', 'submitting')
        .where('attempts', '=', attempts)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      const record = await trx.selectFrom('stations_records').selectAll().where('id', '=', recordId).executeTakeFirst();
      if (record) {
        const details = { ...(JSON.parse(record.details) as Record<string, unknown>), providerStatus: answer.status, providerRef: answer.providerRef, providerMessage: answer.message };
        await trx.updateTable('stations_records').set({ details: JSON.stringify(details) }).where('id', '=', recordId).execute();
        if (answer.status === 'refused') await stopCountingRefused(trx, this.events, record);
      }
      return true;
    });
  }

  job(): JobDef {
    return defineJob({
      name: PROVIDER_SUBMIT_JOB,
      title: '便民服务提交服务商 Submit bills, tickets, cash withdrawals and loan referrals to their providers',
      every: 60_000,
      run: ({ now }) => this.submitDue(now),
    });
  }
}
