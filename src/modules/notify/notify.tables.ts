export interface SmsOutboxRow {
  id: string;
  /** Sealed; shown masked. */
  phone: string;
  phone_masked: string;
  phone_print: string;
  template: string;
  body: string;
  /** What the message is about, e.g. a parcel id. */
  ref: string;
  created_at: string;
}

export interface NotifyTables {
  notify_sms_outbox: SmsOutboxRow;
}
