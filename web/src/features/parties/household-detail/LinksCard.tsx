import { useMemo, useState } from 'react';
import { Button, Card, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LinkOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useSellersById, type HouseholdDetail, type HouseholdLink } from '../../../api/parties.js';
import { formatShareBp } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LinkRoleTag } from '../shared/partyLabels.js';
import { EndLinkModal } from './EndLinkModal.js';
import { LinkCreateDrawer } from './LinkCreateDrawer.js';

interface Props {
  household: HouseholdDetail;
  /** The county office links and ends; regulators read. */
  mayManage: boolean;
}

/** The sellers the household supplies now: seller, product, role, share of each sale and since when. */
export function LinksCard({ household, mayManage }: Props) {
  const t = useT();
  const sellerIds = useMemo(() => [...new Set(household.links.map((l) => l.sellerId))], [household.links]);
  const { sellers } = useSellersById(sellerIds);
  const [linking, setLinking] = useState(false);
  const [ending, setEnding] = useState<{ link: HouseholdLink; open: boolean } | null>(null);
  const sellerName = (id: string) => sellers.get(id)?.name ?? t('partyNames.sellerUnknown');

  const columns: TableColumnsType<HouseholdLink> = [
    {
      key: 'seller',
      title: t('link.col.seller'),
      dataIndex: 'sellerId',
      width: 240,
      // Named when the caller may read the seller.
      render: (id: string) => <Link to={`/parties/sellers/${id}`}>{sellerName(id)}</Link>,
    },
    {
      key: 'product',
      title: t('link.col.product'),
      dataIndex: 'productId',
      width: 140,
      // Named by the server from the catalogue.
      render: (id: string | null, l) => (id ? (l.productName ?? <Typography.Text type="secondary">{t('partyNames.productGone')}</Typography.Text>) : <Typography.Text type="secondary">{t('link.allProducts')}</Typography.Text>),
    },
    { key: 'role', title: t('link.col.role'), dataIndex: 'role', width: 100, render: (_: unknown, l) => <LinkRoleTag role={l.role} /> },
    { key: 'share', title: t('link.col.share'), dataIndex: 'shareBp', width: 100, align: 'right', render: (bp: number) => <span data-testid="link-share-value">{formatShareBp(bp)}</span> },
    {
      key: 'validity',
      title: t('link.col.validity'),
      width: 200,
      render: (_: unknown, l) => (l.validTo ? t('link.fromTo', { from: l.validFrom, to: l.validTo }) : t('link.from', { from: l.validFrom })),
    },
  ];
  if (mayManage) {
    columns.push({
      key: 'actions',
      title: t('link.col.actions'),
      width: 110,
      fixed: 'right',
      // An ended link keeps its end date; only one still open may be ended.
      render: (_: unknown, l) =>
        l.validTo === null && (
          <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setEnding({ link: l, open: true })} style={{ paddingInline: 0 }} data-testid="end-link">
            {t('link.end')}
          </Button>
        ),
    });
  }

  return (
    <Card
      title={t('household.section.links')}
      extra={
        mayManage && (
          <Button type="primary" icon={<LinkOutlined />} onClick={() => setLinking(true)} data-testid="create-link">
            {t('link.create.button')}
          </Button>
        )
      }
    >
      <Table data-testid="links-table" rowKey="id" size="middle" columns={columns} dataSource={household.links} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('link.none')} /> }} />
      {mayManage && <LinkCreateDrawer household={household} open={linking} onClose={() => setLinking(false)} />}
      {ending && <EndLinkModal link={ending.link} sellerName={sellerName(ending.link.sellerId)} open={ending.open} onClose={() => setEnding({ ...ending, open: false })} />}
    </Card>
  );
}
