import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { shanghaiDate, type Clock } from '../../../kernel/clock.js';
import type { AnyKysely } from '../../../kernel/db.js';
import type { ServiceProvider, SubmitAnswer, SubmitRequest } from './provider.js';
import { SERVICE_LABELS } from './provider.js';
import { ACCOUNT_RULES } from './account-rules.js';
import { LOAN_LIMIT_FEN, maskAccount, providerById, serves } from './registry.js';

/** The local provider's own book: one row per submission, keyed by our record id (table `stations_provider_local`). */
export interface ProviderLocalRow {
  record_id: string;
  provider_id: string;
  kind: string;
  service: string;
  account_masked: string | null;
  amount_fen: number;
  fee_fen: number;
  customer_name: string;
  status: 'accepted' | 'refused';
  provider_ref: string | null;
  message: string;
  /** How many times it was asked (a repeat after a crash asks again: one submission, the same answer). */
  asked: number;
  first_at: string;
  last_at: string;
}

type Db = Kysely<{ stations_provider_local: ProviderLocalRow }>;

/** What the local provider says of a request, by the providers' rules: refused with a reason, or accepted. */
export function judge(request: SubmitRequest): { status: 'accepted' } | { status: 'refused'; message: string } {
  const refuse = (message: string) => ({ status: 'refused' as const, message });
  const provider = providerById(request.providerId);
  if (!provider) return refuse('未知的服务商');
  if (!serves(provider, request.kind, request.service)) return refuse(`${provider.name}不办理${SERVICE_LABELS[request.service] ?? request.service}`);
  if (!(Number.isInteger(request.amountFen) && request.amountFen > 0)) return refuse('金额须大于 0');
  switch (request.kind) {
    case 'bill': {
      const rule = ACCOUNT_RULES[request.service as keyof typeof ACCOUNT_RULES];
      if (!rule || !rule.pattern.test(request.accountNo ?? '')) return refuse(`户号不对：${rule?.hint ?? '缺少户号'}`);
      // The provider's own book, which the shape cannot tell: an account ending 0000 stands for one it does not have.
      if (request.service !== 'phone' && request.accountNo!.endsWith('0000')) return refuse('户号不存在（已销户或输错），请核对缴费通知单');
      return { status: 'accepted' };
    }
    case 'ticket':
      if (!request.description?.trim()) return refuse('缺少行程或酒店');
      if (!request.travelDate) return refuse('缺少出行日期');
      return { status: 'accepted' };
    case 'cash_withdrawal':
      if (!/^\d{4}$/.test(request.cardTail ?? '')) return refuse('银行卡尾号须为 4 位数字');
      if (request.amountFen % 100 !== 0) return refuse('取款金额须为整元');
      return { status: 'accepted' };
    case 'loan_referral':
      if (request.amountFen > LOAN_LIMIT_FEN) return refuse('超出小额贷款额度（50 万元）');
      return { status: 'accepted' };
    default:
      return refuse('不办理此业务');
  }
}

const ACCEPTED_MESSAGE: Record<SubmitRequest['kind'], string> = {
  bill: '缴费成功',
  ticket: '出票成功',
  cash_withdrawal: '取款成功',
  loan_referral: '已受理，银行将联系客户',
};

/**
 * The local implementation of `ServiceProvider`: it keeps every submission in its own table keyed by our record
 * id, so a second submission of the same record is none and gets the first answer. For a county not yet connected
 * to its providers, and for tests and the demo.
 */
export class LocalProvider implements ServiceProvider {
  private readonly db: Db;

  constructor(db: AnyKysely, private readonly clock: Clock) {
    this.db = db as Db;
  }

  async submit(request: SubmitRequest): Promise<SubmitAnswer> {
    const now = this.clock.now();
    const first = await this.asked(request.recordId, now.toISOString());
    if (first) return first;
    const verdict = judge(request);
    const row: ProviderLocalRow = {
      record_id: request.recordId,
      provider_id: request.providerId,
      kind: request.kind,
      service: request.service,
      account_masked: request.accountNo ? maskAccount(request.accountNo) : request.cardTail ? `****${request.cardTail}` : null,
      amount_fen: request.amountFen,
      fee_fen: request.feeFen,
      customer_name: request.customerName,
      status: verdict.status,
      provider_ref: verdict.status === 'accepted' ? reference(request.providerId, now) : null,
      message: verdict.status === 'accepted' ? ACCEPTED_MESSAGE[request.kind] : verdict.message,
      asked: 1,
      first_at: now.toISOString(),
      last_at: now.toISOString(),
    };
    const inserted = await this.db.insertInto('stations_provider_local').values(row).onConflict((oc) => oc.column('record_id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return answerOf(row);
    // Another caller submitted the same record at the same moment: its submission is the one.
    const other = await this.asked(request.recordId, now.toISOString());
    if (!other) throw new Error(`submission ${request.recordId} neither stored nor found`);
    return other;
  }

  /** The first answer to a record already submitted (counting this ask), or null. */
  private async asked(recordId: string, at: string): Promise<SubmitAnswer | null> {
    const result = await this.db
      .updateTable('stations_provider_local')
      .set((eb) => ({ asked: eb('asked', '+', 1), last_at: at }))
      .where('record_id', '=', recordId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return null;
    const row = await this.db.selectFrom('stations_provider_local').selectAll().where('record_id', '=', recordId).executeTakeFirstOrThrow();
    return answerOf(row);
  }

  /** The local provider's book, for tests and the demo: what it holds of a record. */
  submission(recordId: string): Promise<ProviderLocalRow | undefined> {
    return this.db.selectFrom('stations_provider_local').selectAll().where('record_id', '=', recordId).executeTakeFirst();
  }
}

const answerOf = (row: Pick<ProviderLocalRow, 'status' | 'provider_ref' | 'message'>): SubmitAnswer => ({ status: row.status, providerRef: row.provider_ref, message: row.message });

/** A provider's reference: its short code, the Shanghai date and six random digits (YNPOWE20261208483920). */
function reference(providerId: string, now: Date): string {
  const code = providerId.replace(/[^a-z0-9]/gi, '').slice(0, 6).toUpperCase();
  return `${code}${shanghaiDate(now).replaceAll('-', '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
