import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Button, Flex, Result, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useStationDayRecords, type RecordView } from '../../../api/station-phone.js';
import { formatDateTime } from '../../../app/format.js';
import { browserStore } from '../../../app/keptQueue.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { typeLabel } from './labels.js';
import { recallDesk, recallRecord } from './stationCache.js';
import { queueKey, StationQueue } from './stationQueue.js';
import { kg, yuan } from './till.js';

/**
 * The 58 mm thermal printer's page: 48 mm of black text, no colours, the QR at the bottom. The screen shows the same
 * receipt, a big QR for the villager to scan, and 打印 / 返回 (hidden on paper).
 */
const PRINT_CSS = `
@page { size: 58mm auto; margin: 0; }
.station-receipt { width: 48mm; margin: 0 auto; padding: 3mm 0; color: #000; background: #fff;
  font-family: "SimHei", "Heiti SC", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", monospace;
  font-size: 12px; line-height: 1.45; word-break: break-all; }
.station-receipt h1 { font-size: 15px; text-align: center; margin: 0 0 2px; }
.station-receipt .sub { text-align: center; margin-bottom: 4px; }
.station-receipt .row { display: flex; justify-content: space-between; gap: 4px; }
.station-receipt .row span:first-child { flex: none; white-space: nowrap; }
.station-receipt .row span:last-child { text-align: right; min-width: 0; }
.station-receipt hr { border: 0; border-top: 1px dashed #000; margin: 4px 0; }
.station-receipt .qr { display: block; width: 36mm; height: 36mm; margin: 4px auto 0; image-rendering: pixelated; }
.station-receipt .note { text-align: center; font-size: 11px; }
.station-receipt .flag { text-align: center; font-weight: bold; border: 1px solid #000; margin: 2px 0; }
@media screen { .station-receipt { width: auto; max-width: 360px; padding: 16px; font-size: 15px; border: 1px solid #d9d9d9; border-radius: 8px; }
  .station-receipt h1 { font-size: 18px; } .station-receipt .qr { width: 240px; height: 240px; } }
@media print { .no-print { display: none !important; } body, #root { background: #fff !important; } }
`;

/** What the receipt shows, from the server's record or the one still queued on the phone. */
interface ReceiptView {
  unsynced: boolean;
  siteName: string;
  type: string;
  at: string;
  summary: string;
  customer: string | null;
  amountFen: number | null;
  feeFen: number | null;
  cashInFen: number;
  cashOutFen: number;
  operator: string;
  number: string;
  receiptCode: string | null;
  details: Record<string, unknown>;
  voided: boolean;
}

function fromRecord(r: RecordView): ReceiptView {
  return {
    unsynced: false,
    siteName: r.siteName,
    type: r.type,
    at: r.at,
    summary: r.summary,
    customer: r.customer ? [r.customer.name, r.customer.phoneMasked].filter(Boolean).join(' ') : null,
    amountFen: r.amountFen,
    feeFen: r.feeFen,
    cashInFen: r.cashInFen,
    cashOutFen: r.cashOutFen,
    operator: r.recordedByName,
    number: r.id,
    receiptCode: r.receiptCode,
    details: r.details ?? {},
    voided: r.voided,
  };
}

interface GradedLineView {
  netG: number;
  gradeName: string;
  priceFenPerKg: number;
  amountFen: number;
}

