import { Type } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PLATFORMS, PLAYER_KINDS, REPORT_SOURCES } from './players.tables.js';

/** A market player was registered (an enterprise, co-op, service firm, trader or individual online seller). */
export const PlayerRegistered = defineEvent({
  type: 'players.player-registered',
  version: 1,
  aggregate: 'player',
  description: '市场主体已登记 A market player was registered: its name, kind and place',
  payload: Type.Object({
    playerId: Type.String(),
    name: Type.String(),
    kind: StringEnum(PLAYER_KINDS),
    townshipCode: Nullable(Type.String()),
    villageCode: Nullable(Type.String()),
    registeredAt: Type.String(),
  }),
});

/** A player's shop on another platform was recorded. */
export const ShopOpened = defineEvent({
  type: 'players.shop-opened',
  version: 1,
  aggregate: 'shop',
  description: '站外店铺已登记 A player’s shop on another platform was recorded: platform, opening date, township',
  payload: Type.Object({
    shopId: Type.String(),
    playerId: Type.String(),
    platform: StringEnum(PLATFORMS),
    openedOn: Type.String(),
    townshipCode: Nullable(Type.String()),
  }),
});

/** A shop's month was reported; a correction of the same shop-month is the next version and replaces the earlier one. */
export const ShopMonthReported = defineEvent({
  type: 'players.shop-month-reported',
  version: 1,
  aggregate: 'shop',
  description: '站外店铺月报 A shop’s monthly sales (fen), orders and farm produce; a higher version of the same shop-month replaces the earlier',
  payload: Type.Object({
    reportId: Type.String(),
    shopId: Type.String(),
    playerId: Type.String(),
    platform: StringEnum(PLATFORMS),
    month: Type.String(),
    salesFen: Type.Integer(),
    orders: Type.Integer(),
    produceFen: Type.Integer(),
    townshipCode: Nullable(Type.String()),
    villageCode: Nullable(Type.String()),
    version: Type.Integer(),
    reportedAt: Type.String(),
    source: StringEnum(REPORT_SOURCES),
  }),
});

export const PLAYER_EVENTS = [PlayerRegistered, ShopOpened, ShopMonthReported];
