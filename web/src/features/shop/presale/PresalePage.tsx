import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Progress, Result, Row, Skeleton, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useMe } from '../../../api/auth.js';
import { ApiError } from '../../../api/http.js';
import { useCampaign, type Order } from '../../../api/orders.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { CampaignStatusTag } from '../../orders/shared/orderLabels.js';
import { CheckoutDone } from '../checkout/CheckoutDone.js';
import { Price } from '../shared/Price.js';
import { PresaleBackForm } from './PresaleBackForm.js';

/** 预售 / 众筹: the campaign, how far it has come, and backing it (paid now, shipped from the ship date). */
export function PresalePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { pathname } = useLocation();
  const campaign = useCampaign(id);
  const signedIn = !!useMe().data;
  const [backed, setBacked] = useState<Order | null>(null);

  if (backed) return <CheckoutDone orders={[backed]} />;
  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) {
      return <Result status="404" title={t('presale.notFound')} extra={<Link to="/shop"><Button type="primary">{t('shop.backToShop')}</Button></Link>} />;
    }
    return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  if (!campaign.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const c = campaign.data;
  const percent = c.targetQty > 0 ? Math.min(100, Math.round((c.backedQty / c.targetQty) * 100)) : 0;
  const open = c.status === 'open' && new Date(c.deadline).getTime() > Date.now();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card>
          <Flex vertical gap={8}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {c.title}
              </Typography.Title>
              <CampaignStatusTag status={c.status} />
            </Flex>
            <Link to={`/shop/products/${c.productId}`}>
              {c.productName} · {c.spec}
            </Link>
            <Price fen={c.priceFen} size={26} suffix={t('presale.perUnit')} />
            <Progress percent={percent} strokeColor={{ from: '#fa8c16', to: '#f5222d' }} />
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'backed', label: t('presale.backed'), children: t('presale.backedOf', { backed: c.backedQty, target: c.targetQty }) },
                { key: 'deadline', label: t('presale.deadline'), children: formatDateTime(c.deadline) },
                { key: 'ship', label: t('presale.shipDate'), children: c.shipDate },
              ]}
            />
            <Alert type="info" showIcon title={t('presale.rules')} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {!open ? (
          <Card>
            <Result status="info" title={t('presale.closed')} />
          </Card>
        ) : signedIn ? (
          <PresaleBackForm campaign={c} onBacked={setBacked} />
        ) : (
          <Card>
            <Result
              status="info"
              title={t('presale.signInToBack')}
              extra={
                <Link to={`/login?next=${encodeURIComponent(pathname)}`}>
                  <Button type="primary">{t('shop.signIn')}</Button>
                </Link>
              }
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}
