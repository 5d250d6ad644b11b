import { useState } from 'react';
import { Button, Card, Descriptions, Divider, Drawer, Empty, Flex, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useBases, usePlots, type PlotView, type ProducerView } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { CropTag, formatMu } from '../shared/traceLabels.js';
import { BaseCreateModal } from './BaseCreateModal.js';
import { PlotCreateModal } from './PlotCreateModal.js';
import { ProducerKindTag } from './ProducerKindTag.js';

interface Props {
  producer: ProducerView | null;
  /** Whether the user may add bases and plots (not a regulator). */
  keep: boolean;
  onClose: () => void;
}

/** A producer with its bases and plots; 添加基地 and 添加地块 for those who keep them. */
export function ProducerDrawer({ producer, keep, onClose }: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const bases = useBases(producer?.id);
  const plots = usePlots({ producerId: producer?.id }, !!producer);
  const [adding, setAdding] = useState<'base' | 'plot' | null>(null);
  const baseList = bases.data ?? [];

  const plotColumns = [
    {
      key: 'name',
      title: t('trace.producers.plot.name'),
      dataIndex: 'name',
      render: (name: string, p: PlotView) => (
        <Link to={`/trace/farm/${encodeURIComponent(p.id)}`} data-testid="plot-link">
          {name}
        </Link>
      ),
    },
    { key: 'crop', title: t('trace.producers.plot.crop'), dataIndex: 'crop', width: 90, render: (_: unknown, p: PlotView) => <CropTag crop={p.crop} /> },
    { key: 'variety', title: t('trace.producers.plot.variety'), dataIndex: 'variety' },
    { key: 'area', title: t('trace.producers.plot.area'), dataIndex: 'areaMu', width: 90, align: 'right' as const, render: (mu: number) => `${formatMu(mu)} ${t('trace.mu')}` },
    { key: 'base', title: t('trace.producers.plot.base'), dataIndex: 'baseName' },
    { key: 'last', title: t('trace.producers.plot.last'), dataIndex: 'lastRecordOn', width: 110, render: (d: string | null) => d ?? '—' },
  ];

  return (
    <Drawer
      title={
        producer && (
          <Flex align="center" gap={8}>
            <ProducerKindTag kind={producer.kind} />
            <span>{producer.name}</span>
          </Flex>
        )
      }
      open={!!producer}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      data-testid="producer-drawer"
    >
      {producer && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'place', label: t('trace.producers.col.place'), children: producer.place },
              { key: 'phone', label: t('trace.producers.col.phone'), children: producer.phone ?? '—' },
              { key: 'number', label: t('trace.producers.col.number'), children: <Typography.Text style={{ fontFamily: 'monospace' }}>{producer.number}</Typography.Text> },
              ...(producer.creditCode ? [{ key: 'credit', label: t('trace.producers.creditCode'), children: producer.creditCode }] : []),
              ...(producer.idNumber ? [{ key: 'id', label: t('trace.producers.field.idNumber'), children: producer.idNumber }] : []),
            ]}
          />

          <Divider titlePlacement="start">
            {t('trace.producers.bases', { count: baseList.length })}
          </Divider>
          {keep && (
            <Flex justify="flex-end" style={{ marginBottom: 8 }}>
              <Button icon={<PlusOutlined />} onClick={() => setAdding('base')} data-testid="base-add">
                {t('trace.producers.base.add')}
              </Button>
            </Flex>
          )}
          {bases.isError ? (
            <LoadError error={bases.error} onRetry={() => void bases.refetch()} />
          ) : (
            <Card size="small" loading={bases.isPending} styles={{ body: { padding: baseList.length ? 0 : 12 } }}>
              {baseList.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trace.producers.noBases')} />}
              {baseList.map((b, i) => (
                <Flex key={b.id} justify="space-between" gap={8} wrap style={{ padding: '10px 12px', borderTop: i ? '1px solid #f0f0f0' : undefined }} data-testid="base-item">
                  <Typography.Text strong>{b.name}</Typography.Text>
                  <span>
                    <Typography.Text type="secondary">{b.place}</Typography.Text>
                    <Tag style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>{`${formatMu(b.areaMu)} ${t('trace.mu')}`}</Tag>
                  </span>
                </Flex>
              ))}
            </Card>
          )}

          <Divider titlePlacement="start">
            {t('trace.producers.plots', { count: plots.data?.length ?? 0 })}
          </Divider>
          {keep && (
            <Flex justify="flex-end" style={{ marginBottom: 8 }}>
              <Tooltip title={baseList.length === 0 ? t('trace.producers.plot.needBase') : undefined}>
                <Button type="primary" icon={<PlusOutlined />} disabled={baseList.length === 0} onClick={() => setAdding('plot')} data-testid="plot-add">
                  {t('trace.producers.plot.add')}
                </Button>
              </Tooltip>
            </Flex>
          )}
          {plots.isError ? (
            <LoadError error={plots.error} onRetry={() => void plots.refetch()} />
          ) : (
            <Table<PlotView>
              rowKey="id"
              size="small"
              columns={plotColumns}
              dataSource={plots.data ?? []}
              loading={plots.isPending}
              pagination={false}
              scroll={{ x: 640 }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trace.producers.noPlots')} /> }}
              data-testid="producer-plots-table"
            />
          )}
          {keep && (
            <>
              <BaseCreateModal producer={producer} open={adding === 'base'} onClose={() => setAdding(null)} />
              <PlotCreateModal bases={baseList} open={adding === 'plot'} onClose={() => setAdding(null)} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
