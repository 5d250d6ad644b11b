import { Card, Descriptions, Typography } from 'antd';
import type { Seller } from '../../../api/parties.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { SellerStatusBadge } from '../shared/partyLabels.js';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** The seller's status, why (a rejection or suspension), and who decided when. */
export function ReviewCard({ seller }: { seller: Seller }) {
  const t = useT();
  return (
    <Card title={t('seller.section.review')}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="seller-review"
        items={[
          { key: 'status', label: t('seller.field.status'), children: <SellerStatusBadge status={seller.status} /> },
          { key: 'reason', label: t('seller.field.statusReason'), children: seller.statusReason ? <span data-testid="seller-status-reason">{seller.statusReason}</span> : dash },
          { key: 'by', label: t('seller.field.reviewedBy'), children: seller.reviewedBy ? <Typography.Text code>{seller.reviewedBy}</Typography.Text> : <Typography.Text type="secondary">{t('seller.notReviewed')}</Typography.Text> },
          { key: 'at', label: t('seller.field.reviewedAt'), children: seller.reviewedAt ? formatDateTime(seller.reviewedAt) : dash },
        ]}
      />
    </Card>
  );
}
