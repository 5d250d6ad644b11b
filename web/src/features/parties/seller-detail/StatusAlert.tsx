import { Alert } from 'antd';
import type { Seller } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** What the seller's status means for it, with the reason for a rejection or suspension; nothing once approved. */
export function StatusAlert({ seller }: { seller: Seller }) {
  const t = useT();
  if (seller.status === 'approved') return null;
  const type = seller.status === 'pending' ? 'info' : seller.status === 'rejected' ? 'error' : 'warning';
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 16 }}
      title={t(`seller.banner.${seller.status}`)}
      description={seller.statusReason ? t('seller.reasonLine', { reason: seller.statusReason }) : undefined}
      data-testid="seller-status-alert"
    />
  );
}
