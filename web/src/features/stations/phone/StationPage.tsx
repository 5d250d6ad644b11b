import { useMemo, useState } from 'react';
import { App, Badge, Button, Flex, Input, Modal, Select, Spin, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { DeskRefundable, OpenProxyBuy, RecordInput, RecordView } from '../../../api/station-phone.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { BUTTONS, serviceLabel, typeLabel } from './labels.js';
import { ConsignorList, ProxyBuyList, RefundList, TodayList, type DayLine } from './Lists.js';
import { refundCash, refundsToOffer } from './refunds.js';
import { RecordDrawer, type DrawerKind, type Submit } from './RecordDrawer.js';
import { StationSyncBanner } from './StationSyncBanner.js';
import { cashOf, cashOfView, newClientId, newReceiptCode, shanghaiDayOf, tillTotals } from './till.js';
import { TillCard } from './TillCard.js';
import { useStationDeskData } from './useStationDesk.js';
import { useStationQueue } from './useStationQueue.js';

/**
 * 站点服务: the operator's phone page at a village point or township station. The site and today's till at the top,
 * big buttons for the services the site offers, each a short form; today's records (synced and 待同步), the open
 * 代买 with their next step and the 代卖 villagers with what they are owed. Works without a connection: every action
 * is a record made on the phone and kept there until the server has it (StationSyncBanner).
 */
export function StationPage() {
  const t = useT();
  const { message } = App.useApp();
  const user = useUser();
  const queue = useStationQueue(user.id);
  const data = useStationDeskData(user);
  const [drawer, setDrawer] = useState<DrawerKind | null>(null);
  const [voiding, setVoiding] = useState<RecordView | null>(null);
  const [voidReason, setVoidReason] = useState('');
  const [tab, setTab] = useState('today');
  const { siteId, desk, day } = data;

  const serverDay = desk?.today && desk.today.day === day ? desk.today : null;
  const totals = useMemo(() => tillTotals(serverDay, queue.pending, siteId ?? '', day, data.records), [serverDay, queue.pending, siteId, day, data.records]);

  const lines: DayLine[] = useMemo(() => {
    const queued = queue.pending.filter((q) => q.siteId === siteId && shanghaiDayOf(q.record.at) === day);
    const queuedIds = new Set(queued.map((q) => q.record.clientId));
    const synced = data.records.filter((r) => !queuedIds.has(r.clientId));
    const all: DayLine[] = [...synced.map((record) => ({ kind: 'synced' as const, record })), ...queued.map((q) => ({ kind: 'queued' as const, queued: q }))];
    const at = (l: DayLine) => (l.kind === 'synced' ? l.record.at : l.queued.record.at);
    return all.sort((a, b) => at(b).localeCompare(at(a)));
  }, [queue.pending, data.records, siteId, day]);

  // The open 代买: the desk's, and those recorded on the phone and not yet sent (their next steps can be queued too).
  const buys: OpenProxyBuy[] = useMemo(() => {
    const known = desk?.openProxyBuys ?? [];
    const queued = queue.pending
      .filter((q) => q.siteId === siteId && q.record.type === 'proxy_buy.request' && !known.some((b) => b.clientId === q.record.clientId))
      .map((q) => ({ clientId: q.record.clientId, item: String(q.record.item ?? ''), customerName: q.record.customer?.name ?? '', depositFen: Number(q.record.depositFen ?? 0), status: 'requested' }));
    const finished = new Set(queue.pending.filter((q) => q.record.type === 'proxy_buy.handover' || q.record.type === 'proxy_buy.cancel').map((q) => String(q.record.proxyBuyClientId)));
    // An order queued on the phone counts as ordered: the hand-over (refused before the order) may follow it offline.
    const ordered = new Map(queue.pending.filter((q) => q.record.type === 'proxy_buy.ordered').map((q) => [String(q.record.proxyBuyClientId), String(q.record.externalOrderNo ?? '')]));
    const open: OpenProxyBuy[] = [...known, ...queued].filter((b) => !finished.has(b.clientId));
    return open.map((b) => (b.externalOrderNo || !ordered.has(b.clientId) ? b : { ...b, externalOrderNo: ordered.get(b.clientId) }));
  }, [desk, queue.pending, siteId]);

  const submit: Submit = async (type, fields, opts) => {
    if (!siteId) return false;
    const record: RecordInput = { clientId: newClientId(), type, at: opts.at ?? new Date().toISOString(), ...(opts.receipt && { receiptCode: newReceiptCode() }), ...fields };
    const cash = opts.cash ?? cashOf(record, { farmInputs: desk?.farmInputs });
    const label = opts.label;
    try {
      const made = await queue.make(siteId, record, label, cash);
      if (made.state === 'stored') void message.success(t('station.made.stored', { label: `${typeLabel(t, type)} · ${made.record?.summary ?? label}` }));
      else if (made.state === 'queued') void message.warning(t('station.made.queued', { label: `${typeLabel(t, type)} · ${label}` }));
      else {
        void message.error(t('station.made.refused', { message: made.conflict.message }));
        if (made.conflict.code === 'DAY_CHANGED') void message.warning(t('station.till.dayChanged'), 8);
      }
      return true;
    } catch {
      void message.error(t('station.made.full'));
      return false;
    }
  };

  const confirmVoid = async () => {
    if (!voiding || voidReason.trim().length < 2) return;
    const target = voiding;
    const record = { targetClientId: target.clientId, reason: voidReason.trim() };
    const ok = await submit('record.void', record, { label: `${typeLabel(t, target.type)} · ${target.summary}`, cash: cashOf({ clientId: '', type: 'record.void', at: '' }, { target: cashOfView(target) }) });
    if (ok) {
      setVoiding(null);
      setVoidReason('');
    }
  };

  // 退款 of a record its provider refused (any day): queued like any record, the cash handed back from today's till.
  const refund = (r: DeskRefundable) => submit('provider.refund', { targetClientId: r.clientId }, { label: `${typeLabel(t, r.type)} · ${r.summary}`, cash: refundCash(r), receipt: true });

  // Earlier days the desk says are still open, less those whose 日结 waits on the phone.
  const earlierOpen = (desk?.earlierOpenDays ?? []).filter((d) => !queue.pending.some((q) => q.siteId === siteId && q.record.type === 'day.close' && shanghaiDayOf(q.record.at) === d.day));

  const offered = desk?.site.services;
  const buttons = BUTTONS.filter((b) => !offered || offered.includes(b.needs));
  const canRecord = totals.status !== 'closed';

  if (user.scope.kind === 'township' && data.choices.length === 0 && !data.loading && !siteId) {
    return <Typography.Paragraph style={{ padding: 16 }}>{t('station.noSite')}</Typography.Paragraph>;
  }

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="station-page">
      <PageHeader
        title={t('station.title')}
        subtitle={desk?.site.name}
        extra={<Button icon={<ReloadOutlined />} onClick={data.refetch} disabled={!queue.online} aria-label={t('common.refresh')} data-testid="station-refresh" />}
      />
      {data.choices.length > 1 && (
        <Select size="large" style={{ width: '100%', marginBottom: 8 }} value={siteId} onChange={data.choose} options={data.choices.map((c) => ({ value: c.id, label: c.name }))} aria-label={t('station.pickSite')} data-testid="station-site" />
      )}
      <StationSyncBanner queue={queue} />
      {(data.remembered || !queue.online) && data.asOf && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }} data-testid="station-as-of">
          {t('station.asOf', { time: formatDateTime(data.asOf).slice(5, 16) })}
        </Typography.Text>
      )}
      {data.loading ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : !desk ? (
        <LoadError error={data.error ?? new Error(t('station.loadFailed'))} onRetry={data.refetch} />
      ) : (
        <>
          <TillCard
            totals={totals}
            serverDay={serverDay}
            onOpen={() => setDrawer({ kind: 'open' })}
            onClose={() => setDrawer({ kind: 'close' })}
            earlier={earlierOpen}
            onCloseEarlier={(d) => setDrawer({ kind: 'close_day', ...d })}
          />
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8, marginBottom: 12 }} data-testid="station-services">
            {buttons.map((b) => (
              <Button key={b.key} size="large" style={{ height: 64, fontSize: 16, whiteSpace: 'normal', padding: 4 }} disabled={!canRecord} onClick={() => setDrawer({ kind: b.key })} data-testid={`service-${b.key}`}>
                {serviceLabel(t, b.key)}
              </Button>
            ))}
          </div>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            centered
            items={[
              {
                key: 'today',
                label: (
                  <span data-testid="tab-today">
                    {t('station.tab.today')} <Badge count={lines.length} showZero={false} overflowCount={999} color="#8c8c8c" />
                  </span>
                ),
                children: (
                  <>
                    {canRecord && <RefundList records={refundsToOffer(desk.refundable, queue.pending.filter((q) => q.siteId === siteId))} onRefund={(r) => void refund(r)} />}
                    <TodayList lines={lines} siteId={siteId ?? ''} day={day} dayOpen={totals.status === 'open'} onVoid={setVoiding} />
                  </>
                ),
              },
              {
                key: 'proxy',
                label: (
                  <span data-testid="tab-proxy">
                    {t('station.tab.proxy')} <Badge count={buys.length} showZero={false} />
                  </span>
                ),
                children: <ProxyBuyList buys={buys} onStep={(buy, step) => setDrawer({ kind: 'proxy_step', step, buy })} />,
              },
              {
                key: 'consignors',
                label: <span data-testid="tab-consignors">{t('station.tab.consignors')}</span>,
                children: <ConsignorList consignors={desk.consignors ?? []} onPay={(consignor) => setDrawer({ kind: 'payout', consignor })} />,
              },
            ]}
          />
          <RecordDrawer open={drawer} onClose={() => setDrawer(null)} desk={desk} totals={totals} submit={submit} />
        </>
      )}
      <Modal open={!!voiding} title={t('station.void')} onCancel={() => setVoiding(null)} onOk={() => void confirmVoid()} okButtonProps={{ danger: true, disabled: voidReason.trim().length < 2, ...({ 'data-testid': 'void-ok' } as Record<string, string>) }}>
        <Typography.Paragraph>{voiding?.summary}</Typography.Paragraph>
        <Input.TextArea rows={2} maxLength={200} placeholder={t('station.voidReason')} value={voidReason} onChange={(e) => setVoidReason(e.target.value)} data-testid="void-reason" />
      </Modal>
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('station.footer')}
        </Typography.Text>
      </Flex>
    </div>
  );
}
