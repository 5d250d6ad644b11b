/** One entry of a user's address book. */
export interface AddressRow {
  id: string;
  user_id: string;
  /** The receiver. */
  name: string;
  /** Sealed with the data key: only its owner ever sees it. */
  phone_sealed: string;
  /** A village of this county (12 digits) or the 6-digit code of a county elsewhere in China. */
  division_code: string;
  /** Street and number, or village group. */
  address: string;
  /** 1 on exactly one of a user's addresses, when there are any. */
  is_default: number;
  created_at: string;
  updated_at: string;
}

export interface AddressTables {
  identity_addresses: AddressRow;
}
