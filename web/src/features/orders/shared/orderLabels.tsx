import { Tag } from 'antd';
import type { CampaignStatus, OrderStatus, PaymentMethod } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** 待付款 orange, 待发货 blue, 已发货 cyan, 已送达 geekblue, 已完成 green, 已取消 grey, 已退款 / 已退货 purple, 退货申请 magenta. */
const STATUS_COLOR: Record<OrderStatus, string> = {
  pending_payment: 'orange',
  confirmed: 'blue',
  paid: 'blue',
  shipped: 'cyan',
  delivered: 'geekblue',
  completed: 'green',
  cancelled: 'default',
  refunded: 'purple',
  return_requested: 'magenta',
  returned: 'purple',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="order-status">
      {t(`orderStatus.${status}`)}
    </Tag>
  );
}

const PAYMENT_COLOR: Record<PaymentMethod, string> = { village_cash: 'gold', cod: 'lime', online: 'blue' };

export function PaymentTag({ method }: { method: PaymentMethod }) {
  const t = useT();
  return (
    <Tag color={PAYMENT_COLOR[method]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`payment.${method}`)}
    </Tag>
  );
}

const CAMPAIGN_COLOR: Record<CampaignStatus, string> = { open: 'processing', succeeded: 'success', failed: 'error' };

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const t = useT();
  return (
    <Tag color={CAMPAIGN_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`campaignStatus.${status}`)}
    </Tag>
  );
}

/** An order's short number as people read it out and type it: "2612 0347" (8 digits in two groups of four). */
export const formatOrderNo = (shortNo: string) => (/^\d{8}$/.test(shortNo) ? `${shortNo.slice(0, 4)} ${shortNo.slice(4)}` : shortNo);

/** The number of an order: its short number (every order has one). */
export const shortOrderNo = (order: { shortNo: string }) => formatOrderNo(order.shortNo);

/**
 * For pages that hold only an order's id (other modules' records): its tail, upper case. Prefer `shortOrderNo` —
 * people cannot find an order by this.
 */
export const orderNo = (id: string) => id.replace(/^ord_/, '').toUpperCase();
