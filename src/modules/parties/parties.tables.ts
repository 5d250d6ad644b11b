export const SELLER_KINDS = ['enterprise', 'cooperative', 'individual_business', 'farmer'] as const;
export type SellerKind = (typeof SELLER_KINDS)[number];

export const SELLER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

/** Groups the plan asks to bring into e-commerce first (§5.3.6). */
export const SELLER_TAGS = ['returning_migrant', 'student', 'poor_household', 'disabled', 'party_member'] as const;
export type SellerTag = (typeof SELLER_TAGS)[number];

export const HOUSEHOLD_STATUSES = ['in_poverty', 'lifted'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const LINK_ROLES = ['grower', 'worker', 'shareholder'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export interface SellerRow {
  id: string;
  kind: SellerKind;
  name: string;
  /** 统一社会信用代码, for every kind but a farmer. */
  credit_code: string | null;
  /** A farmer's resident ID: sealed, its keyed fingerprint, and the masked form shown to others. */
  id_number_sealed: string | null;
  id_number_print: string | null;
  id_number_masked: string | null;
  contact_name: string;
  contact_phone: string;
  division_code: string;
  address: string;
  /** JSON array of SellerTag. */
  tags: string;
  description: string;
  /** The account that manages the seller (a merchant, or the village operator selling for a farmer). */
  owner_user_id: string;
  status: SellerStatus;
  status_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface HouseholdRow {
  id: string;
  /** The register's own number (建档立卡户编号). */
  household_no: string;
  village_code: string;
  head_name: string;
  head_id_sealed: string;
  head_id_print: string;
  head_id_masked: string;
  members: number;
  status: HouseholdStatus;
  lifted_year: number | null;
  /** The household's own account, if it has one: the only one who sees the head's ID unmasked. */
  user_id: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

/** A household supplies a seller (or one of its products) and is credited a share of each sale. */
export interface HouseholdLinkRow {
  id: string;
  household_id: string;
  seller_id: string;
  /** A catalog product id, or null for every product of the seller. */
  product_id: string | null;
  role: LinkRole;
  /** Share of a sale's amount credited to the household, in basis points (1/100 of a per cent). */
  share_bp: number;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export const LEDGER_KINDS = ['credit', 'reversal'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * One entry of the poverty-alleviation ledger: a household's credit from one sale line, or the reversal of such a
 * credit. Entries are only ever added (append-only): a refund adds a reversal dated the day of the refund.
 */
export interface LedgerRow {
  id: string;
  kind: LedgerKind;
  household_id: string;
  village_code: string;
  seller_id: string;
  order_id: string;
  /** The line of the order (its place in the sale); one order may sell one product on several lines (SKUs). */
  line_no: number;
  product_id: string;
  link_id: string;
  /** The line's amount: negative on a reversal. */
  sale_fen: number;
  share_bp: number;
  /** floor(sale × share / 10 000) on a credit; the credit's amount negated on its reversal. */
  credit_fen: number;
  /** The day the line was paid (a reversal keeps its credit's). */
  sale_date: string;
  /** The day the entry counts in (Asia/Shanghai): the payment's day for a credit, the refund's for a reversal. */
  entry_date: string;
  /** The credit a reversal takes back (each credit is reversed at most once). */
  reverses_id: string | null;
}

/**
 * One sale line credited to households (kind credit) or its reversal: what the shares added up to, what was
 * credited in whole fen and the remainder the rounding down left, so that for each line
 * `credited_fen × 10 000 + remainder_e4 = sale_fen × share_bp` exactly.
 */
export interface LedgerLineRow {
  id: string;
  kind: LedgerKind;
  order_id: string;
  line_no: number;
  seller_id: string;
  product_id: string;
  sale_fen: number;
  /** The shares of all households credited by the line, added up. */
  share_bp: number;
  credited_fen: number;
  /** What rounding each credit down to the fen left over, in 1/10 000 fen (always 0 ≤ |r| < households × 10 000). */
  remainder_e4: number;
  sale_date: string;
  entry_date: string;
  reverses_id: string | null;
}

export interface PartiesTables {
  parties_ledger: LedgerRow;
  parties_ledger_lines: LedgerLineRow;
  parties_sellers: SellerRow;
  parties_households: HouseholdRow;
  parties_household_links: HouseholdLinkRow;
}
