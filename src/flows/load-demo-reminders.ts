import type { Modules } from '../app.js';
import { shanghaiDate } from '../kernel/clock.js';
import type { RequestContext } from '../kernel/context.js';

const DAY_MS = 86_400_000;
const CERTIFICATE_NUMBER = 'LB-2024-530621-0101';

/**
 * The demo merchant's 工作台 has work on the first morning: the green-food certificate of its 青花椒 特级 runs out in
 * three weeks, and the jar of its 花椒芽菜 is down to a few. Loading again changes nothing more.
 */
export async function loadDemoReminders(modules: Modules, ctx: RequestContext, sellerId: string, now: Date): Promise<void> {
  const { catalog } = modules.catalog;
  const products = await catalog.listManaged(ctx, sellerId);
  const certified = products.find((p) => p.name === '青花椒 特级');
  const running = products.find((p) => p.name === '花椒芽菜');
  if (certified && !(await catalog.certificationsOf(certified.id)).some((c) => c.number === CERTIFICATE_NUMBER)) {
    const validTo = shanghaiDate(new Date(now.getTime() + 21 * DAY_MS));
    await catalog.addCertification(ctx, certified.id, { kind: 'green_food', number: CERTIFICATE_NUMBER, issuer: '中国绿色食品发展中心', validFrom: '2024-01-01', validTo });
  }
  const sku = running?.skus.at(-1);
  if (sku && sku.available > 6) await catalog.setStock(ctx, sku.id, 'seller', 6);
}
