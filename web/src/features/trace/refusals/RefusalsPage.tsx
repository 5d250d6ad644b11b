import { useMemo, useState } from 'react';
import { Card, Empty, Flex, Grid, Segmented, Table } from 'antd';
import { useRefusals, type RefusalView } from '../../../api/trace-recalls.js';
import { mayOverrideHarvest } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { rowTestId } from '../batches/batchLabels.js';
import { DecisionModal, type Outcome } from './DecisionModal.js';
import { RefusalCard } from './RefusalCard.js';
import { refusalColumns } from './refusalColumns.js';

const KEYS = ['show'] as const;

/**
 * 监管复核: harvests the platform refused because a pesticide's pre-harvest interval was not kept, and batches held
 * from sale because a record entered later broke a rule (a spray inside the interval, a use over the label, a failed
 * test). The regulator upholds (维持) or releases (放行 / 准予采收) each with a reason on record; everyone else reads.
 */
export function RefusalsPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const pending = params.show !== 'all';
  const refusals = useRefusals(pending);
  const rows = useMemo(() => refusals.data?.pages.flatMap((p) => p.items) ?? [], [refusals.data]);
  const [deciding, setDeciding] = useState<{ review: RefusalView; outcome: Outcome } | null>(null);
  const onDecide = useMemo(() => (mayOverrideHarvest(user) ? (review: RefusalView, outcome: Outcome) => setDeciding({ review, outcome }) : null), [user]);
  const columns = useMemo(() => refusalColumns(t, onDecide), [t, onDecide]);
  // On a phone the table would show a sliver of each row: one card per entry instead.
  const phone = !Grid.useBreakpoint().md;
  const empty = refusals.isPending ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pending ? t('traceRecall.refusals.emptyPending') : t('traceRecall.refusals.empty')} />;

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
          <>
          {phone ? (
            <Flex vertical gap={12} data-testid="refusals-cards">
              {rows.length === 0 ? empty : rows.map((r) => <RefusalCard key={r.id} review={r} t={t} onDecide={onDecide} />)}
            </Flex>
          ) : (
          <Table
            data-testid="refusals-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={refusals.isFetching}
            pagination={false}
            scroll={{ x: 1150 }}
            onRow={() => rowTestId('refusal-row')}
            locale={{ emptyText: empty ?? ' ' }}
          />
          )}
          <LoadMore query={refusals} />
          </>
        )}
      </Card>
      {deciding && <DecisionModal review={deciding.review} outcome={deciding.outcome} onClose={() => setDeciding(null)} />}
    </>
  );
}
