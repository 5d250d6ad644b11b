/**
 * The provider interface of the convenience services (便民服务): a bill, a ticket, a cash withdrawal or a loan
 * referral recorded at a station is submitted to the company or bank that does it. Any implementation — the local
 * one here, or an adapter to a real provider's API — keeps the contract in `provider-contract.ts`:
 * - `submit` is idempotent by `recordId`: asked again with the same record id it makes no second submission and
 *   answers the first result (so a job that died after asking asks again safely);
 * - an impossible request (a service the provider does not do, an account number of the wrong shape) is
 *   `refused` with a Chinese reason, never thrown;
 * - an accepted one carries the provider's reference.
 * A throw means "not known whether it arrived": the caller asks again later with the same record id.
 */
export const CONVENIENCE_KINDS = ['bill', 'ticket', 'cash_withdrawal', 'loan_referral'] as const;
export type ConvenienceKind = (typeof CONVENIENCE_KINDS)[number];

export const BILL_SERVICES = ['water', 'electricity', 'broadband', 'phone'] as const;
export type BillService = (typeof BILL_SERVICES)[number];
export const TICKET_MODES = ['plane', 'train', 'bus', 'hotel'] as const;
export type TicketMode = (typeof TICKET_MODES)[number];

/** What a provider does: the bill services, the ticket modes, or (banks) `cash` and `loan`. */
export type ProviderService = BillService | TicketMode | 'cash' | 'loan';

export const SERVICE_LABELS: Record<ProviderService, string> = {
  water: '水费',
  electricity: '电费',
  broadband: '宽带费',
  phone: '话费',
  plane: '机票',
  train: '火车票',
  bus: '汽车票',
  hotel: '酒店',
  cash: '助农取款',
  loan: '贷款推荐',
};

export interface SubmitRequest {
  /** Our record's id: the provider's idempotency key. */
  recordId: string;
  providerId: string;
  kind: ConvenienceKind;
  service: ProviderService;
  /** Bills: the account (户号, phone number, broadband account). */
  accountNo?: string;
  /** Cash withdrawals: the card's last four digits. */
  cardTail?: string;
  /** Tickets: route or hotel; loans: the purpose. */
  description?: string;
  /** Tickets: YYYY-MM-DD. */
  travelDate?: string;
  amountFen: number;
  feeFen: number;
  customerName: string;
}

export interface SubmitAnswer {
  status: 'accepted' | 'refused';
  /** The provider's reference (accepted), or null. */
  providerRef: string | null;
  /** Chinese: what the provider said. */
  message: string;
}

export interface ServiceProvider {
  submit(request: SubmitRequest): Promise<SubmitAnswer>;
}
