import { Card, Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Campaign } from '../../../api/orders.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { Price } from '../shared/Price.js';

/** A presale (预售) with how far it has come towards its target. */
export function PresaleCard({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const percent = campaign.targetQty > 0 ? Math.min(100, Math.round((campaign.backedQty / campaign.targetQty) * 100)) : 0;
  return (
    <Link to={`/shop/presales/${campaign.id}`} data-testid="presale-card">
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }}>
          {campaign.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {campaign.productName} · {campaign.spec}
        </Typography.Text>
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
          <Price fen={campaign.priceFen} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('presale.backedOf', { backed: campaign.backedQty, target: campaign.targetQty })}
          </Typography.Text>
        </Flex>
        <Progress percent={percent} size="small" strokeColor={{ from: '#fa8c16', to: '#f5222d' }} style={{ margin: '4px 0' }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('presale.deadlineShip', { deadline: formatDateTime(campaign.deadline).slice(0, 16), ship: campaign.shipDate })}
        </Typography.Text>
      </Card>
    </Link>
  );
}
