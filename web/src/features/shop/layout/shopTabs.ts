export type ShopTab = 'home' | 'categories' | 'cart' | 'orders';

/**
 * Which tab a page belongs to, from its path alone. Only the tab's own pages light it: checkout, and the page that
 * says the order was placed, are no longer the cart; a product page belongs to no tab (it has its own buy bar).
 */
export function activeTab(pathname: string): ShopTab | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/shop') return 'home';
  if (path === '/shop/categories' || path === '/shop/search') return 'categories';
  if (path === '/shop/cart') return 'cart';
  if (path === '/shop/orders' || path.startsWith('/shop/orders/')) return 'orders';
  return undefined;
}

/** Pages with their own bar at the bottom (the product's buy bar), where the tab bar would cover it. */
export const hidesTabBar = (pathname: string) => /^\/shop\/products\/[^/]+\/?$/.test(pathname);

/** The height of the tab bar and of the buy bar that takes its place, above the phone's safe area. */
export const BOTTOM_BAR_HEIGHT = 56;
