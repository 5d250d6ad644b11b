import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { signedIn, type RequestContext } from '../../kernel/context.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { MarketDirectory } from './directory.js';

/** An active SKU of a listed product with fewer units than this for sale is 库存不足. */
export const LOW_STOCK_UNITS = 10;
/** Certificates and brand licences that end within this many days are 即将到期. */
export const EXPIRY_NOTICE_DAYS = 30;
const DAY_MS = 86_400_000;

/** The catalogue figures of the 工作台 (workbench module): the caller's own products and licences only. */
export class CatalogWorkbenchCounts {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly directory: MarketDirectory,
    private readonly clock: Clock,
  ) {}

  /**
   * For the sellers the caller manages: SKUs on sale running low, and certificates of their products (in force
   * today) and regional-brand licences (not revoked) that end within 30 days.
   */
  async seller(ctx: RequestContext): Promise<{ lowStock: number; expiringCertificates: number }> {
    const sellerIds = await this.directory.managedBy(signedIn(ctx).userId);
    if (!sellerIds.length) return { lowStock: 0, expiringCertificates: 0 };
    const view = await this.repo.view();
    const today = shanghaiDate(this.clock.now());
    const horizon = shanghaiDate(new Date(this.clock.now().getTime() + EXPIRY_NOTICE_DAYS * DAY_MS));
    const products = view.products({ sellerIds });
    const listed = products.filter((p) => p.status === 'listed').map((p) => p.id);
    const lowStock = (await this.repo.skusOf(listed, view)).filter((k) => k.active === 1 && k.available < LOW_STOCK_UNITS).length;
    const certificates = view.certificationsOf(products.map((p) => p.id), today).filter((c) => c.valid_to <= horizon).length;
    const sellers = new Set(sellerIds);
    const licences = view.brands.flatMap((b) => view.licences(b.id)).filter((l) => sellers.has(l.seller_id) && l.revoked_at === null && l.valid_from <= today && l.valid_to >= today && l.valid_to <= horizon).length;
    return { lowStock, expiringCertificates: certificates + licences };
  }
}
