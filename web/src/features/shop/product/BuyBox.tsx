import { useState } from 'react';
import { App, Button, Flex, Grid, InputNumber, Typography } from 'antd';
import { ShoppingCartOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { cart, MAX_QUANTITY } from '../cart/cartStore.js';
import { buyNowPath } from '../checkout/buyNow.js';
import { Price } from '../shared/Price.js';
import { BuyBar } from './BuyBar.js';
import { SkuPicker } from './SkuPicker.js';

/** Choose a specification and how many, then into the cart, or 立即购买: straight to a checkout of just this item. */
export function BuyBox({ product }: { product: Product }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const firstInStock = product.skus.find((s) => s.active && s.available > 0);
  const [skuId, setSkuId] = useState(firstInStock?.id);
  const [quantity, setQuantity] = useState(1);
  const sku = product.skus.find((s) => s.id === skuId);
  // On a phone the buttons sit in a bar fixed to the bottom of the screen, always in reach.
  const mobile = Grid.useBreakpoint().md === false;
  const most = Math.max(1, Math.min(MAX_QUANTITY, sku?.available ?? 1));

  const add = () => {
    if (!sku) return false;
    cart.add(
      { skuId: sku.id, productId: product.id, sellerId: product.sellerId, sellerName: product.sellerName, categoryId: product.categoryId, photo: product.photos[0]?.thumbUrl, productName: product.name, spec: sku.spec, unit: sku.unit, priceFen: sku.priceFen },
      Math.min(quantity, most),
    );
    return true;
  };

  const actions = (
    <>
      {!firstInStock ? (
        <Button size="large" disabled block>
          {t('shop.product.soldOut')}
        </Button>
      ) : (
        <Flex gap={8}>
          <Button
            size="large"
            icon={<ShoppingCartOutlined />}
            style={{ flex: 1 }}
            onClick={() => add() && void message.success(t('shop.product.added'))}
            data-testid="add-to-cart"
          >
            {t('shop.product.addToCart')}
          </Button>
          <Button size="large" type="primary" danger icon={<ThunderboltOutlined />} style={{ flex: 1 }} onClick={() => sku && void navigate(buyNowPath(product.id, sku.id, Math.min(quantity, most)))} data-testid="buy-now">
            {t('shop.product.buyNow')}
          </Button>
        </Flex>
      )}
    </>
  );

  return (
    <Flex vertical gap={14}>
      <Price fen={sku?.priceFen ?? product.minPriceFen} size={26} suffix={sku ? `/ ${sku.unit}` : undefined} />
      <div>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
          {t('shop.product.spec')}
        </Typography.Text>
        <SkuPicker skus={product.skus} value={skuId} onChange={(id) => {
          setSkuId(id);
          setQuantity(1);
        }} />
      </div>
      <Flex align="center" gap={12}>
        <Typography.Text type="secondary">{t('shop.product.quantity')}</Typography.Text>
        <InputNumber min={1} max={most} precision={0} value={quantity} onChange={(v) => setQuantity(v ?? 1)} disabled={!sku} data-testid="quantity" />
        {sku && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('shop.product.available', { count: sku.available, unit: sku.unit })}
          </Typography.Text>
        )}
      </Flex>
      {mobile ? <BuyBar>{actions}</BuyBar> : actions}
    </Flex>
  );
}
