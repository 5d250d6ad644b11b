import { Button, Card, Empty, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import type { Parcel } from '../../../api/logistics.js';
import type { RunStop } from '../../../api/logistics-runs.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { carrierLabel, maskedPhone, parcelStatusLabel, weightText } from './dispatchLabels.js';

const mono = { fontFamily: 'monospace' } as const;

function dropOffColumns(t: Translate): TableColumnsType<Parcel> {
  return [
    { title: t('logistics.runs.parcel.waybill'), dataIndex: 'waybillNo', width: 170, render: (v: string | null) => <span style={mono}>{v ?? '—'}</span> },
    { title: t('logistics.runs.parcel.carrier'), dataIndex: 'carrier', width: 110, render: (v: string | null, p) => carrierLabel(t, v, p.carrierName) },
    { title: t('logistics.runs.parcel.recipient'), dataIndex: 'recipientName', width: 100 },
    { title: t('logistics.runs.parcel.phone'), dataIndex: 'recipientPhone', width: 130, render: (v: string) => <span style={mono}>{maskedPhone(v)}</span> },
    { title: t('logistics.runs.parcel.village'), key: 'village', render: (_, p) => [p.townshipName, p.villageName].filter(Boolean).join(' ') || p.pointName || '—' },
    { title: t('logistics.runs.parcel.weight'), dataIndex: 'weightG', width: 90, align: 'right', render: (v: number | null) => weightText(v) },
    { title: t('logistics.runs.parcel.status'), dataIndex: 'status', width: 110, render: (v: string, p) => <Tag color={p.problem ? 'red' : undefined}>{parcelStatusLabel(t, v)}</Tag> },
  ];
}

function pickUpColumns(t: Translate): TableColumnsType<Parcel> {
  return [
    { title: t('logistics.runs.parcel.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    { title: t('logistics.runs.parcel.sendTo'), dataIndex: 'recipientName', width: 140 },
    { title: t('logistics.runs.parcel.weight'), dataIndex: 'weightG', width: 90, align: 'right', render: (v: number | null) => weightText(v) },
    { title: t('logistics.runs.parcel.status'), dataIndex: 'status', width: 110, render: (v: string) => <Tag>{parcelStatusLabel(t, v)}</Tag> },
  ];
}

interface Props {
  stop: RunStop;
  /** The hand-over button is offered (the run is on the road, the stop unsigned and the user may sign for it). */
  canHandOver: boolean;
  onHandOver: () => void;
}

/** One stop of a run: what it receives, what it sends up, and who signed for it. */
export function StopCard({ stop, canHandOver, onHandOver }: Props) {
  const t = useT();
  const signed = !!stop.signedAt;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`stop-${stop.siteId}`}
      data-signed={signed ? 'true' : 'false'}
      title={
        <Space size={8} wrap>
          <Tag color={signed ? 'success' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {t('logistics.runs.stopNo', { no: stop.seq + 1 })}
          </Tag>
          <span>{stop.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {t('logistics.runs.stopCounts', { down: stop.dropOff.length, up: stop.pickUp.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        signed ? (
          <Space size={6} data-testid={`stop-signed-${stop.siteId}`}>
            <CheckCircleFilled style={{ color: '#52c41a' }} />
            <span>{t('logistics.runs.signedBy', { name: stop.signedBy ?? '', time: formatDateTime(stop.signedAt) })}</span>
          </Space>
        ) : canHandOver ? (
          <Button type="primary" size="small" icon={<EditOutlined />} onClick={onHandOver} data-testid={`handover-${stop.siteId}`}>
            {t('logistics.runs.handover.button')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('logistics.runs.notSigned')}</Typography.Text>
        )
      }
    >
      {stop.dropOff.length === 0 && stop.pickUp.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.runs.stopEmpty')} style={{ margin: '8px 0' }} />
      ) : (
        <Flex vertical gap={12}>
          {stop.dropOff.length > 0 && (
            <Table<Parcel> rowKey="id" size="small" columns={dropOffColumns(t)} dataSource={stop.dropOff} pagination={stop.dropOff.length > 50 ? { pageSize: 50, size: 'small' } : false} scroll={{ x: 860 }} />
          )}
          {stop.pickUp.length > 0 && (
            <div>
              <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
                {t('logistics.runs.pickUpTitle', { count: stop.pickUp.length })}
              </Typography.Text>
              <Table<Parcel> rowKey="id" size="small" columns={pickUpColumns(t)} dataSource={stop.pickUp} pagination={false} />
            </div>
          )}
        </Flex>
      )}
      {signed && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('logistics.runs.stopResult', { delivered: stop.delivered, collected: stop.collected })}
        </Typography.Text>
      )}
    </Card>
  );
}
