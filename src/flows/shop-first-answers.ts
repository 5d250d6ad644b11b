/**
 * The API answers the shop's first screen waits for, by page, exactly as the console asks for them (path and query
 * in the same order, web/src/api/*.ts): the page shell announces them so the browser fetches them with the HTML
 * (src/kernel/http/page-shell.ts). A path that no longer matches what the page asks is fetched twice, not broken.
 */

/** What the shop's frame asks on every page: who is signed in, the deployment's mode, the county's name. */
export const SHOP_FRAME_ANSWERS = ['/api/v1/auth/me', '/api/health', '/api/v1/network/county'];

/** The home page's featured products (ShopHomePage: 鲁甸特色馆, ten of them). */
export const SHOP_HOME_ANSWERS = [...SHOP_FRAME_ANSWERS, '/api/v1/catalog/search?pavilion=specialty&limit=10'];

/** A product page's product (useProduct). */
export function productPageAnswers(productId: string): string[] {
  return [`/api/v1/catalog/products/${encodeURIComponent(productId)}`, ...SHOP_FRAME_ANSWERS];
}
