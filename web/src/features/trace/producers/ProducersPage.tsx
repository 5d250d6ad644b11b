import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Grid, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useProducers, type ProducerView } from '../../../api/trace-farm.js';
import { mayKeepFarmRecords, producerKinds } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ProducerCard } from './ProducerCard.js';
import { ProducerCreateDrawer } from './ProducerCreateDrawer.js';
import { producerColumns } from './producerColumns.js';
import { ProducerDrawer } from './ProducerDrawer.js';

/**
 * 生产主体与地块: the producers whose farm records the platform keeps (a marketplace seller or a registered farmer),
 * each with its bases and plots. Regulators read; the others register their own.
 */
export function ProducersPage() {
  const t = useT();
  const user = useUser();
  const keep = mayKeepFarmRecords(user);
  const producers = useProducers();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [created, setCreated] = useState<ProducerView | null>(null);
  const columns = useMemo(() => producerColumns(t, (p) => setOpenId(p.id)), [t]);
  const rows = producers.data ?? [];
  const phone = !Grid.useBreakpoint().md;
  const registered = useMemo(() => new Set(rows.flatMap((p) => (p.sellerId ? [p.sellerId] : []))), [rows]);
  // The drawer shows the producer as last read, so its plot count follows a new plot.
  const open = rows.find((p) => p.id === openId) ?? (created?.id === openId ? created : null);

  return (
    <>
      <PageHeader
        title={t('trace.producers.title')}
        subtitle={keep ? t('trace.producers.subtitle') : t('trace.producers.subtitleReadOnly')}
        crumbs={[{ title: t('shell.menu.trace') }, { title: t('trace.producers.title') }]}
        extra={
          keep && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="producer-add">
              {t('trace.producers.add')}
            </Button>
          )
        }
      />
      <Card>
        {producers.isError ? (
          <LoadError error={producers.error} onRetry={() => void producers.refetch()} />
        ) : phone ? (
          // A table on a phone cuts off the plots button: one card per producer instead.
          <Flex vertical gap={10} data-testid="producers-cards">
            {rows.length === 0 && !producers.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trace.producers.empty')} />}
            {rows.map((p) => (
              <ProducerCard key={p.id} producer={p} t={t} onOpen={(o) => setOpenId(o.id)} />
            ))}
          </Flex>
        ) : (
          <Table<ProducerView>
            data-testid="producers-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={producers.isFetching}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 960 }}
            locale={{ emptyText: producers.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trace.producers.empty')} /> }}
          />
        )}
      </Card>
      {keep && <ProducerCreateDrawer open={adding} registered={registered} kinds={producerKinds(user)} defaultKind={user.roles.includes('merchant') ? 'seller' : 'farmer'} onClose={() => setAdding(false)} onCreated={(p) => {
            setCreated(p);
            setOpenId(p.id);
          }} />}
      <ProducerDrawer producer={open} keep={keep} onClose={() => setOpenId(null)} />
    </>
  );
}
