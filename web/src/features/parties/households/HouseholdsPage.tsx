import { useMemo, useState } from 'react';
import { Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useDivisionNames } from '../../../api/network.js';
import { HOUSEHOLD_STATUSES, useHouseholds, type HouseholdFilter, type HouseholdStatus } from '../../../api/parties.js';
import { mayManageHouseholds } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { HouseholdCreateDrawer } from '../household-create/HouseholdCreateDrawer.js';
import { HouseholdFilters } from './HouseholdFilters.js';
import { householdColumns } from './householdColumns.js';

const KEYS = ['township', 'village', 'status', 'q'] as const;

/** The register of poor households, filtered by place, status and number or name; the county registers new ones. */
export function HouseholdsPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const filter: HouseholdFilter = {
    townshipCode: /^\d{9}$/.test(params.township ?? '') ? params.township : undefined,
    villageCode: /^\d{12}$/.test(params.village ?? '') ? params.village : undefined,
    status: (HOUSEHOLD_STATUSES as readonly string[]).includes(params.status ?? '') ? (params.status as HouseholdStatus) : undefined,
    q: params.q,
  };
  const households = useHouseholds(filter);
  const names = useDivisionNames();
  const columns = useMemo(() => householdColumns(t, names.place), [t, names]);
  const rows = households.data?.pages.flatMap((p) => p.items) ?? [];
  const mayCreate = mayManageHouseholds(user);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('households.title')}
        subtitle={t('households.subtitle')}
        crumbs={[{ title: t('shell.menu.parties') }, { title: t('households.title') }]}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-household">
              {t('household.create.button')}
            </Button>
          )
        }
      />
      <Card>
        <HouseholdFilters
          filter={filter}
          onChange={(f) => setParams({ township: f.townshipCode, village: f.villageCode, status: f.status, q: f.q })}
        />
        {households.isError ? (
          <LoadError error={households.error} onRetry={() => void households.refetch()} />
        ) : (
          <>
            <Table
              data-testid="households-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={households.isFetching && !households.isFetchingNextPage}
              pagination={false}
              scroll={{ x: 930 }}
              locale={{ emptyText: households.isPending ? ' ' : t('households.empty') }}
            />
            <LoadMore query={households} />
          </>
        )}
      </Card>
      {mayCreate && <HouseholdCreateDrawer open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
