import { Descriptions, Typography } from 'antd';
import type { Order } from '../../../api/orders.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PaymentTag, shortOrderNo } from './orderLabels.js';
import { PickupPointName } from './PickupPointName.js';
import { SellerName } from './SellerName.js';

/** Number, seller, payment (where the money ended, and where the cash is paid), delivery, carrier and waybill, the address. */
export function OrderFacts({ order, place }: { order: Order; place?: (code: string) => string | undefined }) {
  const t = useT();
  const where = place?.(order.shipTo.divisionCode);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      items={[
        { key: 'no', label: t('order.no'), children: <Typography.Text copyable={{ text: order.shortNo }} strong style={{ fontFamily: 'monospace', fontSize: 15, letterSpacing: 1 }} data-testid="order-no">{shortOrderNo(order)}</Typography.Text> },
        { key: 'seller', label: t('order.seller'), children: <SellerName sellerId={order.sellerId} /> },
        { key: 'createdAt', label: t('order.createdAt'), children: formatDateTime(order.createdAt) },
        {
          key: 'payment',
          label: t('order.payment'),
          children: (
            <span data-testid="order-payment">
              <PaymentTag method={order.paymentMethod} /> {order.payments.map((p) => t(`paymentStatus.${p.status}`)).join('，')}
            </span>
          ),
        },
        ...(order.pickupSiteId ? [{ key: 'pickup', label: t('order.pickup'), children: <PickupPointName siteId={order.pickupSiteId} /> }] : []),
        ...(order.status === 'pending_payment' && order.expiresAt
          ? [
              {
                key: 'expires',
                label: t('order.payBefore'),
                children: (
                  <span data-testid="order-pay-before">
                    {formatDateTime(order.expiresAt)}
                    {order.cashWindow && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t(order.cashWindow.assumed ? 'pickup.hoursAssumed' : 'pickup.hours', { hours: order.cashWindow.hours })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
            ]
          : []),
        ...(order.carrier
          ? [
              {
                key: 'waybill',
                label: t('order.waybill'),
                children: (
                  <span data-testid="order-waybill">
                    {`${t(`carrier.${order.carrier}`)} ${order.waybillNo ?? ''} `}
                    {/* The public tracking page answers to the waybill and the last four digits of the phone. */}
                    {order.waybillNo && <a href={`/track?waybillNo=${encodeURIComponent(order.waybillNo)}&phoneLast4=${order.shipTo.phone.slice(-4)}`} target="_blank" rel="noreferrer" data-testid="order-track">{t('order.track')}</a>}
                  </span>
                ),
              },
            ]
          : []),
        { key: 'shipTo', label: t('order.shipTo'), span: 2, children: `${order.shipTo.name} ${order.shipTo.phone} · ${where ? `${where} ` : ''}${order.shipTo.address}` },
        ...(order.cancelReason ? [{ key: 'reason', label: t('order.cancelReason'), span: 2, children: order.cancelReason }] : []),
        ...(order.returnReason ? [{ key: 'return', label: t('order.returnReason'), span: 2, children: order.returnReason }] : []),
      ]}
    />
  );
}
