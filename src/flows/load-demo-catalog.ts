import type { Modules } from '../app.js';
import type { RequestContext } from '../kernel/context.js';
import { DEMO_SELLERS } from '../seed/ludian-market.js';
import { DEMO_BRANDS, DEMO_CATEGORIES, PRODUCT_TEMPLATES } from '../seed/ludian-catalog.js';
import { loadDemoReminders } from './load-demo-reminders.js';
import { demoPhoto } from './demo-photos.js';

/**
 * Demo catalogue: categories, the three regional brands licensed to the sellers of their produce, and every
 * seller's products from its produce's templates (listed, with stock, and with `photos` a drawn photo each), a few
 * curated into 鲁甸特色馆.
 * Loading again adds only what is missing.
 */
export async function loadDemoCatalog(modules: Modules, ctx: RequestContext, opts: { photos?: boolean } = {}): Promise<{ products: number }> {
  const { catalog } = modules.catalog;
  const haveCategories = new Set((await catalog.listCategories()).map((c) => c.id));
  for (const [sort, top] of DEMO_CATEGORIES.entries()) {
    if (!haveCategories.has(top.id)) await catalog.createCategory(ctx, { id: top.id, name: top.name, sort });
    for (const child of top.children) if (!haveCategories.has(child.id)) await catalog.createCategory(ctx, { id: child.id, name: child.name, parentId: top.id });
  }
  const haveBrands = new Set((await catalog.listBrands()).map((b) => b.id));
  for (const brand of DEMO_BRANDS) if (!haveBrands.has(brand.id)) await catalog.createBrand(ctx, brand);

  const sellers = new Map((await modules.parties.sellers.list(ctx, {}, 500)).items.map((s) => [s.name, s.id]));
  let products = 0;
  for (const [index, seed] of DEMO_SELLERS.entries()) {
    const sellerId = sellers.get(seed.name)!;
    const template = PRODUCT_TEMPLATES[seed.produce];
    const brand = DEMO_BRANDS.find((b) => b.produce === seed.produce);
    if (brand && !(await catalog.listLicences(ctx, brand.id)).some((l) => l.sellerId === sellerId)) {
      await catalog.grantLicence(ctx, brand.id, { sellerId, licenceNo: `LD-${brand.id.slice(4, 8).toUpperCase()}-${String(index + 1).padStart(3, '0')}`, validFrom: '2019-01-01', validTo: '2030-12-31' });
    }
    const have = new Map((await catalog.listManaged(ctx, sellerId)).map((p) => [p.name, p]));
    for (const [n, name] of template.names.entries()) {
      products++;
      const had = have.get(name);
      // A demo product gets a drawn photo with its name, also one loaded before photos were (it had none).
      if (had) {
        if (opts.photos && had.photos.length === 0) await modules.catalog.photos.add(ctx, had.id, await demoPhoto(template.photo, name));
        continue;
      }
      const product = await catalog.createProduct(ctx, {
        sellerId,
        categoryId: template.categoryOf?.[name] ?? template.category,
        name,
        subtitle: template.subtitle,
        description: `${seed.name}出品。${template.subtitle}。产地：${seed.address}。`,
        originCode: seed.divisionCode,
        brandId: brand && n % 2 === 0 ? brand.id : null,
        status: 'listed',
        skus: template.skus.map(([spec, unit, grams, priceFen], k) => ({ spec, unit, netWeightG: grams, priceFen: priceFen + index * 100, stock: 20 + ((index * 37 + n * 11 + k * 7) % 280) })),
        isDemo: true,
      });
      if (n === 0 && seed.status === 'approved') await catalog.setSpecialty(ctx, product.id, true);
      if (opts.photos) await modules.catalog.photos.add(ctx, product.id, await demoPhoto(template.photo, name));
    }
  }
  const merchant = sellers.get(DEMO_SELLERS.find((s) => s.owner === 'demo.merchant')?.name ?? '');
  if (merchant) await loadDemoReminders(modules, ctx, merchant, new Date());
  return { products };
}
