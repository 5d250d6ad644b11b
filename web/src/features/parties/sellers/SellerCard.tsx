import { Card, Flex, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Seller } from '../../../api/parties.js';
import { SellerKindTag, SellerStatusBadge, SellerTags } from '../shared/partyLabels.js';

/** One seller on a phone: the whole card opens its page; name, status, kind, place and contact. */
export function SellerCard({ seller: s, place }: { seller: Seller; place: (code: string) => string | undefined }) {
  return (
    <Link to={`/parties/sellers/${s.id}`} data-testid="seller-link" style={{ color: 'inherit', display: 'block' }}>
      <Card size="small" hoverable data-testid="seller-card" styles={{ body: { padding: 12 } }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {s.name}
              </Typography.Text>
              <span style={{ flex: 'none' }}>
                <SellerStatusBadge status={s.status} />
              </span>
            </Flex>
            <Flex wrap gap={4} align="center">
              <SellerKindTag kind={s.kind} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {place(s.divisionCode) ?? ''}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {s.contactName} {s.contactPhone}
            </Typography.Text>
            {s.tags.length > 0 && <SellerTags tags={s.tags} />}
          </Flex>
          <RightOutlined style={{ color: 'rgba(0,0,0,0.35)', flex: 'none' }} />
        </Flex>
      </Card>
    </Link>
  );
}
