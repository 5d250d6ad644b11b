import { Card, Descriptions, Typography } from 'antd';
import type { Seller } from '../../../api/parties.js';
import { formatDateTime } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { SellerStatusBadge } from '../shared/partyLabels.js';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/**
 * Who reviewed, as a person reads it: the platform itself, oneself, or the county office (only it reviews sellers).
 * The server records the reviewer's login name, so "oneself" is a match on the caller's username, not its id.
 */
function reviewerName(t: Translate, reviewedBy: string, me: string): string {
  if (reviewedBy === 'system') return t('partyNames.reviewer.system');
  return reviewedBy === me ? t('partyNames.reviewer.self') : t('partyNames.reviewer.county');
}

/** The seller's status, why (a rejection or suspension), and who decided when. */
export function ReviewCard({ seller }: { seller: Seller }) {
  const t = useT();
  const me = useUser().username;
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
          { key: 'by', label: t('seller.field.reviewedBy'), children: seller.reviewedBy ? <span>{reviewerName(t, seller.reviewedBy, me)}</span> : <Typography.Text type="secondary">{t('seller.notReviewed')}</Typography.Text> },
          { key: 'at', label: t('seller.field.reviewedAt'), children: seller.reviewedAt ? formatDateTime(seller.reviewedAt) : dash },
        ]}
      />
    </Card>
  );
}
