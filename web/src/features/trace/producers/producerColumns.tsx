import { Button, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ProducerView } from '../../../api/trace-farm.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { ProducerKindTag } from './ProducerKindTag.js';

/** Kind, name (opens the drawer), place, masked phone, plots, the trace-code number, registered. */
export function producerColumns(t: Translate, open: (p: ProducerView) => void): TableColumnsType<ProducerView> {
  return [
    { key: 'kind', title: t('trace.producers.col.kind'), dataIndex: 'kind', width: 80, render: (_: unknown, p) => <ProducerKindTag kind={p.kind} /> },
    {
      key: 'name',
      title: t('trace.producers.col.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Button type="link" onClick={() => open(p)} style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} data-testid="producer-open">
          {name}
        </Button>
      ),
    },
    { key: 'place', title: t('trace.producers.col.place'), dataIndex: 'place', width: 160 },
    {
      key: 'phone',
      title: t('trace.producers.col.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (phone: string | null) => <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{phone ?? '—'}</Typography.Text>,
    },
    { key: 'plots', title: t('trace.producers.col.plots'), dataIndex: 'plots', width: 80, align: 'right' },
    {
      key: 'number',
      title: t('trace.producers.col.number'),
      dataIndex: 'number',
      width: 90,
      render: (n: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{n}</Typography.Text>,
    },
    { key: 'createdAt', title: t('trace.producers.col.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => formatDateTime(at) },
    {
      key: 'actions',
      title: '',
      width: 120,
      render: (_: unknown, p) => (
        <Button size="small" onClick={() => open(p)} data-testid="producer-plots">
          {t('trace.producers.openPlots')}
        </Button>
      ),
    },
  ];
}
