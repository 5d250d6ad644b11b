import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { catalogKeys, type Product } from '../../../api/catalog.js';
import { ApiError, api } from '../../../api/http.js';
import { MAX_QUANTITY, useCart, type CartLine } from '../cart/cartStore.js';

/**
 * 立即购买: the checkout of one item, named in the link (so it survives the sign-in on the way) and leaving the
 * cart as it is.
 */
export const buyNowPath = (productId: string, skuId: string, quantity: number) =>
  `/shop/checkout?${new URLSearchParams({ product: productId, sku: skuId, qty: String(quantity) }).toString()}`;

export interface CheckoutLines {
  lines: CartLine[];
  /** Bought straight from a product page, not from the cart. */
  direct: boolean;
  /** The product page to go back to, for a direct buy. */
  productId?: string;
  /** The item of the link is still being read. */
  loading: boolean;
  /** The item of the link is no longer to be had (the product left the shop, the specification was withdrawn). */
  gone: boolean;
  /** Reading the item failed otherwise (no connection): try again. */
  error?: unknown;
  retry?: () => void;
}

/** The lines to check out: the one item of a 立即购买 link, else the cart. */
export function useCheckoutLines(): CheckoutLines {
  const [params] = useSearchParams();
  const cartLines = useCart();
  const productId = params.get('product') ?? undefined;
  const skuId = params.get('sku') ?? undefined;
  const quantity = Math.min(MAX_QUANTITY, Math.max(1, Math.floor(Number(params.get('qty')) || 1)));
  const product = useQuery({
    queryKey: catalogKeys.product(productId ?? ''),
    queryFn: ({ signal }) => api<Product>(`/catalog/products/${encodeURIComponent(productId ?? '')}`, { signal }),
    enabled: !!productId && !!skuId,
    retry: false,
  });
  if (!productId || !skuId) return { lines: cartLines, direct: false, loading: false, gone: false };
  const p = product.data;
  const sku = p?.skus.find((s) => s.id === skuId);
  const missing = product.error instanceof ApiError && product.error.status === 404;
  if (product.isError && !missing) return { lines: [], direct: true, productId, loading: false, gone: false, error: product.error, retry: () => void product.refetch() };
  if (!p || !sku) return { lines: [], direct: true, productId, loading: product.isPending, gone: !product.isPending };
  const line: CartLine = { skuId: sku.id, productId: p.id, sellerId: p.sellerId, sellerName: p.sellerName, categoryId: p.categoryId, photo: p.photos[0]?.thumbUrl, productName: p.name, spec: sku.spec, unit: sku.unit, priceFen: sku.priceFen, quantity };
  return { lines: [line], direct: true, productId, loading: false, gone: false };
}
