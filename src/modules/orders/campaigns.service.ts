import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { CheckoutInput, OrderView } from './orders.schema.js';
import type { OrdersService } from './orders.service.js';
import type { OrdersRepository } from './orders.repository.js';
import type { CampaignRow, OrderStatus } from './orders.tables.js';
import type { OrdersDirectory, StockKeeper } from './ports.js';

const SYSTEM: RequestContext = { principal: null, ip: '127.0.0.1', requestId: 'system' };

export interface CampaignInput {
  skuId: string;
  title: string;
  priceFen: number;
  targetQty: number;
  deadline: string;
  shipDate: string;
}

/**
 * Presale and crowdfunding (预售/众筹): backers pay up front for a coming harvest. At the deadline a campaign that
 * reached its target goes to fulfilment on its ship date; one that did not refunds every backer.
 */
export class CampaignService {
  constructor(
    private readonly repo: OrdersRepository,
    private readonly orders: OrdersService,
    private readonly stock: StockKeeper,
    private readonly directory: OrdersDirectory,
    private readonly clock: Clock,
  ) {}

  private view(row: CampaignRow, backedQty: number) {
    return {
      id: row.id,
      sellerId: row.seller_id,
      skuId: row.sku_id,
      productId: row.product_id,
      productName: row.product_name,
      spec: row.spec,
      title: row.title,
      priceFen: row.price_fen,
      targetQty: row.target_qty,
      backedQty,
      deadline: row.deadline,
      shipDate: row.ship_date,
      status: row.status,
    };
  }

  async create(ctx: RequestContext, input: CampaignInput) {
    const principal = signedIn(ctx);
    const sku = await this.stock.skuInfo(this.repo.db, input.skuId);
    if (!sku) throw invalidField('body.skuId', 'no such SKU');
    if (!hasRole(ctx, 'county_admin') && !(await this.directory.managedBy(principal.userId)).includes(sku.sellerId)) throw forbidden('Only the seller opens a presale for its product');
    if (!sku.onSale) throw new AppError(409, 'NOT_ON_SALE', `body.skuId: ${input.skuId} is not on sale`, { field: 'body.skuId' });
    const now = this.clock.now();
    if (input.deadline <= now.toISOString()) throw invalidField('body.deadline', 'must be in the future');
    if (input.shipDate < shanghaiDate(new Date(input.deadline))) throw invalidField('body.shipDate', 'must not be before the deadline');
    const row: CampaignRow = {
      id: newId('cmp'),
      seller_id: sku.sellerId,
      sku_id: sku.skuId,
      product_id: sku.productId,
      product_name: sku.productName,
      spec: sku.spec,
      title: input.title,
      price_fen: input.priceFen,
      target_qty: input.targetQty,
      deadline: input.deadline,
      ship_date: input.shipDate,
      status: 'open',
      settled_at: null,
      created_at: now.toISOString(),
      is_demo: 0,
    };
    await this.repo.transaction(async (trx) => {
      await this.repo.insertCampaign(trx, row);
      await recordAudit(trx, ctx, { action: 'campaign.opened', entityType: 'campaign', entityId: row.id, details: input });
    });
    return this.view(row, 0);
  }

  /**
   * Campaigns by deadline (soonest first), a page at a time. Those of a seller that may not sell now (suspended)
   * are not shown, as its products are not; they show again when it is reinstated.
   */
  async list(filter: { status?: CampaignRow['status']; sellerId?: string }, limit: number, cursor?: string) {
    const selling = [...(await this.directory.sellingSellers())];
    if (selling.length === 0) return { items: [], nextCursor: null };
    const after = decodeCursor(cursor);
    let from: { deadline: string; id: string } | undefined;
    if (after) {
      const [deadline, id] = after.split('|');
      if (!id) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
      from = { deadline, id };
    }
    const rows = await this.repo.listCampaigns({ sellerIds: selling, status: filter.status, sellerId: filter.sellerId, after: from }, limit + 1);
    const page = toPage(rows, limit, (r) => `${r.deadline}|${r.id}`);
    const backed = await this.repo.backedUnits(page.items.map((r) => r.id));
    return { items: page.items.map((r) => this.view(r, backed.get(r.id) ?? 0)), nextCursor: page.nextCursor };
  }

