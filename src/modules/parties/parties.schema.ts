import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { HOUSEHOLD_STATUSES, LINK_ROLES, SELLER_KINDS, SELLER_STATUSES, SELLER_TAGS } from './parties.tables.js';

const Phone = Type.String({ pattern: '^1\\d{10}$', description: '11-digit mobile number' });
const DivisionCode = Type.String({ pattern: '^(\\d{9}|\\d{12})$', description: 'township (9) or village (12) division code' });
const VillageCode = Type.String({ pattern: '^\\d{12}$', description: '12-digit village or community code' });
const IsoDate = Type.String({ format: 'date' });

export const SellerSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(SELLER_KINDS),
  name: Type.String(),
  creditCode: Nullable(Type.String()),
  idNumber: Nullable(Type.String({ description: "a farmer's ID number, masked unless you manage the seller" })),
  contactName: Type.String(),
  contactPhone: Type.String({ description: 'masked unless you manage the seller' }),
  divisionCode: Type.String(),
  address: Type.String(),
  tags: Type.Array(StringEnum(SELLER_TAGS)),
  description: Type.String(),
  ownerUserId: Type.String(),
  status: StringEnum(SELLER_STATUSES),
  statusReason: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type SellerView = Static<typeof SellerSchema>;

export const SellerProfileSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(SELLER_KINDS),
  name: Type.String(),
  divisionCode: Type.String(),
  description: Type.String(),
  tags: Type.Array(StringEnum(SELLER_TAGS)),
});

export const SellerApplyBody = Type.Object({
  kind: StringEnum(SELLER_KINDS),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  creditCode: Type.Optional(Type.String({ description: '统一社会信用代码; required for every kind but farmer' })),
  idNumber: Type.Optional(Type.String({ description: "居民身份证号码; required for a farmer" })),
  contactName: Type.String({ minLength: 1, maxLength: 50 }),
  contactPhone: Phone,
  divisionCode: DivisionCode,
  address: Type.String({ minLength: 1, maxLength: 200 }),
  tags: Type.Optional(Type.Array(StringEnum(SELLER_TAGS), { uniqueItems: true })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  ownerUserId: Type.Optional(Type.String({ maxLength: 64, description: 'county admins may apply on behalf of another account' })),
});
export type SellerApplication = Static<typeof SellerApplyBody> & { isDemo?: boolean };

export const SellerUpdateBody = Type.Object({
  contactName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  contactPhone: Type.Optional(Phone),
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  tags: Type.Optional(Type.Array(StringEnum(SELLER_TAGS), { uniqueItems: true })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type SellerChanges = Static<typeof SellerUpdateBody>;

export const ReviewBody = Type.Object({
  decision: StringEnum(['approve', 'reject'] as const),
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'required when rejecting' })),
});
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });

export const SellerQuery = Type.Object({
  status: Type.Optional(StringEnum(SELLER_STATUSES)),
  kind: Type.Optional(StringEnum(SELLER_KINDS)),
  q: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type SellerFilter = Omit<Static<typeof SellerQuery>, 'limit' | 'cursor'>;

export const HouseholdSchema = Type.Object({
  id: Type.String(),
  householdNo: Type.String(),
  villageCode: Type.String(),
  headName: Type.String(),
  headIdNumber: Type.String({ description: 'masked; the household itself reads it whole at /parties/households/{id}/id-number' }),
  members: Type.Integer(),
  status: StringEnum(HOUSEHOLD_STATUSES),
  liftedYear: Nullable(Type.Integer()),
  userId: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type HouseholdView = Static<typeof HouseholdSchema>;

export const HouseholdCreateBody = Type.Object({
  householdNo: Type.String({ pattern: '^[0-9A-Za-z-]{4,32}$' }),
  villageCode: VillageCode,
  headName: Type.String({ minLength: 1, maxLength: 50 }),
  headIdNumber: Type.String(),
  members: Type.Integer({ minimum: 1, maximum: 30 }),
  status: Type.Optional(StringEnum(HOUSEHOLD_STATUSES)),
  liftedYear: Type.Optional(Nullable(Type.Integer({ minimum: 2013, maximum: 2100 }))),
  userId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
});
export type HouseholdInput = Static<typeof HouseholdCreateBody> & { isDemo?: boolean };

export const HouseholdUpdateBody = Type.Object({
  headName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  members: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  status: Type.Optional(StringEnum(HOUSEHOLD_STATUSES)),
  liftedYear: Type.Optional(Nullable(Type.Integer({ minimum: 2013, maximum: 2100 }))),
  userId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
});
export type HouseholdChanges = Static<typeof HouseholdUpdateBody>;

export const HouseholdQuery = Type.Object({
  villageCode: Type.Optional(VillageCode),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  status: Type.Optional(StringEnum(HOUSEHOLD_STATUSES)),
  q: Type.Optional(Type.String({ maxLength: 64, description: 'household number or head name' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type HouseholdFilter = Omit<Static<typeof HouseholdQuery>, 'limit' | 'cursor'>;

export const LinkSchema = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  sellerId: Type.String(),
  productId: Nullable(Type.String()),
  /** The catalogue's name of the product, shown instead of its id (null for a seller-wide link). */
  productName: Type.Optional(Nullable(Type.String())),
  role: StringEnum(LINK_ROLES),
  shareBp: Type.Integer(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});
export type LinkView = Static<typeof LinkSchema>;

export const LinkCreateBody = Type.Object({
  sellerId: Type.String({ minLength: 1, maxLength: 64 }),
  productId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  role: StringEnum(LINK_ROLES),
  shareBp: Type.Integer({ minimum: 1, maximum: 10000, description: 'share of each sale credited, in 1/100 per cent (500 = 5 %)' }),
  validFrom: Type.Optional(IsoDate),
});
export type LinkInput = Static<typeof LinkCreateBody>;
export const LinkEndBody = Type.Object({ validTo: IsoDate });
