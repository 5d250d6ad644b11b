/** 站点服务 The daily tallies the figures read (tallies.ts writes them in each record's transaction). */

/** One site's day under one kind (or ALL_KINDS for the people served that day over every kind), records not voided. */
export interface TallyRow {
  site_id: string;
  township_code: string;
  day: string;
  /** A service kind, or '*' (ALL_KINDS). */
  kind: string;
  /** Records counted under the kind: services and follow-ups that bring a fee. The row counts for figures while > 0. */
  records: number;
  /** Records that are services of the kind (for '*': of any kind); people are counted while > 0. */
  services: number;
  amount_fen: number;
  fee_fen: number;
  /** Distinct customers with a service record of the kind that day (customer rows with records > 0). */
  people: number;
  /** Of them, those with a record marked poor (customer rows with poor_records > 0). */
  poor: number;
}

/** One customer at one site's day under one kind (or '*'): how many of their service records are live. */
export interface TallyCustomerRow {
  site_id: string;
  township_code: string;
  day: string;
  kind: string;
  customer_id: string;
  records: number;
  poor_records: number;
}

export interface TalliesTables {
  stations_tallies: TallyRow;
  stations_tally_customers: TallyCustomerRow;
}
