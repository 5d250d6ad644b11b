import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Empty, Flex, Grid } from 'antd';
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { useParcels, type Parcel, type ParcelDetail } from '../../../api/logistics.js';
import { MANIFEST_TEMPLATE_CSV } from '../../../api/logistics-parcels.js';
import { isTownshipOperator } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { ManifestUploadDrawer } from './ManifestUploadDrawer.js';
import { parcelColumns, queueColumns } from './parcelColumns.js';
import { ParcelDrawer } from './ParcelDrawer.js';
import { ParcelFilters } from './ParcelFilters.js';
import { toFilter, useParcelFilters } from './useParcelFilters.js';

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(MANIFEST_TEMPLATE_CSV)}`;

/**
 * 包裹与运单: every parcel the user may see, filtered in the URL, with its detail and scans in a drawer; 待分配, the
 * parcels whose address matched no village, to assign one by one; and carrier manifests uploaded as CSV or Excel.
 */
export function ParcelsPage() {
  const t = useT();
  const user = useUser();
  const township = isTownshipOperator(user);
  const townshipCode = township && user.scope.kind === 'township' ? user.scope.id : undefined;
  // Manifests come in at the county warehouse: the county office and its couriers (the server's rule).
  const mayUpload = user.roles.some((r) => r === 'county_admin' || r === 'courier');
  const [urlView, update] = useParcelFilters();
  // An unmatched parcel belongs to no township yet, so a township operator never sees one: no queue for them.
  const showQueue = !township;
  const view = showQueue ? urlView : { ...urlView, tab: 'all' as const };
  const queue = view.tab === 'unmatched';
  const parcels = useParcels(toFilter(view, !township));
  const unmatched = useParcels({ match: 'unmatched' }, showQueue);
  const [openId, setOpenId] = useState<string | null>(null);
  // Each opening of the upload drawer is a fresh form (a new key), closing keeps it until it has slid away.
  const [upload, setUpload] = useState({ open: false, key: 0 });
  const rows = useMemo(() => parcels.data?.pages.flatMap((p) => p.items) ?? [], [parcels.data]);
  const unmatchedFirst = unmatched.data?.pages[0];
  const unmatchedCount = unmatchedFirst ? (unmatchedFirst.nextCursor ? `${unmatchedFirst.items.length}+` : unmatchedFirst.items.length) : 0;

  const open = (p: Parcel) => setOpenId(p.id);
  const phone = !Grid.useBreakpoint().md;
  const columns = useMemo(() => (queue ? queueColumns(t, open, phone) : parcelColumns(t, open, phone)), [t, queue, phone]);

  /** In the queue, an assigned parcel leaves it: go on with the next one. */
  const onAssigned = (detail: ParcelDetail) => {
    if (!queue) return;
    const at = rows.findIndex((r) => r.id === detail.id);
    const rest = rows.filter((r) => r.id !== detail.id);
    setOpenId(rest[Math.min(Math.max(at, 0), rest.length - 1)]?.id ?? null);
  };

  const tabs = [
    { key: 'all', label: <span data-testid="tab-all">{t('logistics.parcels.tab.all')}</span> },
    {
      key: 'unmatched',
      label: (
        <Flex gap={6} align="center" data-testid="tab-unmatched">
          {t('logistics.parcels.tab.unmatched')}
          <Badge count={unmatchedCount} overflowCount={999} color="#fa8c16" size="small" />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('logistics.parcels.title')}
        subtitle={t('logistics.parcels.subtitle')}
        crumbs={[{ title: t('shell.menu.logistics') }, { title: t('logistics.parcels.title') }]}
        extra={
          mayUpload && (
            <Flex gap={8} wrap>
              <Button icon={<DownloadOutlined />} href={TEMPLATE_HREF} download="运单清单模板.csv" data-testid="manifest-template">
                {t('logistics.parcels.upload.template')}
              </Button>
              <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => setUpload((u) => ({ open: true, key: u.key + 1 }))} data-testid="manifest-upload">
                {t('logistics.parcels.upload.button')}
              </Button>
            </Flex>
          )
        }
      />
      <Card
        data-testid="parcel-tabs"
        tabList={showQueue ? tabs : undefined}
        activeTabKey={view.tab}
        onTabChange={(key) => update({ tab: key === 'unmatched' ? 'unmatched' : 'all' })}
      >
        <ParcelFilters view={view} onChange={update} showTownship={!township} />
        {queue && rows.length > 0 && <Alert type="info" showIcon title={t('logistics.parcels.unmatchedHint')} style={{ marginBottom: 16 }} />}
        {parcels.isError ? (
          <LoadError error={parcels.error} onRetry={() => void parcels.refetch()} />
        ) : (
          <>
            <ResponsiveTable
              data-testid={queue ? 'unmatched-table' : 'parcels-table'}
              cardHides={['receivedAt', 'arrivedAt', 'createdAt']}
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={parcels.isFetching && !parcels.isFetchingNextPage}
              pagination={false}
              scroll={{ x: queue ? 1000 : 1340 }}
              onRow={(p) => ({ onClick: () => open(p), style: { cursor: 'pointer' } })}
              rowClassName={(p) => (p.id === openId ? 'ant-table-row-selected' : '')}
              locale={{ emptyText: parcels.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={queue ? t('logistics.parcels.emptyUnmatched') : t('logistics.parcels.empty')} /> }}
            />
            <LoadMore query={parcels} />
          </>
        )}
      </Card>
      <ParcelDrawer id={openId} onClose={() => setOpenId(null)} mayAssign townshipCode={townshipCode} onAssigned={onAssigned} />
      {mayUpload && (
        <ManifestUploadDrawer
          key={upload.key}
          open={upload.open}
          onClose={() => setUpload((u) => ({ ...u, open: false }))}
          onShowUnmatched={() => {
            setUpload((u) => ({ ...u, open: false }));
            update({ tab: 'unmatched', status: undefined, match: undefined, carrier: undefined, townshipCode: undefined, waybillNo: undefined, problem: false });
          }}
        />
      )}
    </>
  );
}
