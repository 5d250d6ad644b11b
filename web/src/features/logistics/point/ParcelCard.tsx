import type { ReactNode } from 'react';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { ClockCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import type { Parcel, ParcelStatus, ScanType } from '../../../api/logistics.js';
import { formatDateTime, formatGrams } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { messages, type MessageKey } from '../../../app/locale/messages.js';
import type { QueuedScan } from './offlineQueue.js';
import { reasonText } from '../parcels/parcelLabels.js';

const STATUS_COLOR: Record<ParcelStatus, string> = {
  created: 'default',
  opened: 'default',
  received_county: 'processing',
  sorted: 'processing',
  loaded: 'processing',
  arrived_township: 'processing',
  arrived_village: 'cyan',
  notified: 'gold',
  picked_up: 'success',
  returned: 'volcano',
  handed_to_carrier: 'success',
};

/** A status in the operator's words; the shared `logistics.status.*` labels once they exist, else this page's own. */
export function statusLabel(t: Translate, status: ParcelStatus): string {
  const shared = `logistics.status.${status}`;
  return t((shared in messages ? shared : `logistics.point.status.${status}`) as MessageKey);
}

export function StatusTag({ status }: { status: ParcelStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="parcel-status">
      {statusLabel(t, status)}
    </Tag>
  );
}

/** The carrier in the dictionary's words when it knows it, else the server's name. */
export function carrierLabel(t: Translate, parcel: Pick<Parcel, 'carrier' | 'carrierName'>): string {
  const key = `carrier.${parcel.carrier ?? ''}`;
  return key in messages ? t(key as MessageKey) : (parcel.carrierName ?? '');
}


/** What a queued scan will do, for the "waiting to sync" lines. */
export function scanTypeLabel(t: Translate, type: ScanType): string {
  switch (type) {
    case 'arrived_village':
      return t('logistics.point.pending.arrived');
    case 'notified':
      return t('logistics.point.pending.notified');
    case 'picked_up':
      return t('logistics.point.pending.pickedUp');
    case 'returned':
      return t('logistics.point.pending.returned');
    default:
      return type;
  }
}

interface Props {
  parcel: Parcel;
  /** The status to show: the server's, or what the queued scans will make it. */
  status: ParcelStatus;
  pending: QueuedScan[];
  /** Extra lines under the address (how long it has waited). */
  extra?: ReactNode;
  actions?: ReactNode;
}

/** One parcel as a card sized for a phone: waybill and status, recipient with a call button, then the actions. */
export function ParcelCard({ parcel, status, pending, extra, actions }: Props) {
  const t = useT();
  const up = parcel.direction === 'up';
  const callable = /^1\d{10}$/.test(parcel.recipientPhone);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12, borderColor: pending.length ? '#faad14' : undefined }}
      styles={{ body: { padding: 12 } }}
      data-testid={up ? 'shipment-card' : 'parcel-card'}
      data-parcel-id={parcel.id}
      data-waybill={parcel.waybillNo ?? ''}
      data-status={status}
      data-pending={pending.length}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          {up ? (
            <Typography.Text strong style={{ fontSize: 16 }}>
              {parcel.description}
            </Typography.Text>
          ) : (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {carrierLabel(t, parcel)}
              </Typography.Text>
              <div style={{ fontFamily: 'monospace', fontSize: 16, fontWeight: 600, wordBreak: 'break-all' }} data-testid="parcel-waybill">
                {parcel.waybillNo ?? '—'}
              </div>
            </>
          )}
        </div>
        <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
          <StatusTag status={status} />
          {pending.length > 0 && (
            <Tag color="warning" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid="parcel-pending">
              {t('logistics.point.pending.tag')}
            </Tag>
          )}
        </Flex>
      </Flex>

      <Flex align="center" gap={8} wrap style={{ marginTop: 8 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {up ? t('logistics.point.send.to', { name: parcel.recipientName }) : parcel.recipientName}
        </Typography.Text>
        {callable ? (
          <a href={`tel:${parcel.recipientPhone}`} style={{ fontSize: 15, padding: '4px 0' }} data-testid="parcel-phone">
            <PhoneOutlined /> {parcel.recipientPhone}
          </a>
        ) : (
          <Typography.Text type="secondary">{parcel.recipientPhone}</Typography.Text>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {parcel.address}
      </Typography.Text>
      {up && parcel.weightG !== null && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {t('logistics.point.send.weightIs', { weight: formatGrams(parcel.weightG) })}
        </Typography.Text>
      )}
      {up && parcel.waybillNo && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {carrierLabel(t, parcel)} {parcel.waybillNo}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {parcel.pickedUpAt
          ? t('logistics.point.time.pickedUp', { time: formatDateTime(parcel.pickedUpAt) })
          : parcel.arrivedAt
            ? t('logistics.point.time.arrived', { time: formatDateTime(parcel.arrivedAt) })
            : t('logistics.point.time.last', { time: formatDateTime(parcel.lastEventAt ?? parcel.createdAt) })}
      </Typography.Text>
      {extra}

      {pending.length > 0 && (
        <div style={{ marginTop: 8, fontSize: 13, color: '#d48806' }} data-testid="parcel-pending-list">
          {pending.map((q) => (
            <div key={q.scan.eventId}>
              <ClockCircleOutlined /> {scanTypeLabel(t, q.scan.type)} · {formatDateTime(q.queuedAt).slice(11, 16)}
            </div>
          ))}
        </div>
      )}
      {parcel.problem && (
        <Alert type="warning" showIcon style={{ marginTop: 8, padding: '4px 8px' }} title={t('logistics.point.problem', { problem: reasonText(t, parcel.problem, parcel.problemCode) })} data-testid="parcel-problem" />
      )}
      {actions && (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {actions}
        </Flex>
      )}
    </Card>
  );
}
