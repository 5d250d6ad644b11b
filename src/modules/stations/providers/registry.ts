import type { ConvenienceKind, ProviderService } from './provider.js';

/** One of the county's providers of convenience services: who it is and what it does. */
export interface ProviderEntry {
  id: string;
  /** Chinese, as the operator and the receipt show it. */
  name: string;
  kinds: ConvenienceKind[];
  services: ProviderService[];
}

/**
 * The county's providers (鲁甸县). Ids are stable: records keep them. A new provider is a new entry here (and, for
 * a real connection, an adapter implementing `ServiceProvider`).
 */
export const PROVIDERS: readonly ProviderEntry[] = [
  { id: 'yn_power', name: '国网云南电力', kinds: ['bill'], services: ['electricity'] },
  { id: 'ld_water', name: '鲁甸县自来水公司', kinds: ['bill'], services: ['water'] },
  { id: 'china_telecom', name: '中国电信', kinds: ['bill'], services: ['phone', 'broadband'] },
  { id: 'china_mobile', name: '中国移动', kinds: ['bill'], services: ['phone', 'broadband'] },
  { id: 'china_unicom', name: '中国联通', kinds: ['bill'], services: ['phone', 'broadband'] },
  { id: 'rail_12306', name: '12306 铁路', kinds: ['ticket'], services: ['train'] },
  { id: 'caac', name: '民航', kinds: ['ticket'], services: ['plane'] },
  { id: 'zt_bus', name: '昭通客运', kinds: ['ticket'], services: ['bus'] },
  { id: 'ctrip', name: '携程', kinds: ['ticket'], services: ['hotel'] },
  { id: 'ld_rcb', name: '鲁甸农商银行', kinds: ['cash_withdrawal', 'loan_referral'], services: ['cash', 'loan'] },
  { id: 'psbc', name: '邮储银行', kinds: ['cash_withdrawal', 'loan_referral'], services: ['cash', 'loan'] },
];

const byId = new Map(PROVIDERS.map((p) => [p.id, p]));

export const providerById = (id: string): ProviderEntry | undefined => byId.get(id);

/** Whether the provider does this service (a bill's service, a ticket's mode, or a bank's cash / loan). */
export const serves = (provider: ProviderEntry, kind: ConvenienceKind, service: ProviderService) => provider.kinds.includes(kind) && provider.services.includes(service);

/** Largest small production loan the banks here take a referral for (50 万元, in fen). */
export const LOAN_LIMIT_FEN = 50_000_000;

/** An account number as lists and receipts show it: the first two and last four characters (13812345678 → 13*****5678). */
export function maskAccount(account: string): string {
  if (account.length <= 6) return `${account.slice(0, 1)}${'*'.repeat(Math.max(0, account.length - 1))}`;
  return `${account.slice(0, 2)}${'*'.repeat(account.length - 6)}${account.slice(-4)}`;
}
