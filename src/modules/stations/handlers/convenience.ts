import { Type, type Static } from 'typebox';
import { StringEnum } from '../../../kernel/http/schema.js';
import { BILL_SERVICES, SERVICE_LABELS, TICKET_MODES, type ConvenienceKind, type ProviderService, type SubmitRequest } from '../providers/provider.js';
import { maskAccount, providerById, serves } from '../providers/registry.js';
import type { ServicesDb } from '../services.tables.js';
import { CustomerFields, refusal, yuan, type AnyRecordHandler, type ApplyContext, type Applied, type RecordHandler, type StationsTrx } from './types.js';

/**
 * 便民服务 — convenience services: bills (water, electricity, broadband, phone), tickets (plane, train, bus, hotel),
 * small cash withdrawals (助农取款) and loan referrals, each recorded with its provider, amount, fee and customer.
 * The record stores a submission (`pending`) in its own transaction; the job `stations.provider-submit` submits it
 * to the provider and stores `accepted` / `refused` with the reference, shown in the record's details
 * (`providerStatus`, `providerRef`, `providerMessage`). A refused one stays visible: the operator voids it and hands
 * the money back. A record voided before it was submitted is never submitted; once the job has taken it (or the
 * provider accepted it) it cannot be voided (ALREADY_SUBMITTED).
 */

export const PAID_BY = ['cash', 'transfer'] as const;
export const PAID_BY_LABELS: Record<(typeof PAID_BY)[number], string> = { cash: '现金', transfer: '转账' };

const Fen = (description: string, max = 100_000_000) => Type.Integer({ minimum: 0, maximum: max, description });
const Amount = (description: string, max = 100_000_000) => Type.Integer({ minimum: 1, maximum: max, description });
const ProviderId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_]+$', description: 'a provider of GET /stations/providers' });

export const BillPaySchema = Type.Object({
  ...CustomerFields,
  service: StringEnum(BILL_SERVICES),
  providerId: ProviderId,
  accountNo: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$', description: 'the account (户号, phone number, broadband account)' }),
  amountFen: Amount('the bill paid'),
  feeFen: Fen('the station’s fee'),
  paidBy: StringEnum(PAID_BY),
});
export const TicketBookSchema = Type.Object({
  ...CustomerFields,
  mode: StringEnum(TICKET_MODES),
  providerId: ProviderId,
  description: Type.String({ minLength: 1, maxLength: 100, description: 'route, train or flight, or hotel and nights' }),
  travelDate: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
  amountFen: Amount('the ticket’s price'),
  feeFen: Fen('the station’s fee'),
  paidBy: StringEnum(PAID_BY),
});
export const CashWithdrawSchema = Type.Object({
  ...CustomerFields,
  providerId: ProviderId,
  cardTail: Type.String({ pattern: '^\\d{4}$', description: 'the card’s last four digits' }),
  amountFen: Amount('cash handed to the villager (at most ¥3,000.00)', 300_000),
  feeFen: Fen('paid to the station by the bank, not from the till'),
});
export const LoanReferSchema = Type.Object({
  ...CustomerFields,
  providerId: ProviderId,
  amountFen: Amount('the loan asked for', 10_000_000_00),
  purpose: Type.String({ minLength: 1, maxLength: 100 }),
});

type BillPayInput = Static<typeof BillPaySchema>;
type TicketBookInput = Static<typeof TicketBookSchema>;
type CashWithdrawInput = Static<typeof CashWithdrawSchema>;
type LoanReferInput = Static<typeof LoanReferSchema>;

/** The provider a record names, checked to do this service. */
function providerFor(kind: ConvenienceKind, service: ProviderService, providerId: string) {
  const provider = providerById(providerId);
  if (!provider) throw refusal('UNKNOWN_REFERENCE', '找不到这家服务商', { field: 'providerId' });
  if (!serves(provider, kind, service)) throw refusal('PROVIDER_MISMATCH', `${provider.name}不办理${SERVICE_LABELS[service]}`, { field: 'providerId' });
  return provider;
}

/** Stores the pending submission (request sealed) in the record's transaction; the job submits it. */
async function queueSubmission(trx: StationsTrx, c: ApplyContext, request: Omit<SubmitRequest, 'recordId' | 'customerName'>): Promise<void> {
  const full: SubmitRequest = { ...request, recordId: c.recordId, customerName: c.customer?.name ?? '' };
  const now = c.clock.now().toISOString();
  await (trx as unknown as ServicesDb)
    .insertInto('stations_service_submissions')
    .values({
      record_id: c.recordId,
      site_id: c.site.id,
      provider_id: request.providerId,
      kind: request.kind,
      service: request.service,
      request_sealed: c.core.sealer.seal(JSON.stringify(full)),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_until: null,
      provider_ref: null,
      message: null,
      last_error: null,
      created_at: now,
      finished_at: null,
    })
    .execute();
}

/** What every convenience record's details hold of its provider: pending until the job has its answer. */
const pending = { providerStatus: 'pending', providerRef: null, providerMessage: null } as const;

/**
 * Voiding a convenience record: a pending submission is cancelled and never submitted; one the provider refused is
 * voided so the operator hands the money back. One the job has taken (submitting) or the provider accepted is
 * refused ALREADY_SUBMITTED — the provider has the money, so the till's cash must stay.
 */
