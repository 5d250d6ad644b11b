import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';

/** The roles that have a 工作台 (a shopper's home is the shop), in the order their blocks are shown. */
export const WORKBENCH_ROLES = ['county_admin', 'township_operator', 'village_operator', 'merchant', 'courier', 'regulator', 'trainer'] as const;
export type WorkbenchRole = (typeof WORKBENCH_ROLES)[number];

/** Every figure a block may hold; the console names each and links it to the page where the work is done. */
export const WORKBENCH_ITEMS = [
  'parcelsToHandOver',
  'cashToCollect',
  'produceToSendUp',
  'ordersToShip',
  'runsToday',
  'stopsToday',
  'stopsLeftToday',
  'lowStockSkus',
  'certificatesExpiring',
  'reviewsPending',
  'complaints',
  'recallsOpen',
  'pointsOperating',
  'pointsNotOperating',
  'pointsWithoutOperator',
  'parcelsOverdue',
  'parcelsAtRisk',
  'promiseBreaches',
  'sellersToReview',
  'sessionsUpcoming',
  'personTimesThisMonth',
  'stationDay',
] as const;
export type WorkbenchItemKey = (typeof WORKBENCH_ITEMS)[number];

export const WorkbenchItemSchema = Type.Object({
  key: StringEnum(WORKBENCH_ITEMS),
  count: Type.Integer({ minimum: 0 }),
  amountFen: Type.Optional(Type.Integer({ minimum: 0, description: 'money the count stands for, in fen (cash to collect)' })),
  sessions: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), title: Type.String(), startsAt: Type.String(), placeText: Type.String() }), { description: 'the next few of the upcoming training sessions, soonest first (sessionsUpcoming)' }),
  ),
  stationDays: Type.Optional(
    Type.Array(
      Type.Object({
        siteId: Type.String(),
        siteName: Type.String(),
        status: StringEnum(['not_opened', 'open', 'closed'] as const, { description: 'not_opened: nothing recorded and no 开账 yet today' }),
        services: Type.Integer({ minimum: 0 }),
        byKind: Type.Array(Type.Object({ kind: StringEnum(['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'] as const), count: Type.Integer({ minimum: 0 }) })),
        expectedCashFen: Type.Integer({ description: 'opening + cash in − cash out so far (a closed day’s as it closed)' }),
      }),
      { description: 'today’s book of each till the caller records at (stationDay): its point, or its township’s station' },
    ),
  ),
});

export const WorkbenchSchema = Type.Object({
  name: Type.String({ description: 'the caller’s display name' }),
  place: Nullable(Type.String(), { description: 'where the caller works: its site, township or county' }),
  blocks: Type.Array(Type.Object({ role: StringEnum(WORKBENCH_ROLES), items: Type.Array(WorkbenchItemSchema) })),
});

export type WorkbenchItem = Static<typeof WorkbenchItemSchema>;
export type WorkbenchView = Static<typeof WorkbenchSchema>;
