import { defineJob } from '../../kernel/jobs/index.js';
import type { CampaignService } from './campaigns.service.js';
import type { OrdersService } from './orders.service.js';

const MINUTE = 60_000;

/** Each is resumable: every order or presale is its own transaction, guarded by the state it moves from. */
export const ordersJobs = (service: OrdersService, campaigns: CampaignService) => [
  defineJob({
    name: 'orders.expire-overdue',
    title: '取消超时未付订单 Cancel unpaid orders past their window: 30 minutes online, the point’s next opening day for cash (stock and traced units back)',
    every: MINUTE,
    run: async () => ({ cancelled: await service.expireOverdue() }),
  }),
  defineJob({
    name: 'orders.settle-presales',
    title: '结算到期预售 Settle presales past their deadline (refund every backing of one that failed)',
    every: MINUTE,
    run: async () => ({ settled: await campaigns.settleDue() }),
  }),
];