async function cancelSubmission(trx: StationsTrx, c: ApplyContext, target: { id: string }): Promise<void> {
  const db = trx as unknown as ServicesDb;
  // Cancelled only while still pending, in one statement: the job claims with `where status = 'pending'` too.
  const cancelled = await db
    .updateTable('stations_service_submissions')
    .set({ status: 'cancelled', finished_at: c.clock.now().toISOString(), lease_until: null })
    .where('record_id', '=', target.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(cancelled.numUpdatedRows) > 0) return;
  const submission = await db.selectFrom('stations_service_submissions').select('status').where('record_id', '=', target.id).executeTakeFirst();
  if (!submission || submission.status === 'refused' || submission.status === 'cancelled') return;
  throw refusal('ALREADY_SUBMITTED', '已提交服务商，不能作废', { providerStatus: submission.status });
}

export const billPay: RecordHandler<BillPayInput> = {
  type: 'bill.pay',
  schema: BillPaySchema,
  service: 'bill',
  needsCustomer: true,
  async apply(trx, c, input): Promise<Applied> {
    const provider = providerFor('bill', input.service, input.providerId);
    await queueSubmission(trx, c, { providerId: provider.id, kind: 'bill', service: input.service, accountNo: input.accountNo, amountFen: input.amountFen, feeFen: input.feeFen });
    const cash = input.paidBy === 'cash' ? input.amountFen + input.feeFen : 0;
    return {
      amountFen: input.amountFen,
      feeFen: input.feeFen,
      cashInFen: cash,
      cashOutFen: 0,
      details: { kind: 'bill', service: input.service, serviceName: SERVICE_LABELS[input.service], providerId: provider.id, providerName: provider.name, accountMasked: maskAccount(input.accountNo), paidBy: input.paidBy, paidByName: PAID_BY_LABELS[input.paidBy], ...pending },
      summary: `${SERVICE_LABELS[input.service]} · ${provider.name} · ${yuan(input.amountFen)}`,
    };
  },
  onVoid: cancelSubmission,
};

export const ticketBook: RecordHandler<TicketBookInput> = {
  type: 'ticket.book',
  schema: TicketBookSchema,
  service: 'ticket',
  needsCustomer: true,
  async apply(trx, c, input): Promise<Applied> {
    const provider = providerFor('ticket', input.mode, input.providerId);
    if (input.travelDate < c.day) throw refusal('TRAVEL_DATE_PAST', `出行日期 ${input.travelDate} 已过`, { field: 'travelDate' });
    await queueSubmission(trx, c, { providerId: provider.id, kind: 'ticket', service: input.mode, description: input.description, travelDate: input.travelDate, amountFen: input.amountFen, feeFen: input.feeFen });
    const cash = input.paidBy === 'cash' ? input.amountFen + input.feeFen : 0;
    return {
      amountFen: input.amountFen,
      feeFen: input.feeFen,
      cashInFen: cash,
      cashOutFen: 0,
      details: { kind: 'ticket', mode: input.mode, serviceName: SERVICE_LABELS[input.mode], providerId: provider.id, providerName: provider.name, description: input.description, travelDate: input.travelDate, paidBy: input.paidBy, paidByName: PAID_BY_LABELS[input.paidBy], ...pending },
      summary: `${SERVICE_LABELS[input.mode]} · ${provider.name} · ${input.description} · ${input.travelDate} · ${yuan(input.amountFen)}`,
    };
  },
  onVoid: cancelSubmission,
};

export const cashWithdraw: RecordHandler<CashWithdrawInput> = {
  type: 'cash.withdraw',
  schema: CashWithdrawSchema,
  service: 'cash_withdrawal',
  needsCustomer: true,
  async apply(trx, c, input): Promise<Applied> {
    const provider = providerFor('cash_withdrawal', 'cash', input.providerId);
    await queueSubmission(trx, c, { providerId: provider.id, kind: 'cash_withdrawal', service: 'cash', cardTail: input.cardTail, amountFen: input.amountFen, feeFen: input.feeFen });
    return {
      amountFen: input.amountFen,
      feeFen: input.feeFen,
      cashInFen: 0,
      cashOutFen: input.amountFen,
      details: { kind: 'cash_withdrawal', serviceName: SERVICE_LABELS.cash, providerId: provider.id, providerName: provider.name, cardTail: input.cardTail, ...pending },
      summary: `助农取款 · ${provider.name} · 尾号${input.cardTail} · ${yuan(input.amountFen)}`,
    };
  },
  onVoid: cancelSubmission,
};

export const loanRefer: RecordHandler<LoanReferInput> = {
  type: 'loan.refer',
  schema: LoanReferSchema,
  service: 'loan_referral',
  needsCustomer: true,
  async apply(trx, c, input): Promise<Applied> {
    const provider = providerFor('loan_referral', 'loan', input.providerId);
    await queueSubmission(trx, c, { providerId: provider.id, kind: 'loan_referral', service: 'loan', description: input.purpose, amountFen: input.amountFen, feeFen: 0 });
    return {
      amountFen: input.amountFen,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: 0,
      details: { kind: 'loan_referral', serviceName: SERVICE_LABELS.loan, providerId: provider.id, providerName: provider.name, purpose: input.purpose, ...pending },
      summary: `贷款推荐 · ${provider.name} · ${input.purpose} · ${yuan(input.amountFen)}`,
    };
  },
  onVoid: cancelSubmission,
};

export const CONVENIENCE_HANDLERS: AnyRecordHandler[] = [billPay, ticketBook, cashWithdraw, loanRefer];
