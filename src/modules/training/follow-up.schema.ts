import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PageQuery } from '../../kernel/http/paging.js';
import { OUTCOME_KINDS } from './events.js';
import { OUTCOME_SOURCES } from './follow-up.tables.js';

export const FollowUpQuery = Type.Object({
  ...PageQuery.properties,
  township: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  outcome: Type.Optional(StringEnum([...OUTCOME_KINDS, 'any', 'none'] as const, { description: 'trainees with an outcome of this kind, with any, or with none' })),
  trainee: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'one trainee (its id): the trainee page’s outcomes; a trainee out of the reader’s sight gives an empty list' })),
});
export type FollowUpFilter = Omit<Static<typeof FollowUpQuery>, 'limit' | 'cursor'>;

export const OutcomeSchema = Type.Object({
  id: Type.String(),
  traineeId: Type.String(),
  kind: StringEnum(OUTCOME_KINDS),
  kindName: Type.String({ description: '本平台卖家 / 站外开店 / 站点经营 / 电商企业就业' }),
  name: Type.String({ description: 'the seller, 主体 · 店铺, the site or the firm' }),
  playerId: Nullable(Type.String()),
  shopId: Nullable(Type.String()),
  source: StringEnum(OUTCOME_SOURCES),
  beganAt: Nullable(Type.String()),
  note: Type.String(),
  recordedAt: Type.String(),
  salesSinceFen: Nullable(Type.Integer({ description: 'sales since the first training: a seller’s paid orders less refunds; a shop’s (or player’s) reported months from the month of the first training; null when it has none' })),
  salesMonths: Nullable(Type.Integer({ description: 'reported months counted (shops); null otherwise' })),
});
export type OutcomeView = Static<typeof OutcomeSchema>;

export const FollowUpItemSchema = Type.Object({
  traineeId: Type.String(),
  name: Type.String(),
  idNumber: Type.String({ description: 'masked' }),
  townshipCode: Nullable(Type.String()),
  townshipName: Nullable(Type.String()),
  villageCode: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
  poor: Type.Boolean(),
  firstTrainedAt: Type.String(),
  personTimes: Type.Integer(),
  outcomes: Type.Array(OutcomeSchema),
  salesSinceFen: Type.Integer({ description: 'the outcomes’ sales since the first training together' }),
});
export type FollowUpItem = Static<typeof FollowUpItemSchema>;

export const OutcomeCreateBody = Type.Object({
  kind: StringEnum(['shop', 'employed'] as const, { description: 'what is linked by hand: a shop elsewhere (a market player or one of its shops) or employment; sellers and point operators are matched by the hourly job' }),
  playerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'shop: the market player' })),
  shopId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'shop: one of the player’s shops (optional)' })),
  firmName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'employed: the e-commerce firm' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type OutcomeCreate = Static<typeof OutcomeCreateBody>;