  async get(id: string) {
    const row = await this.repo.campaign(id);
    if (!row || !(await this.directory.sellingSellers()).has(row.seller_id)) throw notFound('Campaign');
    return this.view(row, (await this.repo.backedUnits([id])).get(id) ?? 0);
  }

  /** Backs a campaign: an order at the presale price that must be paid up front (no cash on delivery). */
  async back(ctx: RequestContext, id: string, quantity: number, input: Omit<CheckoutInput, 'items'>): Promise<OrderView> {
    signedIn(ctx);
    const campaign = await this.repo.campaign(id);
    if (!campaign) throw notFound('Campaign');
    if (campaign.status !== 'open' || campaign.deadline <= this.clock.now().toISOString()) throw new AppError(409, 'CAMPAIGN_CLOSED', 'This presale has closed');
    // What checkout asks of the catalogue (seller selling, product listed, SKU active), asked of the presale's SKU.
    if (!(await this.stock.skuInfo(this.repo.db, campaign.sku_id))?.onSale) throw new AppError(409, 'NOT_ON_SALE', 'params.id: this presale is not on sale now', { field: 'params.id' });
    if (input.paymentMethod === 'cod') throw invalidField('body.paymentMethod', 'a presale is paid up front: online or in cash at a village point');
    const pickup = await this.orders.checkPickup(input);
    const fee = await this.orders.feeFor(input);
    const line = { skuId: campaign.sku_id, productId: campaign.product_id, sellerId: campaign.seller_id, productName: campaign.product_name, spec: campaign.spec, unitPriceFen: campaign.price_fen, quantity, location: 'presale' as const };
    const placed = await this.repo.transaction((trx) => this.orders.place(trx, ctx, campaign.seller_id, [line], input, fee, campaign.id, { pickup }));
    return this.orders.viewOf(placed, ctx);
  }

  /**
   * Settles campaigns whose deadline has passed, resumably: first each outcome is decided and stored once (reached →
   * succeeded, missed → failed; guarded by status, so two processes never both decide), with `settled_at` still
   * empty. Then every decided campaign without `settled_at` closes its backings one order per transaction, each
   * guarded by the order's status (a failed one refunds paid backings and cancels unpaid ones; a successful one
   * cancels unpaid ones), and gets `settled_at` only when none is left. A run that dies part-way is finished by the
   * next, and no backer is refunded twice. Answers how many campaigns were finished.
   */
  async settleDue(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = await this.repo.dueCampaigns(now);
    const backed = await this.repo.backedUnits(due.map((c) => c.id));
    const selling = due.length ? await this.directory.sellingSellers() : new Set<string>();
    for (const campaign of due) {
      // A seller that may not sell at the deadline (suspended) cannot deliver: the presale fails and refunds.
      const reached = (backed.get(campaign.id) ?? 0) >= campaign.target_qty && selling.has(campaign.seller_id);
      await this.repo.transaction(async (trx) => {
        if (await this.repo.decideCampaignIf(trx, campaign.id, reached ? 'succeeded' : 'failed')) await recordAudit(trx, SYSTEM, { action: reached ? 'campaign.succeeded' : 'campaign.failed', entityType: 'campaign', entityId: campaign.id, details: { backedQty: backed.get(campaign.id) ?? 0, targetQty: campaign.target_qty, sellerSelling: selling.has(campaign.seller_id) } });
      });
    }
    const settling = await this.repo.unsettledCampaigns();
    let finished = 0;
    for (const campaign of settling) {
      const closes: OrderStatus[] = campaign.status === 'failed' ? ['pending_payment', 'paid'] : ['pending_payment'];
      const reason = campaign.status === 'failed' ? `presale failed: below its target of ${campaign.target_qty}, or its seller suspended` : 'presale closed before payment';
      const stuck = new Set<string>();
      for (;;) {
        const orders = (await this.repo.campaignOrderIds(campaign.id, closes, 200 + stuck.size)).filter((o) => !stuck.has(o.id));
        if (orders.length === 0) break;
        for (const order of orders) {
          await this.orders.cancel(null, order.id, reason, closes).catch((err) => {
            // Moved meanwhile by someone else; looked at again by the next run.
            if (!(err instanceof AppError && err.code === 'ORDER_STATUS_CONFLICT')) throw err;
            stuck.add(order.id);
          });
        }
      }
      if (stuck.size > 0) continue;
      await this.repo.markCampaignSettled(campaign.id, this.clock.now().toISOString());
      finished++;
    }
    return finished;
  }
}
