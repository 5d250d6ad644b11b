import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useBrands } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { BrandCreateModal } from './BrandCreateModal.js';
import { LicenceDrawer } from './LicenceDrawer.js';
import { LicenceTable } from './LicenceTable.js';

const KEYS = ['brand'] as const;

/**
 * 品牌授权: the regional public brands and, for the chosen one, who holds a licence and until when. A product shows
 * a brand only while its seller's licence is in force; revoking takes the badge off at once.
 */
export function BrandsPage() {
  const t = useT();
  const brands = useBrands();
  const [params, setParams] = useUrlParams(KEYS);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState(false);
  const list = brands.data ?? [];
  const brand = list.find((b) => b.id === params.brand) ?? list[0];

  return (
    <>
      <PageHeader
        title={t('brand.title')}
        subtitle={t('brand.subtitle')}
        crumbs={[{ title: t('shell.menu.market') }, { title: t('brand.title') }]}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-brand">
            {t('brand.create.button')}
          </Button>
        }
      />
      {brands.isError ? (
        <LoadError error={brands.error} onRetry={() => void brands.refetch()} />
      ) : !brands.data ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Card>
          <Empty description={t('brand.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Flex vertical gap={8}>
              {list.map((b) => (
                <Card
                  key={b.id}
                  size="small"
                  hoverable
                  onClick={() => setParams({ brand: b.id })}
                  style={{ borderColor: b.id === brand?.id ? '#1677ff' : undefined, background: b.id === brand?.id ? '#f0f5ff' : undefined }}
                  data-testid="brand-item"
                >
                  <Typography.Text strong>
                    <SafetyCertificateOutlined style={{ color: '#237804', marginInlineEnd: 6 }} />
                    {b.name}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0', fontSize: 13 }}>
                    {b.description}
                  </Typography.Paragraph>
                </Card>
              ))}
            </Flex>
          </Col>
          <Col xs={24} lg={17}>
            {brand && (
              <Card
                title={t('licence.title', { brand: brand.name })}
                extra={
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)} data-testid="grant-licence">
                    {t('licence.grant.button')}
                  </Button>
                }
              >
                <LicenceTable brand={brand} />
              </Card>
            )}
          </Col>
        </Row>
      )}
      <BrandCreateModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) setParams({ brand: id });
        }}
      />
      {brand && <LicenceDrawer brand={brand} open={granting} onClose={() => setGranting(false)} />}
    </>
  );
}
