import { useState } from 'react';
import { Button, Card, Flex, Result, Skeleton } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.js';
import { useDivisionNames } from '../../../api/network.js';
import { useHousehold } from '../../../api/parties.js';
import { mayManageHouseholds } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { HouseholdStatusBadge } from '../shared/partyLabels.js';
import { HouseholdDescriptions } from './HouseholdDescriptions.js';
import { HouseholdEditDrawer } from './HouseholdEditDrawer.js';
import { LinksCard } from './LinksCard.js';

/** One registered household and the sellers it supplies; the county office edits it and links or ends links. */
export function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const user = useUser();
  const household = useHousehold(id);
  const names = useDivisionNames();
  const [editing, setEditing] = useState(false);
  const mayManage = mayManageHouseholds(user);

  if (household.isError) {
    if (household.error instanceof ApiError && household.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('household.notFoundTitle')}
          subTitle={t('household.notFound')}
          extra={
            <Link to="/parties/households">
              <Button type="primary">{t('common.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={household.error} onRetry={() => void household.refetch()} />;
  }
  if (!household.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const h = household.data;
  return (
    <>
      <PageHeader
        crumbs={[{ title: t('shell.menu.parties') }, { title: t('households.title'), to: '/parties/households' }, { title: h.householdNo }]}
        title={
          <Flex align="center" gap={12} wrap>
            <span data-testid="household-title">
              {h.headName} · {h.householdNo}
            </span>
            <HouseholdStatusBadge status={h.status} />
          </Flex>
        }
        subtitle={names.place(h.villageCode)}
        extra={
          mayManage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-household">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('household.section.basic')}>
          <HouseholdDescriptions household={h} />
        </Card>
        <LinksCard household={h} mayManage={mayManage} />
      </Flex>
      {mayManage && <HouseholdEditDrawer household={h} open={editing} onClose={() => setEditing(false)} />}
    </>
  );
}
