/**
 * What one record adds to the daily tallies (tallies.ts keeps them, figures.repository.ts reads them): the kind it
 * counts under, its money, and the customer it brings to the people served. Pure, so the live path and the
 * migration's backfill share one rule (tallies-rule.test.ts).
 */

/** Record types that are the till's own, never a service's (they carry no money of a service). */
export const TILL_TYPES: readonly string[] = ['day.open', 'day.close', 'record.void'];

/** The tally row of a site's day that counts people over every kind (its `kind` column). */
export const ALL_KINDS = '*';

/**
 * The type prefix a follow-up record shares with its service (a consignment payout, a proxy buy's order or cancel), so
 * any fee it carries counts under that kind though the record is not a service on its own (代买 itself counts at its
 * hand-over, a service record).
 */
const FAMILY: Record<string, string> = {
  proxy_buy: 'proxy_buy',
  consignment: 'consignment',
  purchase: 'purchase',
  bill: 'bill',
  ticket: 'ticket',
  cash: 'cash_withdrawal',
  loan: 'loan_referral',
  farm_input: 'farm_input',
};

/** The kind a record's money counts under, or null when it counts nowhere (the till's own records). */
export const kindOfRecord = (type: string, service: string | null): string | null => (TILL_TYPES.includes(type) ? null : (service ?? FAMILY[type.slice(0, type.indexOf('.'))] ?? null));

/** The fields of a record the tallies read. */
export interface TalliedRecord {
  type: string;
  service: string | null;
  customer_id: string | null;
  amount_fen: number | string;
  fee_fen: number | string;
  poor: number | string;
}

/** What to add to one tally row (site, day, kind); negative when a void takes a record back. */
export interface TallyMove {
  kind: string;
  /** Live records counted under the kind (services and their follow-ups). */
  records: number;
  services: number;
  amountFen: number;
  feeFen: number;
}

export interface TallyMoves {
  money: TallyMove[];
  /** The kinds whose people served this record's customer joins (or leaves): its service's and ALL_KINDS. */
  customerKinds: string[];
  customerId: string | null;
  poor: boolean;
}

/**
 * The moves of one record stored (`sign` 1) or voided (−1). A follow-up record (a payout, a proxy buy's order) brings
 * its fee only: the service and its amount are another record's. Only a service record brings its customer.
 */
export function tallyMoves(r: TalliedRecord, sign: 1 | -1): TallyMoves {
  const kind = kindOfRecord(r.type, r.service);
  const none: TallyMoves = { money: [], customerKinds: [], customerId: null, poor: false };
  if (!kind) return none;
  // Never −0 (−1 × 0): the SQLite driver would bind it as a real number.
  const signed = (n: number) => (n === 0 ? 0 : sign * n);
  const money: TallyMove[] = [{ kind, records: sign, services: r.service ? sign : 0, amountFen: r.service ? signed(Number(r.amount_fen)) : 0, feeFen: signed(Number(r.fee_fen)) }];
  if (!r.service) return { ...none, money };
  money.push({ kind: ALL_KINDS, records: sign, services: sign, amountFen: 0, feeFen: 0 });
  return { money, customerKinds: r.customer_id ? [r.service, ALL_KINDS] : [], customerId: r.customer_id, poor: Number(r.poor) === 1 };
}
