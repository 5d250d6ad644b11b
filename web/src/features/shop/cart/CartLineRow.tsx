import { Button, Flex, InputNumber, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/locale/LocaleContext.js';
import { Price } from '../shared/Price.js';
import { ProductArt } from '../shared/ProductArt.js';
import { cart, MAX_QUANTITY, type CartLine } from './cartStore.js';
import { lineProblem, type LineState } from './useCartCheck.js';

/** A cart line: picture, name and specification, price now, how many, remove; and what is wrong with it. */
export function CartLineRow({ line, state }: { line: CartLine; state: LineState | undefined }) {
  const t = useT();
  const problem = lineProblem(line, state);
  const price = state?.priceFen ?? line.priceFen;
  return (
    <Flex gap={12} align="flex-start" style={{ padding: '10px 0' }} data-testid="cart-line">
      <Link to={`/shop/products/${line.productId}`} style={{ width: 72, flex: 'none' }}>
        <ProductArt categoryId={line.categoryId} photo={line.photo} style={{ borderRadius: 8, opacity: problem === 'gone' || problem === 'soldOut' ? 0.5 : 1 }} />
      </Link>
      <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Link to={`/shop/products/${line.productId}`}>
          <Typography.Text strong ellipsis style={{ display: 'block' }}>
            {line.productName}
          </Typography.Text>
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {line.spec} / {line.unit}
        </Typography.Text>
        {problem && (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="line-problem">
            {problem === 'tooMany' ? t('shop.cart.onlyLeft', { count: state!.available }) : t(`shop.cart.${problem}`)}
          </Typography.Text>
        )}
        {state && state.onSale && state.priceFen !== line.priceFen && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('shop.cart.priceChanged')}
          </Typography.Text>
        )}
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Price fen={price} size={16} />
          <Flex align="center" gap={4}>
            <InputNumber size="small" min={1} max={MAX_QUANTITY} precision={0} value={line.quantity} onChange={(v) => v && cart.setQuantity(line.skuId, v)} style={{ width: 72 }} aria-label={t('shop.product.quantity')} data-testid="line-quantity" />
            <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('shop.cart.remove')} onClick={() => cart.remove([line.skuId])} data-testid="line-remove" />
          </Flex>
        </Flex>
      </Flex>
    </Flex>
  );
}
