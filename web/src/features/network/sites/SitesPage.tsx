import { useMemo } from 'react';
import { Card, Table } from 'antd';
import { useSites } from '../../../api/network.js';
import { isTownshipOperator } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { siteColumns } from './siteColumns.js';
import { SiteFilters } from './SiteFilters.js';
import { useSiteFilters } from './useSiteFilters.js';

/** Every site the user may see, filtered by township, kind, status and name. */
export function SitesPage() {
  const t = useT();
  const user = useUser();
  const [view, update] = useSiteFilters();
  // A township operator only ever sees its own township; the server filters, the filter is hidden.
  const showTownship = !isTownshipOperator(user);
  const filter = { townshipCode: showTownship ? view.townshipCode : undefined, kind: view.kind, status: view.status, q: view.q };
  const sites = useSites(filter);
  const columns = useMemo(() => siteColumns(t, showTownship), [t, showTownship]);

  return (
    <>
      <PageHeader title={t('sites.title')} subtitle={t('sites.subtitle')} crumbs={[{ title: t('shell.menu.network') }, { title: t('sites.title') }]} />
      <Card>
        <SiteFilters view={view} onChange={update} showTownship={showTownship} />
        {sites.isError ? (
          <LoadError error={sites.error} onRetry={() => void sites.refetch()} />
        ) : (
          <Table
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
    </>
  );
}
