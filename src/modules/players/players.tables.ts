/** Market players (市场主体): enterprises, co-ops, service firms, traders and individual online sellers. */
export const PLAYER_KINDS = ['enterprise', 'cooperative', 'service_firm', 'trader', 'individual'] as const;
export type PlayerKind = (typeof PLAYER_KINDS)[number];

/** The platforms of the event contract (docs/architecture.md, "Event catalogue"). */
export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'weidian', 'wechat', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  taobao: '淘宝',
  tmall: '天猫',
  jd: '京东',
  pdd: '拼多多',
  douyin: '抖音',
  kuaishou: '快手',
  weidian: '微店',
  wechat: '微信小店',
  other: '其他',
};

export const REPORT_SOURCES = ['form', 'import', 'api'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export interface PlayerRow {
  id: string;
  name: string;
  kind: PlayerKind;
  credit_code: string;
  contact_name: string;
  /** Sealed with the data key; shown in full to the county office and the owner account only. */
  contact_phone_sealed: string;
  contact_phone_masked: string;
  township_code: string;
  village_code: string | null;
  owner_user_id: string | null;
  notes: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface ShopRow {
  id: string;
  player_id: string;
  /** The player's township, copied so scope checks and lists need no join. */
  township_code: string;
  platform: Platform;
  name: string;
  url: string | null;
  opened_on: string;
  status: 'operating' | 'closed';
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

/** One version of a shop's month: a correction is the next version, and only the newest is current. */
export interface ReportRow {
  id: string;
  shop_id: string;
  player_id: string;
  township_code: string;
  month: string;
  version: number;
  is_current: number;
  sales_fen: number;
  orders: number;
  produce_fen: number;
  source: ReportSource;
  reported_by: string;
  reported_by_name: string;
  reported_at: string;
  late: number;
  implausible: number;
  /** JSON: [{ code, message }] — why the report was flagged, in Chinese. */
  flags: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export interface PlayersTables {
  players_players: PlayerRow;
  players_shops: ShopRow;
  players_reports: ReportRow;
}
