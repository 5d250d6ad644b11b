import { Button, Empty, Flex, List, Popconfirm, Tag, Typography, type ButtonProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Consignor, DeskRefundable, OpenProxyBuy, RecordView } from '../../../api/station-phone.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { MessageKey } from '../../../app/locale/messages.js';
import { typeLabel } from './labels.js';
import type { QueuedRecord } from './stationQueue.js';
import { kg, yuan } from './till.js';

const time = (iso: string) => formatDateTime(iso).slice(11, 16);

/** A line of today's list: a record the server has, or one still on the phone (待同步). */
export type DayLine = { kind: 'synced'; record: RecordView } | { kind: 'queued'; queued: QueuedRecord };

const receiptPath = (clientId: string, siteId: string, day: string) => `/station/receipts/${encodeURIComponent(clientId)}?siteId=${encodeURIComponent(siteId)}&day=${day}`;

/** 今日记录: newest first, the ones still on the phone marked 待同步; each with its receipt and (synced, day open) 撤销. */
export function TodayList({ lines, siteId, day, dayOpen, onVoid }: { lines: DayLine[]; siteId: string; day: string; dayOpen: boolean; onVoid: (record: RecordView) => void }) {
  const t = useT();
  if (lines.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('station.empty.today')} />;
  return (
    <List
      dataSource={lines}
      data-testid="station-today"
      renderItem={(line) => {
        const synced = line.kind === 'synced';
        const clientId = synced ? line.record.clientId : line.queued.record.clientId;
        const type = synced ? line.record.type : line.queued.record.type;
        const at = synced ? line.record.at : line.queued.record.at;
        const receipt = synced ? !!line.record.receiptCode : !!line.queued.record.receiptCode;
        const cash = synced ? line.record.cashInFen - line.record.cashOutFen : line.queued.cash.inFen - line.queued.cash.outFen;
        return (
          <List.Item data-testid="station-record" data-client-id={clientId} data-type={type} data-state={synced ? (line.record.voided ? 'voided' : 'synced') : 'queued'} style={{ display: 'block' }}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>
                {time(at)} {typeLabel(t, type)}
              </Typography.Text>
              <Flex gap={4}>
                {!synced && <Tag color="orange" data-testid="record-pending">{t('station.pending')}</Tag>}
                {synced && line.record.voided && <Tag>{t('station.voided')}</Tag>}
                {cash !== 0 && <Typography.Text type={cash > 0 ? 'success' : 'danger'}>{cash > 0 ? '+' : ''}{yuan(cash)}</Typography.Text>}
              </Flex>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
              {synced ? line.record.summary : line.queued.label}
              {synced && line.record.customer ? ` · ${line.record.customer.name}` : ''}
            </Typography.Text>
            {synced && providerRefusal(line.record) !== null && (
              <Typography.Text type="danger" style={{ fontSize: 13, display: 'block' }} data-testid="record-provider-refused">
                {t('station.providerRefused', { message: providerRefusal(line.record) ?? '' })}
              </Typography.Text>
            )}
            {(receipt || (synced && dayOpen && !line.record.voided && line.record.type !== 'day.open' && line.record.type !== 'record.void')) && (
              <Flex gap={8} style={{ marginTop: 4 }}>
                {receipt && (
                  <Link to={receiptPath(clientId, siteId, day)} data-testid="record-receipt">
                    <Button size="small">{t('station.receipt')}</Button>
                  </Link>
                )}
                {synced && dayOpen && !line.record.voided && line.record.type !== 'day.open' && line.record.type !== 'record.void' && (
                  <Button size="small" danger onClick={() => onVoid(line.record)} data-testid="record-void">
                    {t('station.void')}
                  </Button>
                )}
              </Flex>
            )}
          </List.Item>
        );
      }}
    />
  );
}

/** The provider's reason when it refused the record, else null. */
function providerRefusal(record: RecordView): string | null {
  const details = record.details as { providerStatus?: string; providerMessage?: string | null } | null;
  return details?.providerStatus === 'refused' ? (details.providerMessage ?? '') : null;
}

