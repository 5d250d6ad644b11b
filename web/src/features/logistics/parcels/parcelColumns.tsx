import { Button, Flex, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { Parcel } from '../../../api/logistics.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { carrierLabel, MatchTag, OnTimeTag, ParcelStatusTag, problemCodeOf, reasonText } from './parcelLabels.js';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

function Waybill({ parcel, onOpen, t }: { parcel: Parcel; onOpen: (p: Parcel) => void; t: Translate }) {
  return (
    <Typography.Link
      style={mono}
      data-testid="parcel-waybill"
      onClick={(e) => {
        e.stopPropagation();
        onOpen(parcel);
      }}
    >
      {parcel.waybillNo ?? t('logistics.parcels.noWaybill')}
    </Typography.Link>
  );
}

function Recipient({ parcel }: { parcel: Parcel }) {
  return (
    <Flex vertical>
      <span>{parcel.recipientName || '—'}</span>
      {parcel.recipientPhone && (
        <Typography.Text type="secondary" style={{ fontSize: 12, ...mono }}>
          {parcel.recipientPhone}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Township and village on the first line, the point below; an unmatched parcel shows its address instead. */
function Destination({ parcel }: { parcel: Parcel }) {
  if (!parcel.villageName && !parcel.townshipName) {
    return (
      <Flex vertical gap={2} align="flex-start">
        <MatchTag state={parcel.matchState} />
        {parcel.address && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: parcel.address }}>
            {parcel.address}
          </Typography.Text>
        )}
      </Flex>
    );
  }
  return (
    <Flex vertical>
      <span>{[parcel.townshipName, parcel.villageName].filter(Boolean).join(' · ')}</span>
      {parcel.pointName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {parcel.pointName}
        </Typography.Text>
      )}
    </Flex>
  );
}

function Problem({ parcel, t }: { parcel: Parcel; t: Translate }) {
  if (!parcel.problem) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = reasonText(t, parcel.problem, problemCodeOf(parcel));
  return (
    <Tooltip title={shown}>
      <Typography.Text type="danger" ellipsis style={{ maxWidth: 180 }} data-testid="parcel-problem">
        <WarningFilled /> {shown}
      </Typography.Text>
    </Tooltip>
  );
}

/** On a phone no column is pinned: the pinned ones would leave no room to scroll the rest. */
const unpinned = (columns: TableColumnsType<Parcel>, phone: boolean): TableColumnsType<Parcel> => (phone ? columns.map((c) => ({ ...c, fixed: undefined })) : columns);

/** Every parcel: waybill, carrier, recipient, destination, status, problem, the two times and the 48-hour tag. */
export function parcelColumns(t: Translate, onOpen: (p: Parcel) => void, phone = false): TableColumnsType<Parcel> {
  const columns: TableColumnsType<Parcel> = [
    { key: 'waybill', title: t('logistics.parcels.col.waybill'), fixed: 'left', width: 160, render: (_: unknown, p) => <Waybill parcel={p} onOpen={onOpen} t={t} /> },
    { key: 'carrier', title: t('logistics.parcels.filter.carrier'), width: 100, render: (_: unknown, p) => carrierLabel(t, p.carrier, p.carrierName) },
    { key: 'recipient', title: t('logistics.parcels.col.recipient'), width: 130, render: (_: unknown, p) => <Recipient parcel={p} /> },
    { key: 'destination', title: t('logistics.parcels.col.destination'), width: 200, render: (_: unknown, p) => <Destination parcel={p} /> },
    { key: 'status', title: t('logistics.parcels.col.status'), width: 110, render: (_: unknown, p) => <ParcelStatusTag status={p.status} /> },
    { key: 'problem', title: t('logistics.parcels.col.problem'), width: 190, render: (_: unknown, p) => <Problem parcel={p} t={t} /> },
    { key: 'receivedAt', title: t('logistics.parcels.col.receivedAt'), dataIndex: 'receivedAt', width: 170, render: (at: string | null) => formatDateTime(at) },
    { key: 'arrivedAt', title: t('logistics.parcels.col.arrivedAt'), dataIndex: 'arrivedAt', width: 170, render: (at: string | null) => formatDateTime(at) },
    { key: 'onTime', title: t('logistics.parcels.col.onTime'), width: 90, fixed: 'right', render: (_: unknown, p) => <OnTimeTag parcel={p} /> },
  ];
  return unpinned(columns, phone);
}

/** The unmatched queue: the address is what a person reads to choose the village. */
export function queueColumns(t: Translate, onOpen: (p: Parcel) => void, phone = false): TableColumnsType<Parcel> {
  const columns: TableColumnsType<Parcel> = [
    { key: 'waybill', title: t('logistics.parcels.col.waybill'), fixed: 'left', width: 160, render: (_: unknown, p) => <Waybill parcel={p} onOpen={onOpen} t={t} /> },
    { key: 'carrier', title: t('logistics.parcels.filter.carrier'), width: 100, render: (_: unknown, p) => carrierLabel(t, p.carrier, p.carrierName) },
    { key: 'recipient', title: t('logistics.parcels.col.recipient'), width: 130, render: (_: unknown, p) => <Recipient parcel={p} /> },
    { key: 'address', title: t('logistics.parcels.col.address'), dataIndex: 'address', render: (address: string) => <span data-testid="parcel-address">{address || '—'}</span> },
    { key: 'status', title: t('logistics.parcels.col.status'), width: 110, render: (_: unknown, p) => <ParcelStatusTag status={p.status} /> },
    { key: 'createdAt', title: t('logistics.parcels.col.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
    {
      key: 'actions',
      title: t('logistics.parcels.col.action'),
      width: 110,
      fixed: 'right',
      render: (_: unknown, p) => (
        <Button
          type="primary"
          size="small"
          data-testid="assign-open"
          onClick={(e) => {
            e.stopPropagation();
            onOpen(p);
          }}
        >
          {t('logistics.parcels.assign.button')}
        </Button>
      ),
    },
  ];
  return unpinned(columns, phone);
}