/** 收据 of one record, by the clientId the phone made it with: /station/receipts/:clientId?siteId=&day=. */
export function ReceiptPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const { clientId = '' } = useParams();
  const [params] = useSearchParams();
  const siteId = params.get('siteId');
  const day = params.get('day') ?? '';
  const store = useMemo(() => browserStore(), []);
  const queue = useMemo(() => new StationQueue(queueKey(user.id), store), [user.id, store]);
  const state = useSyncExternalStore(queue.subscribe, queue.snapshot);
  const queued = state.pending.find((q) => q.record.clientId === clientId);
  const kept = useMemo(() => (queued ? null : recallRecord(store, user.id, clientId)), [queued, store, user.id, clientId]);
  const dayRecords = useStationDayRecords(!queued && !kept && siteId && day ? siteId : null, day);
  const fetched = dayRecords.data?.find((r) => r.clientId === clientId) ?? null;

  const view: ReceiptView | null = useMemo(() => {
    if (kept) return fromRecord(kept);
    if (fetched) return fromRecord(fetched);
    if (!queued) return null;
    const desk = recallDesk(store, user.id, queued.siteId)?.desk;
    const r = queued.record;
    return {
      unsynced: true,
      siteName: desk?.site.name ?? '',
      type: r.type,
      at: r.at,
      summary: queued.label,
      customer: r.customer?.name ?? desk?.customers.find((c) => c.id === r.customerId)?.name ?? null,
      amountFen: typeof r.amountFen === 'number' ? r.amountFen : null,
      feeFen: typeof r.feeFen === 'number' ? r.feeFen : null,
      cashInFen: queued.cash.inFen,
      cashOutFen: queued.cash.outFen,
      operator: user.displayName ?? '',
      number: r.clientId,
      receiptCode: r.receiptCode ?? null,
      details: {},
      voided: false,
    };
  }, [kept, fetched, queued, store, user]);

  const url = view?.receiptCode ? `${window.location.origin}/r/${view.receiptCode}` : null;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (url) void import('qrcode').then((lib) => lib.toDataURL(url, { margin: 1, width: 480, errorCorrectionLevel: 'M' })).then((data) => live && setQr(data));
    return () => {
      live = false;
    };
  }, [url]);

  useEffect(() => {
    document.title = `${t('station.receipt.title')} · ${view?.siteName ?? ''}`;
  }, [t, view?.siteName]);

  if (!view) {
    if (dayRecords.isFetching) return <Spin style={{ display: 'block', margin: 48 }} />;
    return <Result status="404" title={t('station.receipt.notFound')} extra={<Button onClick={() => void navigate('/station')}>{t('station.receipt.back')}</Button>} />;
  }

  const lines = Array.isArray(view.details.lines) ? (view.details.lines as GradedLineView[]) : [];
  const regNo = typeof view.details.registrationNo === 'string' ? view.details.registrationNo : null;
  const regLabel = typeof view.details.registrationLabel === 'string' ? view.details.registrationLabel : t('station.receipt.regNo');
  const row = (label: string, value: string, testId?: string) => (
    <div className="row" data-testid={testId}>
      <span>{label}</span>
      <span>{value}</span>
    </div>
  );

  return (
    <div style={{ padding: 12, background: '#fff', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" justify="space-between" style={{ maxWidth: 360, margin: '0 auto 12px' }}>
        <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/station')} data-testid="receipt-back">
          {t('station.receipt.back')}
        </Button>
        <Button size="large" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
          {t('station.receipt.print')}
        </Button>
      </Flex>
      <div className="station-receipt" data-testid="station-receipt" data-unsynced={String(view.unsynced)}>
        <h1>{view.siteName}</h1>
        <div className="sub">
          {t('station.receipt.title')} · {typeLabel(t, view.type)}
        </div>
        {view.unsynced && (
          <div className="flag" data-testid="receipt-unsynced">
            {t('station.receipt.unsynced')}
          </div>
        )}
        {view.voided && <div className="flag">{t('station.voided')}</div>}
        <hr />
        {row(t('station.receipt.time'), formatDateTime(view.at).slice(0, 16))}
        {view.customer && row(t('station.receipt.customer'), view.customer)}
        <div data-testid="receipt-summary">{view.summary}</div>
        {regNo && row(regLabel, regNo, 'receipt-reg-no')}
        {lines.length > 0 && (
          <>
            <hr />
            <div>{t('station.receipt.lines')}</div>
            {lines.map((l, i) => (
              <div key={i} className="row" data-testid="receipt-line">
                <span>
                  {i + 1}. {l.gradeName} {kg(l.netG)}×{yuan(l.priceFenPerKg)}
                </span>
                <span>{yuan(l.amountFen)}</span>
              </div>
            ))}
          </>
        )}
        <hr />
        {view.amountFen !== null && view.amountFen !== 0 && row(t('station.receipt.amount'), yuan(view.amountFen), 'receipt-amount')}
        {view.feeFen !== null && view.feeFen !== 0 && row(t('station.receipt.fee'), yuan(view.feeFen))}
        {view.cashInFen !== 0 && row(t('station.receipt.cashIn'), yuan(view.cashInFen))}
        {view.cashOutFen !== 0 && row(t('station.receipt.cashOut'), yuan(view.cashOutFen))}
        {row(t('station.receipt.operator'), view.operator)}
        {row(t('station.receipt.no'), view.number)}
        {qr && (
          <>
            <img className="qr" src={qr} alt={url ?? ''} data-testid="receipt-qr" data-url={url ?? ''} />
            <div className="note">{view.unsynced ? t('station.receipt.unsyncedHint') : t('station.receipt.scan')}</div>
          </>
        )}
        <div className="note">{t('station.receipt.thanks')}</div>
      </div>
    </div>
  );
}
