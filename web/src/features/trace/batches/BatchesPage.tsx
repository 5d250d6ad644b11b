import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { useBatches, type BatchView } from '../../../api/trace-batches.js';
import { mayWorkBatches } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { BatchCard } from './BatchCard.js';
import { batchColumns } from './batchColumns.js';
import { rowTestId } from './batchLabels.js';
import { BatchFilters } from './BatchFilters.js';
import { MergeModal } from './MergeModal.js';
import { useBatchFilters } from './useBatchFilters.js';

/**
 * 批次与标签: every harvest batch the user may see, filtered in the URL; those who keep batches select two or more
 * to merge them. A batch's code opens its detail: split, pack, stock, labels and its chain.
 */
export function BatchesPage() {
  const t = useT();
  const user = useUser();
  const worker = mayWorkBatches(user);
  const [filter, update] = useBatchFilters();
  const batches = useBatches(filter);
  const rows = useMemo(() => batches.data?.pages.flatMap((p) => p.items) ?? [], [batches.data]);
  const [selected, setSelected] = useState<BatchView[]>([]);
  const [merging, setMerging] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  const columns = useMemo(() => batchColumns(t, phone), [t, phone]);

  return (
    <>
      <PageHeader title={t('traceBatch.title')} subtitle={t('traceBatch.subtitle')} crumbs={[{ title: t('shell.menu.trace') }, { title: t('traceBatch.title') }]} />
      <Card>
        <BatchFilters
          filter={filter}
          onChange={(changes) => {
            setSelected([]);
            update(changes);
          }}
        />
        {worker && (
          <Flex align="center" gap={12} style={{ marginBottom: 12 }} wrap>
            <Button icon={<MergeCellsOutlined />} disabled={selected.length < 2} onClick={() => setMerging(true)} data-testid="batch-merge">
              {t('traceBatch.merge.button')}
            </Button>
            <Typography.Text type="secondary">{selected.length > 0 ? t('traceBatch.merge.selected', { count: selected.length }) : t('traceBatch.merge.selectHint')}</Typography.Text>
          </Flex>
        )}
        {batches.isError ? (
          <LoadError error={batches.error} onRetry={() => void batches.refetch()} />
        ) : (
          <>
            {phone ? (
              // A table on a phone shows a sliver of each batch: one card each, with the same merge selection.
              <Flex vertical gap={10} data-testid="batches-cards">
                {rows.length === 0 && !batches.isPending ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceBatch.empty')} /> : null}
                {rows.map((b) => (
                  <BatchCard key={b.id} batch={b} t={t} selected={selected.some((s) => s.id === b.id)} onSelect={worker ? (batch, on) => setSelected((now) => (on ? [...now, batch] : now.filter((s) => s.id !== batch.id))) : undefined} />
                ))}
              </Flex>
            ) : (
            <Table
              data-testid="batches-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={batches.isFetching && !batches.isFetchingNextPage}
              pagination={false}
              scroll={{ x: 1040 }}
              // A batch's `children` are the batches split from it, not rows of a tree.
              expandable={{ childrenColumnName: 'treeChildren' }}
              onRow={() => rowTestId('batch-row')}
              rowSelection={
                worker
                  ? {
                      selectedRowKeys: selected.map((b) => b.id),
                      onChange: (_keys, chosen) => setSelected(chosen),
                      getCheckboxProps: (b) => ({ disabled: b.status === 'recalled' || b.held }),
                    }
                  : undefined
              }
              locale={{ emptyText: batches.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceBatch.empty')} /> }}
            />
            )}
            <LoadMore query={batches} />
          </>
        )}
      </Card>
      {merging && (
        <MergeModal
          open
          batches={selected}
          onClose={() => setMerging(false)}
        />
      )}
    </>
  );
}
