import { useEffect, useState } from 'react';
import { Card, Flex, Typography } from 'antd';
import type { Order } from '../../../api/orders.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { shortOrderNo } from '../../orders/shared/orderLabels.js';

/** Where the point's console opens on this order: its 代收订单 page with the number filled in. */
export const pickupUrl = (shortNo: string) => `${window.location.origin}/network/pickup-orders?no=${shortNo}`;

const SHOWN: Order['status'][] = ['pending_payment', 'paid', 'shipped', 'delivered'];

/**
 * 到服务点付款取货: for cash at a village point, the number in large type and a QR code the point scans. The QR
 * library loads only here (the shop's first load stays small).
 */
export function PickupQr({ order }: { order: Order }) {
  const t = useT();
  const [src, setSrc] = useState<string>();
  const show = order.paymentMethod === 'village_cash' && SHOWN.includes(order.status);
  useEffect(() => {
    if (!show) return;
    let live = true;
    void import('qrcode').then((qr) => qr.toDataURL(pickupUrl(order.shortNo), { margin: 1, width: 220, errorCorrectionLevel: 'M' })).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [show, order.shortNo]);
  if (!show) return null;
  const no = shortOrderNo(order);
  return (
    <Card size="small" title={t('order.qr.title')} data-testid="pickup-qr">
      <Flex vertical align="center" gap={8}>
        <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 28, letterSpacing: 2 }} data-testid="pickup-qr-no">
          {no}
        </Typography.Text>
        {src ? <img src={src} width={180} height={180} alt={no} data-testid="pickup-qr-image" /> : <div style={{ width: 180, height: 180 }} />}
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {t('order.qr.body', { no })}
        </Typography.Text>
        {order.status === 'pending_payment' && order.expiresAt && (
          <Typography.Text strong data-testid="pickup-qr-pay-by">
            {t('order.payByCash', { time: formatDateTime(order.expiresAt) })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
