import { Type, type Static } from 'typebox';
import { PageQuery } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PLATFORMS, PLAYER_KINDS, REPORT_SOURCES } from './players.tables.js';

const Code = (digits: 9 | 12, description: string) => Type.String({ pattern: `^\\d{${digits}}$`, description });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Phone = Type.String({ pattern: '^1\\d{10}$', description: '11-digit mobile number' });
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });

export const PlayerCreateBody = Type.Object({
  name: Text(100, 2),
  kind: StringEnum(PLAYER_KINDS),
  creditCode: Type.String({ minLength: 18, maxLength: 18, description: '统一社会信用代码, with its check characters' }),
  contactName: Text(50),
  contactPhone: Phone,
  townshipCode: Code(9, 'township division code'),
  villageCode: Type.Optional(Nullable(Code(12, 'village division code, in the township'))),
  ownerUserId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'an account that may report for the player' }))),
  notes: Type.Optional(Type.String({ maxLength: 500 })),
  isDemo: Type.Optional(Type.Boolean()),
});
export type PlayerCreate = Static<typeof PlayerCreateBody>;

export const PlayerUpdateBody = Type.Object({
  name: Type.Optional(Text(100, 2)),
  contactName: Type.Optional(Text(50)),
  contactPhone: Type.Optional(Phone),
  villageCode: Type.Optional(Nullable(Code(12, 'village division code, in the township'))),
  ownerUserId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  notes: Type.Optional(Type.String({ maxLength: 500 })),
});
export type PlayerUpdate = Static<typeof PlayerUpdateBody>;

export const PlayerQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 50, description: 'part of the name or the credit code' })),
  kind: Type.Optional(StringEnum(PLAYER_KINDS)),
  townshipCode: Type.Optional(Code(9, 'township division code')),
});
export type PlayerFilter = Omit<Static<typeof PlayerQuery>, 'limit' | 'cursor'>;

export const ShopSchema = Type.Object({
  id: Type.String(),
  playerId: Type.String(),
  playerName: Type.String(),
  platform: StringEnum(PLATFORMS),
  platformName: Type.String(),
  name: Type.String(),
  url: Nullable(Type.String()),
  openedOn: Type.String({ format: 'date' }),
  status: StringEnum(['operating', 'closed'] as const),
  closedOn: Nullable(Type.String({ format: 'date' })),
  lastReportedMonth: Nullable(Type.String()),
});
export type ShopView = Static<typeof ShopSchema>;

export const PlayerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum(PLAYER_KINDS),
  creditCode: Type.String(),
  contactName: Type.String(),
  contactPhone: Type.String({ description: 'in full for the county office and the owner account, else masked (138****5678)' }),
  townshipCode: Type.String(),
  townshipName: Type.String(),
  villageCode: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
  ownerUserId: Nullable(Type.String()),
  notes: Type.String(),
  shopCount: Type.Integer(),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PlayerView = Static<typeof PlayerSchema>;

export const PlayerDetailSchema = Type.Intersect([PlayerSchema, Type.Object({ shops: Type.Array(ShopSchema) })]);

export const ShopCreateBody = Type.Object({
  platform: StringEnum(PLATFORMS),
  name: Text(100),
  url: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'http or https address of the shop' }))),
  openedOn: Type.String({ format: 'date' }),
});
export type ShopCreate = Static<typeof ShopCreateBody>;

export const ShopCloseBody = Type.Object({ closedOn: Type.String({ format: 'date' }) });

export const ShopQuery = Type.Object({
  ...PageQuery.properties,
  playerId: Type.Optional(Type.String({ maxLength: 64 })),
  platform: Type.Optional(StringEnum(PLATFORMS)),
  status: Type.Optional(StringEnum(['operating', 'closed'] as const)),
  q: Type.Optional(Type.String({ maxLength: 50, description: 'part of the shop name' })),
});
export type ShopFilter = Omit<Static<typeof ShopQuery>, 'limit' | 'cursor'>;

export const FlagSchema = Type.Object({ code: Type.String(), message: Type.String() });

export const ReportSchema = Type.Object({
  id: Type.String(),
  shopId: Type.String(),
  shopName: Type.String(),
  platform: StringEnum(PLATFORMS),
  platformName: Type.String(),
  playerId: Type.String(),
  playerName: Type.String(),
  townshipName: Type.String(),
  month: Type.String(),
  version: Type.Integer(),
  current: Type.Boolean(),
  salesFen: Type.Integer(),
  orders: Type.Integer(),
  produceFen: Type.Integer(),
  source: StringEnum(REPORT_SOURCES),
  reportedBy: Type.String({ description: 'the display name of the account that reported' }),
  reportedAt: Type.String(),
  late: Type.Boolean(),
  implausible: Type.Boolean(),
  flags: Type.Array(FlagSchema),
  reviewedAt: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
});
export type ReportView = Static<typeof ReportSchema>;

export const ReportCreateBody = Type.Object({
  shopId: Type.String({ minLength: 1, maxLength: 64 }),
  month: Month,
  salesFen: Fen,
  orders: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  produceFen: Fen,
});
export type ReportCreate = Static<typeof ReportCreateBody>;

export const ReportQuery = Type.Object({
  ...PageQuery.properties,
  shopId: Type.Optional(Type.String({ maxLength: 64 })),
  playerId: Type.Optional(Type.String({ maxLength: 64 })),
  month: Type.Optional(Month),
  flagged: Type.Optional(Type.Boolean({ description: 'only late or implausible reports' })),
  reviewed: Type.Optional(Type.Boolean()),
  history: Type.Optional(Type.Boolean({ description: 'every version, not only the current one' })),
});
export type ReportFilter = Omit<Static<typeof ReportQuery>, 'limit' | 'cursor'>;

export const ReviewBody = Type.Object({ note: Text(500) });

export const MissingQuery = Type.Object({ ...PageQuery.properties, month: Type.Optional(Month) });

export const MonthSchema = Type.Object({ month: Type.String(), salesFen: Type.Integer(), orders: Type.Integer(), produceFen: Type.Integer() });
export const MonthsSchema = Type.Object({ months: Type.Array(MonthSchema) });

export const ImportResultSchema = Type.Object({
  imported: Type.Integer(),
  corrections: Type.Integer({ description: 'rows that replaced an earlier report of the same shop-month' }),
  flagged: Type.Integer(),
});
