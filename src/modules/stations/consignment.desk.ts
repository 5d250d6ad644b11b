import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { ConsignmentTables } from './consignment.tables.js';
import { consignorsForDesk, DeskConsignor } from './consignment.service.js';
import type { DeskPart } from './desk.service.js';
import type { StationsTables } from './stations.tables.js';

/**
 * 代卖 on the desk: the villagers the site owes money or holds unlisted produce for, with their balances (the phone
 * checks a payout against it offline; the server checks again).
 */
export const consignorsDesk: DeskPart = {
  key: 'consignors',
  schema: Type.Array(DeskConsignor),
  read: (c) => consignorsForDesk(c.db as unknown as Kysely<ConsignmentTables & StationsTables>, c.site.id),
};
