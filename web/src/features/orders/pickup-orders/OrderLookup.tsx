import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { usePickupOrderByNo, type Order } from '../../../api/orders.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { OrderItems } from '../shared/OrderItems.js';
import { OrderStatusTag, PaymentTag, shortOrderNo } from '../shared/orderLabels.js';
import { cameraScanAvailable } from '../../logistics/sorting/CameraScanner.js';
import { ScanButton } from './ScanButton.js';
import { useConfirmCash } from './useConfirmCash.js';

/** What was typed or scanned, down to its digits ("2612 0347", or a scanned link …/pickup-orders?no=26120347). */
export const digitsOf = (text: string) => (/[?&]no=([\d\s-]+)/.exec(text)?.[1] ?? text).replace(/[\s\-－—–·.]/g, '');

/**
 * 按订单号收款: the buyer reads out the 8-digit number (or shows its QR code, which opens this page with `?no=`); the
 * point finds the order among its own and takes the cash.
 */
export function OrderLookup() {
  const t = useT();
  // The number lives in the address (?no=), so the QR code's link opens this page on the order.
  const [search, setSearch] = useSearchParams();
  const fromUrl = digitsOf(search.get('no') ?? '');
  const no = /^\d{8}$/.test(fromUrl) ? fromUrl : undefined;
  const [typed, setTyped] = useState(no ? `${no.slice(0, 4)} ${no.slice(4)}` : '');
  const [tooShort, setTooShort] = useState(false);
  const found = usePickupOrderByNo(no);

  const look = (text: string) => {
    const digits = digitsOf(text);
    setTyped(digits.length === 8 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : text);
    setTooShort(digits.length !== 8);
    const next = new URLSearchParams(search);
    if (digits.length === 8) next.set('no', digits);
    else next.delete('no');
    setSearch(next, { replace: true });
  };

  return (
    <Card size="small" title={t('pickup.find.title')} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          size="large"
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          enterButton={t('pickup.lookup.button')}
          placeholder={t('pickup.find.placeholder')}
          onSearch={look}
          style={{ flex: '1 1 240px', maxWidth: 420, fontFamily: 'monospace' }}
          data-testid="order-lookup"
        />
        <ScanButton onResult={look} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('pickup.lookup.hint')}
        {!cameraScanAvailable() && ` ${t('pickup.scan.unsupported')}`}
      </Typography.Paragraph>
      {tooShort && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('pickup.lookup.tooShort')} />}
      {found.isError && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={errorText(found.error, t)} data-testid="lookup-error" />}
      {found.data?.length === 0 && <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('pickup.lookup.none')} data-testid="lookup-none" />}
      {found.data?.map((o) => <FoundOrder key={o.id} order={o} />)}
    </Card>
  );
}

/** The order found: number, who pays, what, how much and by when; 确认收款 while it waits for the cash. */
function FoundOrder({ order: o }: { order: Order }) {
  const t = useT();
  const confirm = useConfirmCash();
  return (
    <Card size="small" style={{ marginTop: 12, maxWidth: 520 }} data-testid="looked-up">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 }} data-testid="looked-up-no">
          {shortOrderNo(o)}
        </Typography.Text>
        <Flex gap={6} wrap>
          {o.walkIn && <Tag color="purple">{t('pickup.walkIn.tag')}</Tag>}
          <PaymentTag method={o.paymentMethod} />
          <OrderStatusTag status={o.status} />
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('pickup.col.payer')}：{o.shipTo.name} {o.shipTo.phone}
        {o.status === 'pending_payment' && o.expiresAt && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('pickup.col.payBy')}：{formatDateTime(o.expiresAt)}
          </Typography.Text>
        )}
      </Typography.Paragraph>
      <OrderItems order={o} />
      {o.paymentMethod === 'village_cash' && o.status === 'pending_payment' && (
        <Button type="primary" size="large" block style={{ marginTop: 12 }} onClick={() => confirm(o)} data-testid="confirm-cash">
          {t('pickup.confirm.button')}
        </Button>
      )}
    </Card>
  );
}
