import { useMemo, useState } from 'react';
import { Card, Empty, Segmented, Table } from 'antd';
import { useRefusals, type RefusalView } from '../../../api/trace-recalls.js';
import { mayOverrideHarvest } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { rowTestId } from '../batches/batchLabels.js';
import { OverrideModal } from './OverrideModal.js';
import { refusalColumns } from './refusalColumns.js';

const KEYS = ['show'] as const;

/**
 * 采收审核: harvests the platform refused because a pesticide's pre-harvest interval was not kept. The regulator may
 * let one through (准予采收) with a reason on record; everyone else reads.
 */
export function RefusalsPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const pending = params.show !== 'all';
  const refusals = useRefusals(pending);
  const [overriding, setOverriding] = useState<RefusalView | null>(null);
  const columns = useMemo(() => refusalColumns(t, mayOverrideHarvest(user) ? setOverriding : null), [t, user]);

  return (
    <>
      <PageHeader title={t('traceRecall.refusals.title')} subtitle={t('traceRecall.refusals.subtitle')} crumbs={[{ title: t('shell.menu.trace') }, { title: t('traceRecall.refusals.title') }]} />
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          value={pending ? 'pending' : 'all'}
          onChange={(v) => setParams({ show: v === 'all' ? 'all' : undefined })}
          options={[
            { value: 'pending', label: t('traceRecall.refusals.pending') },
            { value: 'all', label: t('common.all') },
          ]}
          data-testid="refusals-filter"
        />
        {refusals.isError ? (
          <LoadError error={refusals.error} onRetry={() => void refusals.refetch()} />
        ) : (
          <Table
            data-testid="refusals-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={refusals.data ?? []}
            loading={refusals.isFetching}
            pagination={(refusals.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 1000 }}
            onRow={() => rowTestId('refusal-row')}
            locale={{ emptyText: refusals.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pending ? t('traceRecall.refusals.emptyPending') : t('traceRecall.refusals.empty')} /> }}
          />
        )}
      </Card>
      {overriding && <OverrideModal refusal={overriding} onClose={() => setOverriding(null)} />}
    </>
  );
}
