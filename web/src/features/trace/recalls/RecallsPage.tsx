import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Grid, Table } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useRecalls } from '../../../api/trace-recalls.js';
import { mayOpenRecall, maySeeComplaints } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { rowTestId } from '../batches/batchLabels.js';
import { ComplaintsTable } from './ComplaintsTable.js';
import { RecallCard } from './RecallCard.js';
import { OpenRecallModal } from './OpenRecallModal.js';
import { recallColumns } from './recallColumns.js';

const KEYS = ['tab'] as const;

/** 召回管理: recalls, newest first, and 发起召回 for the regulator; 投诉 from the public scan page in the second tab. */
export function RecallsPage({ initialTab }: { initialTab?: 'complaints' }) {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const complaints = maySeeComplaints(user);
  const tab = complaints && (params.tab ?? initialTab) === 'complaints' ? 'complaints' : 'recalls';
  const recalls = useRecalls();
  const [opening, setOpening] = useState(false);
  const columns = useMemo(() => recallColumns(t), [t]);
  const rows = useMemo(() => recalls.data?.pages.flatMap((p) => p.items) ?? [], [recalls.data]);
  // On a phone the table cuts off the batches and answers: one card per recall instead.
  const phone = !Grid.useBreakpoint().md;

  return (
    <>
      <PageHeader
        title={t('traceRecall.title')}
        subtitle={t('traceRecall.subtitle')}
        crumbs={[{ title: t('shell.menu.trace') }, { title: t('traceRecall.title') }]}
        extra={
          mayOpenRecall(user) && (
            <Button type="primary" danger icon={<AlertOutlined />} onClick={() => setOpening(true)} data-testid="recall-open">
              {t('traceRecall.open.button')}
            </Button>
          )
        }
      />
      <Card
        tabList={
          complaints
            ? [
                { key: 'recalls', label: <span data-testid="tab-recalls">{t('traceRecall.tab.recalls')}</span> },
                { key: 'complaints', label: <span data-testid="tab-complaints">{t('traceRecall.tab.complaints')}</span> },
              ]
            : undefined
        }
        activeTabKey={tab}
        onTabChange={(key) => setParams({ tab: key === 'complaints' ? 'complaints' : undefined })}
      >
        {tab === 'complaints' ? (
          <ComplaintsTable />
        ) : recalls.isError ? (
          <LoadError error={recalls.error} onRetry={() => void recalls.refetch()} />
        ) : (
          <>
          {phone ? (
            <Flex vertical gap={10} data-testid="recalls-cards">
              {rows.length === 0 && !recalls.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceRecall.empty')} />}
              {rows.map((r) => (
                <RecallCard key={r.id} recall={r} t={t} />
              ))}
            </Flex>
          ) : (
          <Table
            data-testid="recalls-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={recalls.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            onRow={() => rowTestId('recall-row')}
            locale={{ emptyText: recalls.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceRecall.empty')} /> }}
          />
          )}
          <LoadMore query={recalls} />
          </>
        )}
      </Card>
      {opening && <OpenRecallModal onClose={() => setOpening(false)} />}
    </>
  );
}
