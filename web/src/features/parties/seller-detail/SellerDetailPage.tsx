import { useState } from 'react';
import { Button, Card, Col, Flex, Result, Row, Skeleton, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.js';
import { useSeller } from '../../../api/parties.js';
import { managesSeller, mayEditSeller, mayReviewSellers } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { SellerKindTag, SellerStatusBadge } from '../shared/partyLabels.js';
import { ReviewActions } from './ReviewActions.js';
import { ReviewCard } from './ReviewCard.js';
import { SellerDescriptions } from './SellerDescriptions.js';
import { SellerEditDrawer } from './SellerEditDrawer.js';
import { StatusAlert } from './StatusAlert.js';

/** One seller: its details, its review, and the county office's decisions or the manager's edits. */
export function SellerDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const user = useUser();
  const seller = useSeller(id);
  const [editing, setEditing] = useState(false);

  if (seller.isError) {
    // Another account's seller answers 404 too, so it cannot be told from a missing one.
    if (seller.error instanceof ApiError && seller.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('seller.notFoundTitle')}
          subTitle={t('seller.notFound')}
          extra={
            <Link to="/parties/sellers">
              <Button type="primary">{t('common.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={seller.error} onRetry={() => void seller.refetch()} />;
  }
  if (!seller.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const s = seller.data;
  const editable = mayEditSeller(user, s);
  return (
    <>
      <PageHeader
        crumbs={[{ title: t('shell.menu.parties') }, { title: t('sellers.title'), to: '/parties/sellers' }, { title: s.name }]}
        title={
          <Flex align="center" gap={12} wrap>
            <span data-testid="seller-title">{s.name}</span>
            <SellerKindTag kind={s.kind} />
            <SellerStatusBadge status={s.status} />
          </Flex>
        }
        subtitle={s.address}
        extra={
          <Space wrap>
            {mayReviewSellers(user) && <ReviewActions seller={s} />}
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-seller">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <StatusAlert seller={s} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('seller.section.basic')}>
            <SellerDescriptions seller={s} own={managesSeller(user, s)} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ReviewCard seller={s} />
        </Col>
      </Row>
      {editable && <SellerEditDrawer seller={s} open={editing} onClose={() => setEditing(false)} />}
    </>
  );
}
