import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { CrownOutlined, HeartOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Pavilion } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { usePavilionName } from '../shared/productBadges.js';

const LOOK: Record<Pavilion, { background: string; icon: ReactNode }> = {
  specialty: { background: 'linear-gradient(135deg, #ad6800 0%, #d48806 55%, #faad14 100%)', icon: <CrownOutlined /> },
  poverty: { background: 'linear-gradient(135deg, #a8071a 0%, #d4380d 55%, #fa8c16 100%)', icon: <HeartOutlined /> },
};

/** The two pavilions: the county's curated specialities, and produce whose sales credit registered poor households. */
export function PavilionCards() {
  const t = useT();
  const name = usePavilionName();
  return (
    <Row gutter={[12, 12]}>
      {(['specialty', 'poverty'] as const).map((p) => (
        <Col key={p} xs={24} md={12}>
          <Link to={`/shop/search?pavilion=${p}`} data-testid={`pavilion-card-${p}`}>
            <Card hoverable style={{ background: LOOK[p].background, border: 'none', height: '100%' }} styles={{ body: { padding: 18 } }}>
              <Flex gap={14} align="flex-start">
                <span style={{ fontSize: 26, width: 48, height: 48, borderRadius: 12, background: 'rgba(255,255,255,0.18)', color: '#fff', display: 'inline-flex', alignItems: 'center', justifyContent: 'center', flex: 'none' }}>
                  {LOOK[p].icon}
                </span>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
                    {name(p)}
                  </Typography.Title>
                  <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.9)', margin: '6px 0 0' }}>{t(`pavilion.${p}.about`)}</Typography.Paragraph>
                </div>
                <RightOutlined style={{ color: '#fff', alignSelf: 'center' }} />
              </Flex>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
