import { Card, Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Campaign } from '../../../api/orders.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { CampaignStatusTag } from '../shared/orderLabels.js';
import { SellerName } from '../shared/SellerName.js';

/** A presale as a card on a phone: title and product, price, how far backed, deadline and ship date, status. */
export function PresaleCard({ campaign: c, showSeller }: { campaign: Campaign; showSeller: boolean }) {
  const t = useT();
  return (
    <Card size="small" data-testid="campaign-card">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Link to={`/shop/presales/${c.id}`}>{c.title}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {c.productName} · {c.spec}
            {showSeller && (
              <>
                {' · '}
                <SellerName sellerId={c.sellerId} />
              </>
            )}
          </Typography.Text>
        </div>
        <CampaignStatusTag status={c.status} />
      </Flex>
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
        <Typography.Text strong>{formatFen(c.priceFen)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('presale.backedOf', { backed: c.backedQty, target: c.targetQty })}
        </Typography.Text>
      </Flex>
      <Progress percent={c.targetQty ? Math.min(100, Math.round((c.backedQty / c.targetQty) * 100)) : 0} size="small" style={{ margin: 0 }} />
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('presale.deadline')} {formatDateTime(c.deadline)} · {t('presale.shipDate')} {c.shipDate}
      </Typography.Text>
    </Card>
  );
}
