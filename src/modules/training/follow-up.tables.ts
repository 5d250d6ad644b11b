/** 培训跟踪: what trainees went on to do, their sales since, and the talent shortlist with the support given. */
import type { OutcomeKind } from './events.js';

/** How an outcome was found: matched by the hourly job, or linked by hand by the county or a township. */
export const OUTCOME_SOURCES = ['auto', 'hand'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

export const OUTCOME_LABELS: Record<OutcomeKind, string> = { seller: '本平台卖家', shop: '站外开店', point_operator: '站点经营', employed: '电商企业就业' };

/**
 * One thing a trainee went on to do. Unique (trainee, kind, ref): the job and a hand link may meet the same fact any
 * number of times and it is recorded once, with its `training.outcome-recorded` event in the same transaction.
 */
export interface OutcomeRow {
  id: string;
  trainee_id: string;
  kind: OutcomeKind;
  /** What it is about: a seller id (seller), a shop id or player id (shop), a site id (point_operator), `firm:<name>` (employed). */
  ref: string;
  /** The name shown: the seller, 主体 · 店铺, the site, the firm. */
  ref_name: string;
  /** The market player of a shop outcome (its months are the sales since). */
  player_id: string | null;
  shop_id: string | null;
  source: OutcomeSource;
  /** When the fact began, when known (a seller's approval, ISO). */
  began_at: string | null;
  /** The trainee's township when recorded. */
  township_code: string | null;
  poor: number;
  first_trained_at: string | null;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

/**
 * A paid order or a refund of one, as the orders module published it (its own copy, kept by the subscriber
 * `training.seller-sales`): a seller's sales since a trainee's first training are summed from these rows. A refund
 * takes its amount from the order's payment date. `seq` is the kernel event's number (a redelivery finds its row).
 */
export interface SellerSaleRow {
  seq: number;
  order_id: string;
  seller_id: string;
  /** The order's payment time (ISO), for a refund too. */
  paid_at: string;
  /** +totalFen for a payment, −amountFen for a refund. */
  amount_fen: number;
}

export const TALENT_KINDS = ['person', 'team'] as const;
export type TalentKind = (typeof TALENT_KINDS)[number];
export const TALENT_STATUSES = ['nominated', 'supported', 'awarded', 'dropped'] as const;
export type TalentStatus = (typeof TALENT_STATUSES)[number];
export const TALENT_STATUS_LABELS: Record<TalentStatus, string> = { nominated: '已推荐', supported: '已扶持', awarded: '已奖励', dropped: '已退出' };
/** Status moves the county may make (a support record moves nominated → supported by itself). */
export const TALENT_MOVES: Record<TalentStatus, TalentStatus[]> = {
  nominated: ['supported', 'awarded', 'dropped'],
  supported: ['awarded', 'dropped'],
  awarded: ['dropped'],
  dropped: ['nominated'],
};

export const SUPPORT_KINDS = ['funding', 'loan_interest', 'free_venue', 'award', 'other'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_LABELS: Record<SupportKind, string> = { funding: '资金扶持', loan_interest: '贷款贴息', free_venue: '免费场地', award: '奖励', other: '其他' };

/** A trainee or a team of trainees on the talent shortlist. */
export interface TalentRow {
  id: string;
  kind: TalentKind;
  /** The trainee's name, or the team's. */
  name: string;
  /** JSON array of trainee ids (one for a person; the members of a team). */
  members: string;
  township_code: string;
  reason: string;
  status: TalentStatus;
  status_note: string;
  nominated_by: string;
  created_at: string;
  updated_at: string;
}

export interface TalentSupportRow {
  id: string;
  talent_id: string;
  kind: SupportKind;
  amount_fen: number;
  given_on: string;
  note: string;
  recorded_by: string;
  created_at: string;
}

export interface FollowUpTables {
  training_outcomes: OutcomeRow;
  training_seller_sales: SellerSaleRow;
  training_talent: TalentRow;
  training_talent_support: TalentSupportRow;
}
