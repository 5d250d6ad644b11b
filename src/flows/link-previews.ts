import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../kernel/errors.js';
import { oneLine } from '../kernel/http/page-meta.js';
import type { PageShell } from '../kernel/http/page-shell.js';
import type { ProductView, ShopService } from '../modules/catalog/index.js';
import { productPageAnswers, SHOP_FRAME_ANSWERS } from './shop-first-answers.js';

export interface LinkPreviewOptions {
  shop: Pick<ShopService, 'product'>;
  /** The built console's index.html. */
  shell: PageShell;
  /** COUNTYHUB_PUBLIC_URL: the address links are shared under; else the address the request came to. */
  publicUrl?: string;
}

/** The shop's product page, whose chunks the answer announces so they load beside the entry. */
const PRODUCT_PAGE = 'src/features/shop/product/ProductPage.tsx';

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

/** What a chat app shows under the link: the price first, then the seller's own words. */
export function productPreviewText(product: ProductView): string {
  const price = product.minPriceFen === null ? [] : [`${yuan(product.minPriceFen)} 起`];
  const words = [product.subtitle, product.description].map((text) => text.trim()).filter(Boolean);
  return oneLine([...price, ...words, product.sellerName ?? ''].filter(Boolean).join(' · '), 120);
}

function origin(request: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

/**
 * A shared product link (/shop/products/:id) is answered with the console's index.html carrying the product's
 * name, price, words and first photo, so WeChat and other chat apps show a card instead of a bare address. The
 * shop then starts as on any other page. A product not on sale gets the plain page (the shop says it is gone).
 */
export function linkPreviewPages(options: LinkPreviewOptions) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const params = Type.Object({ id: Type.String({ maxLength: 64 }) });
    app.get('/shop/products/:id', { config: { public: true }, schema: { hide: true, params } }, async (request, reply) => {
      const product = await options.shop.product(request.params.id).catch((err: unknown) => {
        if (err instanceof AppError && err.status === 404) return null;
        throw err;
      });
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      if (!product) return reply.send(options.shell.render(PRODUCT_PAGE, undefined, SHOP_FRAME_ANSWERS));
      const base = origin(request, options.publicUrl);
      const photo = product.photos[0]?.url;
      return reply.send(
        options.shell.render(PRODUCT_PAGE, {
          title: product.name,
          description: productPreviewText(product),
          image: photo ? new URL(photo, `${base}/`).href : undefined,
          url: `${base}/shop/products/${encodeURIComponent(product.id)}`,
        }, productPageAnswers(product.id)),
      );
    });
  };
}