/** 服务商拒绝，待退款: the refused records of any day not yet refunded, each with 退款 (queued like any record). */
export function RefundList({ records, onRefund }: { records: DeskRefundable[]; onRefund: (record: DeskRefundable) => void }) {
  const t = useT();
  if (records.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('station.refundable')}</Typography.Text>}
      dataSource={records}
      data-testid="station-refundable"
      style={{ marginBottom: 12 }}
      renderItem={(r) => (
        <List.Item
          data-testid="refundable"
          data-client-id={r.clientId}
          actions={[
            <Popconfirm key="refund" title={t('station.refundConfirm', { amount: yuan(r.cashInFen || r.cashOutFen) })} onConfirm={() => onRefund(r)} okButtonProps={{ 'data-testid': 'record-refund-ok' } as ButtonProps}>
              <Button size="small" danger data-testid="record-refund">
                {t('station.refund')}
              </Button>
            </Popconfirm>,
          ]}
        >
          <List.Item.Meta title={`${r.day.slice(5)} ${r.summary}`} description={r.providerMessage ? t('station.providerRefused', { message: r.providerMessage }) : null} />
        </List.Item>
      )}
    />
  );
}

const STEPS = ['ordered', 'parcel', 'handover'] as const;

/** 代买进度: the open buys of this site (the desk's and those still on the phone), each with its next steps. */
export function ProxyBuyList({ buys, onStep }: { buys: OpenProxyBuy[]; onStep: (buy: OpenProxyBuy, step: 'ordered' | 'parcel' | 'handover' | 'cancel') => void }) {
  const t = useT();
  if (buys.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('station.empty.proxy')} />;
  return (
    <List
      dataSource={buys}
      data-testid="station-proxy-buys"
      renderItem={(buy) => {
        const status = buy.stageName ?? buy.statusName ?? (buy.status === 'requested' ? t('station.proxy.status.requested') : null);
        return (
          <List.Item style={{ display: 'block' }} data-testid="proxy-buy" data-client-id={buy.clientId}>
            <Flex justify="space-between">
              <Typography.Text strong>{buy.item}</Typography.Text>
              {status && <Tag>{status}</Tag>}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
              {buy.customer?.name ?? buy.customerName ?? ''}
              {buy.depositFen ? ` · ${t('station.proxy.deposit', { amount: yuan(buy.depositFen) })}` : ''}
            </Typography.Text>
            <Flex gap={6} wrap style={{ marginTop: 6 }}>
              {STEPS.filter((step) => (step === 'ordered' ? !buy.externalOrderNo : step === 'parcel' ? !buy.waybillNo : !!buy.externalOrderNo)).map((step) => (
                <Button key={step} size="small" type={step === 'handover' ? 'primary' : 'default'} onClick={() => onStep(buy, step)} data-testid={`proxy-${step}`}>
                  {t(`station.proxy.next.${step}` as MessageKey)}
                </Button>
              ))}
              <Button size="small" danger onClick={() => onStep(buy, 'cancel')} data-testid="proxy-cancel">
                {t('station.proxy.cancel')}
              </Button>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** 代卖结算: the villagers this site sells for, with what they are owed, and 结算. */
export function ConsignorList({ consignors, onPay }: { consignors: Consignor[]; onPay: (c: Consignor) => void }) {
  const t = useT();
  if (consignors.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('station.empty.consignors')} />;
  return (
    <List
      dataSource={consignors}
      data-testid="station-consignors"
      renderItem={(c) => (
        <List.Item
          data-testid="consignor"
          actions={[
            <Button key="pay" size="small" type="primary" disabled={c.balanceFen <= 0} onClick={() => onPay(c)} data-testid="consignor-pay">
              {t('station.payout')}
            </Button>,
          ]}
        >
          <List.Item.Meta title={[c.name, c.poor ? t('station.form.poor') : null].filter(Boolean).join(' · ')} description={[c.phoneMasked, t('station.balance', { amount: yuan(c.balanceFen) }), c.heldG ? kg(c.heldG) : null].filter(Boolean).join(' · ')} />
        </List.Item>
      )}
    />
  );
}
