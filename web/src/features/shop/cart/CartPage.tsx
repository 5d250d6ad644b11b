import { Button, Card, Divider, Empty, Flex, Typography } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { Price } from '../shared/Price.js';
import { useDeliveryFees } from '../shared/useDeliveryFees.js';
import { CartLineRow } from './CartLineRow.js';
import { bySeller, cartCount, MAX_LINES, useCart } from './cartStore.js';
import { lineProblem, useCartCheck } from './useCartCheck.js';

/** The cart, one card per seller (each becomes its own order), with what it comes to. */
export function CartPage() {
  const t = useT();
  const navigate = useNavigate();
  const lines = useCart();
  const { states } = useCartCheck(lines);
  const fees = useDeliveryFees();
  const groups = bySeller(lines);
  const itemsFen = lines.reduce((n, l) => n + (states.get(l.skuId)?.priceFen ?? l.priceFen) * l.quantity, 0);
  const deliveryFen = fees.parcel * groups.length;
  const blocked = lines.some((l) => lineProblem(l, states.get(l.skuId))) || lines.length > MAX_LINES;

  if (lines.length === 0) {
    return (
      <Card>
        <Empty description={t('shop.cart.empty')}>
          <Link to="/shop">
            <Button type="primary" icon={<ShopOutlined />}>
              {t('shop.cart.goShopping')}
            </Button>
          </Link>
        </Empty>
      </Card>
    );
  }
  return (
    <>
      <PageHeader title={t('shop.cart.title')} subtitle={t('shop.cart.subtitle')} />
      <Flex vertical gap={12}>
        {groups.map((g) => (
          <Card key={g.sellerId} size="small" title={<span data-testid="cart-seller">{g.sellerName ?? g.sellerId}</span>} data-testid="cart-group">
            {g.lines.map((l, i) => (
              <div key={l.skuId}>
                {i > 0 && <Divider style={{ margin: 0 }} />}
                <CartLineRow line={l} state={states.get(l.skuId)} />
              </div>
            ))}
          </Card>
        ))}
        <Card size="small">
          <Flex vertical gap={6}>
            <Flex justify="space-between">
              <Typography.Text type="secondary">{t('shop.cart.items', { count: cartCount(lines) })}</Typography.Text>
              <Price fen={itemsFen} size={15} />
            </Flex>
            <Flex justify="space-between">
              <Typography.Text type="secondary">{t('shop.cart.delivery', { orders: groups.length })}</Typography.Text>
              <Price fen={deliveryFen} size={15} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('shop.cart.deliveryNote')}
            </Typography.Text>
            {lines.length > MAX_LINES && <Typography.Text type="danger">{t('shop.cart.tooManyLines', { max: MAX_LINES })}</Typography.Text>}
            <Divider style={{ margin: '6px 0' }} />
            <Flex justify="space-between" align="center">
              <Typography.Text strong>
                {t('shop.cart.total')} <Price fen={itemsFen + deliveryFen} size={20} />
              </Typography.Text>
              <Button type="primary" danger size="large" disabled={blocked} onClick={() => void navigate('/shop/checkout')} data-testid="go-checkout">
                {t('shop.cart.checkout')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      </Flex>
    </>
  );
}
