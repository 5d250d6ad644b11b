import { useState, type ReactNode } from 'react';
import { App, Button, Input, Skeleton, Typography } from 'antd';
import { NotificationOutlined, ScanOutlined } from '@ant-design/icons';
import { useT } from '../../../app/locale/LocaleContext.js';
import { ParcelCard } from './ParcelCard.js';
import type { PointActions } from './usePointActions.js';
import type { PointParcel } from './usePointLists.js';

const WAYBILL = /^[A-Za-z0-9-]{6,32}$/;

interface Props {
  transit: PointParcel[];
  atPoint: PointParcel[];
  handled: PointParcel[];
  known: PointParcel[];
  loading: boolean;
  actions: PointActions;
}

function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} data-count={count} style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {title} · {count}
      </Typography.Title>
      {children}
    </section>
  );
}

/** 今日到件: a waybill box for a scanner or the keyboard, then on the way (short: today's van), at the point, and handled today. */
export function ArrivalsTab({ transit, atPoint, handled, known, loading, actions }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [waybill, setWaybill] = useState('');
  const untold = atPoint.filter((p) => p.status === 'arrived_village' && !p.pending.some((q) => q.scan.type === 'notified')).map((p) => p.parcel);

  /** A scanner types the number and Enter; a parcel the page knows is scanned by its id. */
  const scanWaybill = (typed: string) => {
    const number = typed.trim().toUpperCase();
    if (!number) return;
    if (!WAYBILL.test(number)) {
      void message.warning(t('logistics.point.scan.invalid'));
      return;
    }
    const found = known.find((p) => p.parcel.waybillNo?.toUpperCase() === number);
    if (found && !['loaded', 'arrived_township', 'sorted', 'received_county', 'created'].includes(found.status)) {
      void message.info(t('logistics.point.scan.already', { name: found.parcel.recipientName }));
      setWaybill('');
      return;
    }
    setWaybill('');
    void actions.receive(found ? found.parcel : { waybill: number });
  };

  const busy = (key: string) => actions.busy === key;
  const empty = (text: string) => (
    <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 0 8px' }}>
      {text}
    </Typography.Text>
  );

  return (
    <>
      <Input.Search
        size="large"
        value={waybill}
        onChange={(e) => setWaybill(e.target.value)}
        onSearch={scanWaybill}
        placeholder={t('logistics.point.scan.placeholder')}
        enterButton={
          <span>
            <ScanOutlined /> {t('logistics.point.scan.button')}
          </span>
        }
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={32}
        loading={busy('receive:scan')}
        data-testid="waybill-input"
      />

      {loading ? (
        <Skeleton active style={{ marginTop: 16 }} />
      ) : (
        <>
          <Section title={t('logistics.point.section.transit')} count={transit.length} testId="section-transit">
            {transit.length === 0
              ? empty(t('logistics.point.empty.transit'))
              : transit.map((p) => (
                  <ParcelCard
                    key={p.parcel.id}
                    {...p}
                    actions={
                      <Button block size="large" type="primary" icon={<ScanOutlined />} loading={busy(`receive:${p.parcel.id}`)} onClick={() => void actions.receive(p.parcel)} data-testid="parcel-receive">
                        {t('logistics.point.receive.button')}
                      </Button>
                    }
                  />
                ))}
          </Section>

          <Section title={t('logistics.point.section.atPoint')} count={atPoint.length} testId="section-at-point">
            {untold.length > 0 && (
              <Button block size="large" icon={<NotificationOutlined />} loading={busy('notify:all')} onClick={() => void actions.notifyAll(untold)} style={{ marginBottom: 12 }} data-testid="notify-all">
                {t('logistics.point.notifyAll.button', { count: untold.length })}
              </Button>
            )}
            {atPoint.length === 0
              ? empty(t('logistics.point.empty.atPoint'))
              : atPoint.map((p) => (
                  <ParcelCard
                    key={p.parcel.id}
                    {...p}
                    actions={
                      <>
                        <Button size="large" style={{ flex: 1 }} loading={busy(`notify:${p.parcel.id}`)} onClick={() => void actions.notifyOne(p.parcel)} data-testid="parcel-notify">
                          {p.status === 'notified' ? t('logistics.point.notify.again') : t('logistics.point.notify.button')}
                        </Button>
                        <Button size="large" type="primary" style={{ flex: 1 }} onClick={() => actions.openHandOver(p.parcel)} data-testid="parcel-handover">
                          {t('logistics.point.handover.button')}
                        </Button>
                      </>
                    }
                  />
                ))}
          </Section>

          <Section title={t('logistics.point.section.handled')} count={handled.length} testId="section-handled">
            {handled.length === 0 ? empty(t('logistics.point.empty.handled')) : handled.map((p) => <ParcelCard key={p.parcel.id} {...p} />)}
          </Section>
        </>
      )}
    </>
  );
}
