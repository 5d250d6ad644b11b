import { useSyncExternalStore } from 'react';

/** One line of the cart: the SKU and how many, with what the shop showed when it was added. */
export interface CartLine {
  skuId: string;
  productId: string;
  sellerId: string;
  sellerName: string | null;
  categoryId: string;
  /** The product's thumbnail, if it has a photo. */
  photo?: string;
  productName: string;
  spec: string;
  unit: string;
  /** The price when added; the server prices the order from the catalogue at checkout. */
  priceFen: number;
  quantity: number;
}

const STORAGE_KEY = 'countyhub.cart';
/** The most of one SKU a checkout line takes (the server's limit). */
export const MAX_QUANTITY = 999;
/** The most lines a checkout takes (the server's limit). */
export const MAX_LINES = 50;

const isLine = (value: unknown): value is CartLine => {
  const l = value as CartLine;
  return !!l && typeof l.skuId === 'string' && typeof l.productId === 'string' && typeof l.sellerId === 'string' && Number.isInteger(l.quantity) && l.quantity > 0 && Number.isInteger(l.priceFen);
};

function read(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isLine) : [];
  } catch {
    return [];
  }
}

let lines: CartLine[] = read();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function write(next: CartLine[]): void {
  lines = next;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // private mode: the cart lasts for this page only
  }
  notify();
}

// Another tab changed the cart: show the same one here.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  lines = read();
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The cart, kept in this browser (localStorage), so it survives signing in and closing the tab. */
export function useCart(): CartLine[] {
  return useSyncExternalStore(subscribe, () => lines);
}

const clamp = (quantity: number) => Math.max(1, Math.min(MAX_QUANTITY, Math.floor(quantity)));

export const cart = {
  /** Adds a SKU, or more of one already in the cart. */
  add(line: Omit<CartLine, 'quantity'>, quantity: number): void {
    const have = lines.find((l) => l.skuId === line.skuId);
    if (have) write(lines.map((l) => (l.skuId === line.skuId ? { ...line, quantity: clamp(l.quantity + quantity) } : l)));
    else write([...lines, { ...line, quantity: clamp(quantity) }]);
  },
  setQuantity(skuId: string, quantity: number): void {
    write(lines.map((l) => (l.skuId === skuId ? { ...l, quantity: clamp(quantity) } : l)));
  },
  remove(skuIds: string[]): void {
    write(lines.filter((l) => !skuIds.includes(l.skuId)));
  },
};

/** The cart's lines by seller, in the order they were first added: each seller's lines become one order. */
export function bySeller(list: CartLine[]): { sellerId: string; sellerName: string | null; lines: CartLine[] }[] {
  const groups = new Map<string, { sellerId: string; sellerName: string | null; lines: CartLine[] }>();
  for (const line of list) {
    const group = groups.get(line.sellerId) ?? { sellerId: line.sellerId, sellerName: line.sellerName, lines: [] };
    group.lines.push(line);
    groups.set(line.sellerId, group);
  }
  return [...groups.values()];
}

export const cartCount = (list: CartLine[]) => list.reduce((n, l) => n + l.quantity, 0);
