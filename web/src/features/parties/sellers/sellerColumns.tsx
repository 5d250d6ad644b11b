import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Seller } from '../../../api/parties.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { SellerKindTag, SellerStatusBadge, SellerTags } from '../shared/partyLabels.js';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** Name (to the detail page), kind, status, credit code or masked ID, place, contact, groups, applied. */
export function sellerColumns(t: Translate, place: (code: string) => string | undefined): TableColumnsType<Seller> {
  return [
    {
      key: 'name',
      title: t('sellers.col.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 230,
      render: (name: string, s) => (
        <Link to={`/parties/sellers/${s.id}`} data-testid="seller-link">
          {name}
        </Link>
      ),
    },
    { key: 'kind', title: t('sellers.col.kind'), dataIndex: 'kind', width: 130, render: (_: unknown, s) => <SellerKindTag kind={s.kind} /> },
    { key: 'status', title: t('sellers.col.status'), dataIndex: 'status', width: 110, render: (_: unknown, s) => <SellerStatusBadge status={s.status} /> },
    {
      key: 'identifier',
      title: t('sellers.col.identifier'),
      width: 190,
      // As the server sends them: a credit code in full, a farmer's ID number masked.
      render: (_: unknown, s) => <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{s.creditCode ?? s.idNumber ?? '—'}</Typography.Text>,
    },
    { key: 'place', title: t('sellers.col.place'), dataIndex: 'divisionCode', width: 140, render: (code: string) => place(code) ?? '' },
    {
      key: 'contact',
      title: t('sellers.col.contact'),
      width: 130,
      render: (_: unknown, s) => (
        <Flex vertical>
          <span>{s.contactName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.contactPhone}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'tags', title: t('sellers.col.tags'), dataIndex: 'tags', width: 180, render: (_: unknown, s) => (s.tags.length > 0 ? <SellerTags tags={s.tags} /> : dash) },
    { key: 'createdAt', title: t('sellers.col.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
  ];
}
