/** Where the county's figures are pushed: a city's, a province's or the nation's platform. */
export interface EndpointRow {
  id: string;
  name: string;
  level: 'city' | 'province' | 'national';
  url: string;
  algorithm: 'hmac-sha256' | 'sm2-sm3';
  /** Sealed: the HMAC shared secret, or the county's SM2 private key (hex). */
  secret_sealed: string;
  /** The SM2 public key (hex, uncompressed) the receiver installs; null for HMAC. */
  public_key: string | null;
  /** JSON array of grains pushed: 'day' | 'month' | 'quarter' | 'year'. */
  grains: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** One version of one indicator's figure of one period, for one endpoint; sent once (the receiver dedupes by key). */
export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  grain: string;
  period: string;
  indicator: string;
  indicator_name: string;
  version: number;
  /** The figure of this version (integer fen / count, or a percentage); compared to tell a correction. */
  value: number;
  /** The JSON message body, exactly as signed and sent. */
  payload: string;
  /** SHA-256 hex of the payload. */
  payload_digest: string;
  status: 'pending' | 'sending' | 'sent' | 'failed_retrying' | 'given_up';
  attempts: number;
  next_attempt_at: string;
  /** Until when a sender holds it (status 'sending'); a crashed send is taken again after this. */
  lease_until: string | null;
  last_http_status: number | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A county whose pushes this deployment accepts (the city's side). */
export interface InboxSenderRow {
  id: string;
  county_code: string;
  county_name: string;
  algorithm: 'hmac-sha256' | 'sm2-sm3';
  /** Sealed HMAC secret, or null for SM2. */
  secret_sealed: string | null;
  public_key: string | null;
  created_at: string;
}

/** A message received, once per (county, grain, period, indicator, version). */
export interface InboxMessageRow {
  id: string;
  county_code: string;
  county_name: string;
  grain: string;
  period: string;
  indicator: string;
  indicator_name: string;
  unit: string;
  value: number;
  version: number;
  correction_of: number | null;
  idempotency_key: string;
  algorithm: string;
  payload: string;
  received_at: string;
}

export interface UplinkTables {
  uplink_endpoints: EndpointRow;
  uplink_deliveries: DeliveryRow;
  uplink_inbox_senders: InboxSenderRow;
  uplink_inbox_messages: InboxMessageRow;
}
