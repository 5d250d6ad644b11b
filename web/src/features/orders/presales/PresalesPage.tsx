import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Grid, Progress, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useManagedProducts } from '../../../api/catalog.js';
import { useCampaigns, type Campaign } from '../../../api/orders.js';
import { useApprovedSellers } from '../../../api/parties.js';
import { isCountyAdmin } from '../../../app/access.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { CampaignStatusTag } from '../shared/orderLabels.js';
import { SellerName } from '../shared/SellerName.js';
import { CampaignDrawer } from './CampaignDrawer.js';
import { PresaleCard } from './PresaleCard.js';

/** 预售管理: one's presales (every one for the county office) with their progress, and opening a new one. */
export function PresalesPage() {
  const t = useT();
  const user = useUser();
  const county = isCountyAdmin(user);
  const campaigns = useCampaigns();
  const sellers = useApprovedSellers();
  const products = useManagedProducts();
  const [creating, setCreating] = useState(false);
  const mine = useMemo(() => new Set((sellers.data ?? []).map((s) => s.id)), [sellers.data]);
  const rows = (campaigns.data ?? []).filter((c) => county || mine.has(c.sellerId));
  const phone = !Grid.useBreakpoint().md;

  const columns: TableColumnsType<Campaign> = [
    {
      key: 'title',
      title: t('campaign.field.title'),
      width: 220,
      render: (_: unknown, c) => (
        <>
          <Link to={`/shop/presales/${c.id}`}>{c.title}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {c.productName} · {c.spec}
          </Typography.Text>
        </>
      ),
    },
    ...(county ? [{ key: 'seller', title: t('order.seller'), width: 200, render: (_: unknown, c: Campaign) => <SellerName sellerId={c.sellerId} /> }] : []),
    { key: 'price', title: t('campaign.field.price'), dataIndex: 'priceFen', width: 100, render: (fen: number) => formatFen(fen) },
    {
      key: 'progress',
      title: t('presale.backed'),
      width: 200,
      render: (_: unknown, c) => (
        <>
          <Progress percent={c.targetQty ? Math.min(100, Math.round((c.backedQty / c.targetQty) * 100)) : 0} size="small" style={{ margin: 0 }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('presale.backedOf', { backed: c.backedQty, target: c.targetQty })}
          </Typography.Text>
        </>
      ),
    },
    { key: 'deadline', title: t('presale.deadline'), dataIndex: 'deadline', width: 160, render: (at: string) => formatDateTime(at) },
    { key: 'ship', title: t('presale.shipDate'), dataIndex: 'shipDate', width: 110 },
    { key: 'status', title: t('sellers.col.status'), dataIndex: 'status', width: 100, render: (_: unknown, c) => <CampaignStatusTag status={c.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('campaign.title')}
        subtitle={t('campaign.subtitle')}
        crumbs={[{ title: t('shell.menu.sales') }, { title: t('campaign.title') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={(products.data ?? []).length === 0} onClick={() => setCreating(true)} data-testid="create-campaign">
            {t('campaign.create.button')}
          </Button>
        }
      />
      <Card>
        {campaigns.isError ? (
          <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
        ) : phone ? (
          <Flex vertical gap={8} data-testid="campaigns-table">
            {rows.length === 0 && !campaigns.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaign.empty')} />}
            {rows.map((c) => (
              <PresaleCard key={c.id} campaign={c} showSeller={county} />
            ))}
          </Flex>
        ) : (
          <Table
            data-testid="campaigns-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={campaigns.isFetching}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: county ? 1090 : 890 }}
            locale={{ emptyText: campaigns.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaign.empty')} /> }}
          />
        )}
      </Card>
      <CampaignDrawer products={products.data ?? []} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
