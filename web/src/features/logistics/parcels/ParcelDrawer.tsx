import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Empty, Flex, Grid, Skeleton, Timeline, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useParcel, type ParcelDetail, type ParcelEvent, type ParcelStatus } from '../../../api/logistics.js';
import { useRoutes } from '../../../api/logistics-runs.js';
import { formatDateTime, formatGrams } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { AssignPanel } from './AssignPanel.js';
import { carrierLabel, MatchTag, OnTimeTag, ParcelStatusTag, problemCodeOf, reasonText } from './parcelLabels.js';

/** Past these, the address can no longer change (the server answers PARCEL_SETTLED). */
const SETTLED: ParcelStatus[] = ['arrived_village', 'notified', 'picked_up', 'returned', 'handed_to_carrier'];

interface Props {
  id: string | null;
  onClose: () => void;
  /** May settle addresses (county warehouse, township station); a township operator only within its township. */
  mayAssign: boolean;
  townshipCode?: string;
  onAssigned?: (parcel: ParcelDetail) => void;
}

/** One parcel beside the list: its facts, the village to assign when its address did not match, and its scans. */
export function ParcelDrawer({ id, onClose, mayAssign, townshipCode, onAssigned }: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const parcel = useParcel(id ?? undefined);
  const p = parcel.data?.id === id ? parcel.data : undefined;
  const [changing, setChanging] = useState<string | null>(null);
  const assignable = !!p && mayAssign && p.direction === 'down' && !SETTLED.includes(p.status);
  // An unmatched address asks for its village at once; a matched one (or one still waiting for its manifest) on request.
  const showAssign = !!p && assignable && (p.matchState === 'unmatched' || changing === p.id);

  return (
    <Drawer
      title={
        <Flex align="center" gap={8}>
          {t('logistics.parcels.detail.title')}
          {p && <ParcelStatusTag status={p.status} />}
        </Flex>
      }
      open={!!id}
      onClose={onClose}
      size={screens.md ? 600 : '100%'}
      data-testid="parcel-drawer"
    >
      {parcel.isError && !p ? (
        <LoadError error={parcel.error} onRetry={() => void parcel.refetch()} />
      ) : !p ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          {showAssign && (
            <Card size="small" title={t('logistics.parcels.assign.title')} styles={{ header: { background: '#fffbe6' } }}>
              <AssignPanel
                key={p.id}
                parcel={p}
                townshipCode={townshipCode}
                onAssigned={(detail) => {
                  setChanging(null);
                  onAssigned?.(detail);
                }}
              />
            </Card>
          )}
          <Card size="small">
            <ParcelFacts parcel={p} />
            {assignable && p.matchState !== 'unmatched' && changing !== p.id && (
              <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setChanging(p.id)} data-testid="assign-change">
                {t('logistics.parcels.assign.change')}
              </Button>
            )}
          </Card>
          <Card size="small" title={t('logistics.parcels.events')}>
            <ScanTimeline events={p.events} />
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}

function ParcelFacts({ parcel: p }: { parcel: ParcelDetail }) {
  const t = useT();
  const routes = useRoutes(!!p.routeId);
  const route = p.routeId ? (routes.data?.find((r) => r.id === p.routeId)?.name ?? null) : null;
  const items: DescriptionsProps['items'] = [
    { key: 'waybill', label: t('logistics.parcels.field.waybill'), children: <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{p.waybillNo ?? '—'}</Typography.Text> },
    { key: 'carrier', label: t('logistics.parcels.field.carrier'), children: carrierLabel(t, p.carrier, p.carrierName) },
    { key: 'direction', label: t('logistics.parcels.field.direction'), children: t(`logistics.parcels.direction.${p.direction}`) },
    { key: 'recipient', label: t('logistics.parcels.field.recipient'), children: p.recipientName || '—' },
    { key: 'phone', label: t('logistics.parcels.field.phone'), children: p.recipientPhone || '—' },
    { key: 'address', label: t('logistics.parcels.field.address'), children: p.address || '—' },
    ...(p.weightG ? [{ key: 'weight', label: t('logistics.parcels.field.weight'), children: formatGrams(p.weightG) }] : []),
    ...(p.description ? [{ key: 'description', label: t('logistics.parcels.field.description'), children: p.description }] : []),
    { key: 'match', label: t('logistics.parcels.field.match'), children: <MatchTag state={p.matchState} /> },
    { key: 'destination', label: t('logistics.parcels.field.destination'), children: [p.townshipName, p.villageName].filter(Boolean).join(' · ') || '—' },
    { key: 'point', label: t('logistics.parcels.field.point'), children: p.pointName ?? '—' },
    { key: 'route', label: t('logistics.parcels.field.route'), children: route ?? <Typography.Text type="secondary">{t('logistics.parcels.noRoute')}</Typography.Text> },
    ...(p.problem
      ? [{ key: 'problem', label: t('logistics.parcels.field.problem'), children: <Typography.Text type="danger" data-testid="parcel-problem"><WarningFilled /> {reasonText(t, p.problem, problemCodeOf(p))}</Typography.Text> }]
      : []),
    { key: 'receivedAt', label: t('logistics.parcels.field.receivedAt'), children: formatDateTime(p.receivedAt) },
    { key: 'arrivedAt', label: t('logistics.parcels.field.arrivedAt'), children: formatDateTime(p.arrivedAt) },
    {
      key: 'transit',
      label: t('logistics.parcels.field.transit'),
      children: (
        <Flex gap={8} align="center">
          {p.transitMinutes !== null && t('logistics.parcels.transit', { hours: (p.transitMinutes / 60).toFixed(1) })}
          <OnTimeTag parcel={p} />
        </Flex>
      ),
    },
    ...(p.pickedUpAt ? [{ key: 'pickedUpAt', label: t('logistics.parcels.field.pickedUpAt'), children: formatDateTime(p.pickedUpAt) }] : []),
    { key: 'createdAt', label: t('logistics.parcels.field.createdAt'), children: formatDateTime(p.createdAt) },
  ];
  return <Descriptions size="small" column={1} items={items} styles={{ label: { width: 140 } }} data-testid="parcel-facts" />;
}

/** The parcel's scans, newest first; a flagged scan in red with the reason. */
function ScanTimeline({ events }: { events: ParcelEvent[] }) {
  const t = useT();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.parcels.noEvents')} />;
  return <Timeline data-testid="parcel-timeline" items={[...events].reverse().map((e) => eventItem(e, t))} />;
}

function eventItem(e: ParcelEvent, t: Translate) {
  const color = e.flagged ? 'red' : e.type === 'problem' ? 'orange' : e.type === 'picked_up' || e.type === 'handed_to_carrier' ? 'green' : e.type === 'carrier_update' ? 'gray' : 'blue';
  return {
    key: e.eventId,
    color,
    content: (
      <Flex vertical gap={2} data-testid={e.flagged ? 'event-flagged' : 'event'}>
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong type={e.flagged ? 'danger' : undefined}>
            {t(`logistics.scan.${e.type}`)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(e.at)}
          </Typography.Text>
        </Flex>
        {e.siteName && <span>{e.siteName}</span>}
        {e.note && <Typography.Text type="secondary">{e.type === 'problem' ? reasonText(t, e.note, problemCodeOf(e)) : e.note}</Typography.Text>}
        {e.flagged && (
          <Typography.Text type="danger">
            <WarningFilled /> {t('logistics.parcels.flagged', { reason: reasonText(t, e.flagReason, problemCodeOf(e)) })}
          </Typography.Text>
        )}
      </Flex>
    ),
  };
}
