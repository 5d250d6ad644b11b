import { useState } from 'react';
import { Button, Card, Col, Flex, Result, Row, Skeleton } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.js';
import { useSite } from '../../../api/network.js';
import { mayAppointOperator, mayEditSite, mayListSites } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { KindTag, StatusBadge } from '../shared/siteLabels.js';
import { OperatorCard } from './OperatorCard.js';
import { SiteDescriptions } from './SiteDescriptions.js';
import { SiteEditDrawer } from './SiteEditDrawer.js';
import { StatusTimeline } from './StatusTimeline.js';

export function SiteDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const user = useUser();
  const site = useSite(id);
  const [editing, setEditing] = useState(false);
  const listCrumb = mayListSites(user) ? { title: t('sites.title'), to: '/network/sites' } : { title: t('shell.menu.mySite') };

  if (site.isError) {
    // Sites outside the user's area answer 404 too, so they cannot be told from missing ones.
    if (site.error instanceof ApiError && (site.error.status === 404 || site.error.status === 403)) {
      return (
        <Result
          status={site.error.status === 403 ? '403' : '404'}
          title={t('site.notFoundTitle')}
          subTitle={t('site.notFound')}
          extra={
            <Link to="/">
              <Button type="primary">{t('common.backHome')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={site.error} onRetry={() => void site.refetch()} />;
  }
  if (!site.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const s = site.data;
  const editable = mayEditSite(user, s);
  return (
    <>
      <PageHeader
        crumbs={[{ title: t('shell.menu.network') }, listCrumb, ...(mayListSites(user) ? [{ title: s.name }] : [])]}
        title={
          <Flex align="center" gap={12} wrap>
            <span data-testid="site-title">{s.name}</span>
            <KindTag kind={s.kind} />
            <StatusBadge status={s.status} />
          </Flex>
        }
        subtitle={s.address}
        extra={
          editable && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-site">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card title={t('site.section.basic')}>
              <SiteDescriptions site={s} />
            </Card>
            <OperatorCard site={s} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('site.section.history')}>
            <StatusTimeline history={s.statusHistory} />
          </Card>
        </Col>
      </Row>
      {editable && <SiteEditDrawer site={s} open={editing} onClose={() => setEditing(false)} mayAppoint={mayAppointOperator(user, s)} />}
    </>
  );
}
