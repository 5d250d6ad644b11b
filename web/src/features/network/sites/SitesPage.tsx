import { useMemo, useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSites } from '../../../api/network.js';
import { isCountyAdmin, isTownshipOperator } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { SiteCreateDrawer } from '../site-create/SiteCreateDrawer.js';
import { siteColumns } from './siteColumns.js';
import { SiteFilters } from './SiteFilters.js';
import { useSiteFilters } from './useSiteFilters.js';

/** Every site the user may see, filtered by township, kind, status and name; the county opens new ones here. */
export function SitesPage() {
  const t = useT();
  const user = useUser();
  const [view, update] = useSiteFilters();
  // A township operator only ever sees its own township; the server filters, the filter is hidden.
  const showTownship = !isTownshipOperator(user);
  const filter = { townshipCode: showTownship ? view.townshipCode : undefined, kind: view.kind, status: view.status, q: view.q };
  const sites = useSites(filter);
  const columns = useMemo(() => siteColumns(t, showTownship), [t, showTownship]);
  const mayCreate = isCountyAdmin(user);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('sites.title')}
        subtitle={t('sites.subtitle')}
        crumbs={[{ title: t('shell.menu.network') }, { title: t('sites.title') }]}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-site">
              {t('site.create.button')}
            </Button>
          )
        }
      />
      <Card>
        <SiteFilters view={view} onChange={update} showTownship={showTownship} />
        {sites.isError ? (
          <LoadError error={sites.error} onRetry={() => void sites.refetch()} />
        ) : (
          <ResponsiveTable
            data-testid="sites-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={sites.data}
            loading={sites.isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: sites.isPending ? ' ' : t('sites.empty') }}
            pagination={{
              current: view.page,
              pageSize: view.pageSize,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('sites.count', { count: total }),
              onChange: (page, pageSize) => update({ page: pageSize === view.pageSize ? page : 1, pageSize }),
            }}
          />
        )}
      </Card>
      {mayCreate && <SiteCreateDrawer open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
