import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import { checkCodLimit, COD_UNITS_PER_SKU } from './cod-limit.js';

const refusal = (held: [string, number][], items: { skuId: string; quantity: number }[]) => {
  try {
    checkCodLimit(new Map(held), items);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, code: err.code, details: err.details };
  }
};

describe('the cash-on-delivery cap', () => {
  it('lets a buyer hold up to the cap of one SKU, counting what unshipped orders already hold', () => {
    expect(refusal([], [{ skuId: 'sku_a', quantity: COD_UNITS_PER_SKU }])).toBeNull();
    expect(refusal([['sku_a', 30]], [{ skuId: 'sku_a', quantity: 20 }])).toBeNull();
  });

  it('names the first line that goes over, adding lines of the same SKU together', () => {
    expect(refusal([['sku_a', 30]], [{ skuId: 'sku_b', quantity: 50 }, { skuId: 'sku_a', quantity: 21 }])).toEqual({ status: 409, code: 'COD_LIMIT', details: { field: 'body.items.1.quantity', limit: 50, skuId: 'sku_a' } });
    expect(refusal([], [{ skuId: 'sku_a', quantity: 30 }, { skuId: 'sku_a', quantity: 21 }])).toEqual({ status: 409, code: 'COD_LIMIT', details: { field: 'body.items.1.quantity', limit: 50, skuId: 'sku_a' } });
  });

  it("counts each SKU on its own: another SKU's holding does not count", () => {
    expect(refusal([['sku_b', 50]], [{ skuId: 'sku_a', quantity: 50 }])).toBeNull();
  });
});
