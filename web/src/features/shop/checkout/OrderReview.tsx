import { Card, Flex, Typography } from 'antd';
import type { DeliveryKind } from '../../../api/orders.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { bySeller, type CartLine } from '../cart/cartStore.js';
import type { LineState } from '../cart/useCartCheck.js';
import { Price } from '../shared/Price.js';

interface Props {
  lines: CartLine[];
  states: Map<string, LineState>;
  /** The fee of one order for the delivery chosen, or undefined when it is not offered there. */
  fee: number | undefined;
  delivery: DeliveryKind;
}

/** One order a seller, its lines and delivery, and the sum of everything to pay. */
export function OrderReview({ lines, states, fee, delivery }: Props) {
  const t = useT();
  const groups = bySeller(lines);
  const price = (l: CartLine) => states.get(l.skuId)?.priceFen ?? l.priceFen;
  const itemsFen = lines.reduce((n, l) => n + price(l) * l.quantity, 0);
  const deliveryFen = (fee ?? 0) * groups.length;
  return (
    <Card size="small" title={t('checkout.review', { orders: groups.length })}>
      <Flex vertical gap={12}>
        {groups.map((g) => (
          <div key={g.sellerId} data-testid="review-group">
            <Typography.Text strong>{g.sellerName}</Typography.Text>
            {g.lines.map((l) => (
              <Flex key={l.skuId} justify="space-between" gap={8} style={{ fontSize: 13 }}>
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  {l.productName} · {l.spec} × {l.quantity}
                </Typography.Text>
                <span style={{ whiteSpace: 'nowrap' }}>{formatFen(price(l) * l.quantity)}</span>
              </Flex>
            ))}
            <Flex justify="space-between" style={{ fontSize: 13 }}>
              <Typography.Text type="secondary">{t(`delivery.${delivery}`)}</Typography.Text>
              <Typography.Text type="secondary">{fee === undefined ? '—' : formatFen(fee)}</Typography.Text>
            </Flex>
          </div>
        ))}
        <Flex justify="space-between" align="center" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
          <Typography.Text>{t('shop.cart.total')}</Typography.Text>
          <Price fen={itemsFen + deliveryFen} size={22} />
        </Flex>
      </Flex>
    </Card>
  );
}
