import { Type, type Static, type TObject } from 'typebox';
import { StringEnum } from '../../../kernel/http/schema.js';
import { BILL_SERVICES, SERVICE_LABELS, TICKET_MODES, type ConvenienceKind, type ProviderService, type SubmitRequest } from '../providers/provider.js';
import { accountProblem } from '../providers/account-rules.js';
import { maskAccount, providerById, serves } from '../providers/registry.js';
import { voidAnswered } from '../provider-refusal.js';
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
 * voided the same day so the operator hands the money back (it no longer counted: 'uncounted'), unless a
 * provider.refund already did (ALREADY_REFUNDED). One the job has taken (submitting) or the provider accepted is
 * refused ALREADY_SUBMITTED — the provider has the money, so the till's cash must stay.
 */
async function cancelSubmission(trx: StationsTrx, c: ApplyContext, target: { id: string }): Promise<void | 'uncounted'> {
  const db = trx as unknown as ServicesDb;
  // Cancelled only while still pending, in one statement: the job claims with `where status = 'pending'` too.
  const cancelled = await db
    .updateTable('stations_service_submissions')
    .set({ status: 'cancelled', finished_at: c.clock.now().toISOString(), lease_until: null })
    .where('record_id', '=', target.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(cancelled.numUpdatedRows) > 0) return;
  return voidAnswered(db, target.id);
}

/** A convenience record read from its input: all that differs between the types. */
interface ConvenienceRecord {
  service: ProviderService;
  feeFen: number;
  cashInFen: number;
  cashOutFen: number;
  /** What the provider is told besides who, what and how much: the account, the route and date, the card's tail. */
  asks: Pick<SubmitRequest, 'accountNo' | 'cardTail' | 'description' | 'travelDate'>;
  /** The details of the type's own (the receipt and the lists show them). */
  details: Record<string, unknown>;
  /** The summary's parts between the provider's name and the amount. */
  summary: string[];
}

/**
 * A convenience record type: the provider checked to do the service (then the type's own refusals), the submission
 * queued in the record's transaction, the details and summary every such record shows, the void cancelling it.
 */
function convenienceHandler<I extends { providerId: string; amountFen: number }>(
  type: string,
  kind: ConvenienceKind,
  schema: TObject,
  read: (input: I) => ConvenienceRecord,
  refuse?: (input: I, c: ApplyContext) => void,
): RecordHandler<I> {
  return {
    type,
    schema,
    service: kind,
    needsCustomer: true,
    async apply(trx, c, input): Promise<Applied> {
      const record = read(input);
      const provider = providerFor(kind, record.service, input.providerId);
      refuse?.(input, c);
      await queueSubmission(trx, c, { providerId: provider.id, kind, service: record.service, ...record.asks, amountFen: input.amountFen, feeFen: record.feeFen });
      const serviceName = SERVICE_LABELS[record.service];
      return {
        amountFen: input.amountFen,
        feeFen: record.feeFen,
        cashInFen: record.cashInFen,
        cashOutFen: record.cashOutFen,
        details: { kind, serviceName, providerId: provider.id, providerName: provider.name, ...record.details, ...pending },
        summary: [serviceName, provider.name, ...record.summary, yuan(input.amountFen)].join(' · '),
      };
    },
    onVoid: cancelSubmission,
  };
}

/** Bills and tickets paid in cash bring the amount and the fee into the till; by transfer, nothing. */
const paidIn = (input: { amountFen: number; feeFen: number; paidBy: (typeof PAID_BY)[number] }) => (input.paidBy === 'cash' ? input.amountFen + input.feeFen : 0);
const paidBy = (input: { paidBy: (typeof PAID_BY)[number] }) => ({ paidBy: input.paidBy, paidByName: PAID_BY_LABELS[input.paidBy] });

export const billPay = convenienceHandler<BillPayInput>(
  'bill.pay',
  'bill',
  BillPaySchema,
  (input) => ({
    service: input.service,
    feeFen: input.feeFen,
    cashInFen: paidIn(input),
    cashOutFen: 0,
    asks: { accountNo: input.accountNo },
    details: { service: input.service, accountMasked: maskAccount(input.accountNo), ...paidBy(input) },
    summary: [],
  }),
  // An account of the wrong shape is refused here, before any cash is taken, not a minute later by the provider.
  (input) => {
    const problem = accountProblem(input.service, input.accountNo);
    if (problem) throw refusal('ACCOUNT_INVALID', problem, { field: 'accountNo' });
  },
);

export const ticketBook = convenienceHandler<TicketBookInput>(
  'ticket.book',
  'ticket',
  TicketBookSchema,
  (input) => ({
    service: input.mode,
    feeFen: input.feeFen,
    cashInFen: paidIn(input),
    cashOutFen: 0,
    asks: { description: input.description, travelDate: input.travelDate },
    details: { mode: input.mode, description: input.description, travelDate: input.travelDate, ...paidBy(input) },
    summary: [input.description, input.travelDate],
  }),
  (input, c) => {
    if (input.travelDate < c.day) throw refusal('TRAVEL_DATE_PAST', `出行日期 ${input.travelDate} 已过`, { field: 'travelDate' });
  },
);

/** 助农取款: the till hands the cash out; the bank pays the fee, not the till. */
export const cashWithdraw = convenienceHandler<CashWithdrawInput>('cash.withdraw', 'cash_withdrawal', CashWithdrawSchema, (input) => ({
  service: 'cash',
  feeFen: input.feeFen,
  cashInFen: 0,
  cashOutFen: input.amountFen,
  asks: { cardTail: input.cardTail },
  details: { cardTail: input.cardTail },
  summary: [`尾号${input.cardTail}`],
}));

/** 贷款推荐: no cash and no fee; the amount is the loan asked for. */
export const loanRefer = convenienceHandler<LoanReferInput>('loan.refer', 'loan_referral', LoanReferSchema, (input) => ({
  service: 'loan',
  feeFen: 0,
  cashInFen: 0,
  cashOutFen: 0,
  asks: { description: input.purpose },
  details: { purpose: input.purpose },
  summary: [input.purpose],
}));

export const CONVENIENCE_HANDLERS: AnyRecordHandler[] = [billPay, ticketBook, cashWithdraw, loanRefer];
