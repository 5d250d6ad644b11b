/** 站点服务 B's tables: proxy buys (代买), convenience records' submissions to providers, the local provider's book. */
import type { Kysely } from 'kysely';
import type { ProviderLocalRow } from './providers/local.js';
import type { StationsTables } from './stations.tables.js';

export const PROXY_BUY_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ProxyBuyStatus = (typeof PROXY_BUY_STATUSES)[number] | 'voided';

/** Where a proxy buy is ordered (any platform: this county's shop or another). */
export const PROXY_BUY_PLATFORMS = ['countyhub', 'taobao', 'tmall', 'jd', 'pinduoduo', 'douyin', 'kuaishou', 'other'] as const;
export type ProxyBuyPlatform = (typeof PROXY_BUY_PLATFORMS)[number];
export const PLATFORM_LABELS: Record<ProxyBuyPlatform, string> = {
  countyhub: '本县商城',
  taobao: '淘宝',
  tmall: '天猫',
  jd: '京东',
  pinduoduo: '拼多多',
  douyin: '抖音',
  kuaishou: '快手',
  other: '其他平台',
};

/** 代买: one villager's request, from request to hand-over or cancel (id = the request record's id). */
export interface ProxyBuyRow {
  id: string;
  site_id: string;
  township_code: string;
  village_code: string | null;
  /** The request record's clientId: later steps refer to it (`proxyBuyClientId`). */
  client_id: string;
  day: string;
  requested_at: string;
  customer_id: string | null;
  item: string;
  quantity_text: string | null;
  budget_fen: number | null;
  deposit_fen: number;
  status: ProxyBuyStatus;
  platform: ProxyBuyPlatform | null;
  platform_name: string | null;
  external_order_no: string | null;
  cost_fen: number | null;
  ordered_at: string | null;
  ordered_record_id: string | null;
  waybill_no: string | null;
  carrier: string | null;
  /** The logistics parcel of the waybill, when logistics knew it as the parcel was recorded. */
  parcel_id: string | null;
  parcel_at: string | null;
  parcel_record_id: string | null;
  fee_fen: number | null;
  collected_fen: number | null;
  handed_over_at: string | null;
  refund_fen: number | null;
  cancel_reason: string | null;
  cancelled_at: string | null;
  closed_record_id: string | null;
  updated_at: string;
}

/** After `refused`: `refunded` (a provider.refund handed the money back) or `voided` (a same-day void took it out of the till). */
export const PROVIDER_STATUSES = ['pending', 'submitting', 'accepted', 'refused', 'cancelled', 'refunded', 'voided'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** A convenience record's submission to its provider (the job `stations.provider-submit` moves it). */
export interface SubmissionRow {
  record_id: string;
  site_id: string;
  provider_id: string;
  kind: string;
  service: string;
  /** The SubmitRequest as JSON, sealed (it holds the account number and the customer's name). */
  request_sealed: string;
  status: ProviderStatus;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  provider_ref: string | null;
  message: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface ServicesTables {
  stations_proxy_buys: ProxyBuyRow;
  stations_service_submissions: SubmissionRow;
  stations_provider_local: ProviderLocalRow;
}

export type ServicesDb = Kysely<ServicesTables & StationsTables>;
