import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { RunDetail } from '../../../api/logistics-runs.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { carrierLabel, clockTime, maskedPhone, weightText } from './dispatchLabels.js';

/**
 * Only in print: the console (everything else under <body>) is hidden and the sheet fills A4 portrait. The sheet is
 * a direct child of <body> (a portal), and this style exists only while a run's page is open.
 */
const PRINT_CSS = `
.ch-load-sheet { display: none; }
@media print {
  @page { size: A4 portrait; margin: 12mm 10mm 14mm; }
  html, body { background: #fff !important; min-height: 0 !important; }
  body > *:not(.ch-load-sheet) { display: none !important; }
  .ch-load-sheet { display: block; color: #000; font-size: 9.5pt; line-height: 1.35;
    font-family: 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ch-load-sheet h1 { font-size: 16pt; text-align: center; margin: 0 0 2pt; letter-spacing: 2pt; }
  .ch-load-sheet .sub { text-align: center; font-size: 9pt; margin: 0 0 8pt; }
  .ch-load-sheet table { width: 100%; border-collapse: collapse; }
  .ch-load-sheet .meta td { border: 0.6pt solid #000; padding: 3pt 5pt; }
  .ch-load-sheet .meta td.k { width: 14%; background: #f0f0f0; font-weight: 600; white-space: nowrap; }
  .ch-load-sheet section { margin-top: 12pt; }
  .ch-load-sheet h2 { font-size: 11pt; margin: 0 0 4pt; padding: 3pt 5pt; background: #e8e8e8; border: 0.6pt solid #000; break-after: avoid; }
  .ch-load-sheet h3 { font-size: 9.5pt; margin: 6pt 0 3pt; break-after: avoid; }
  .ch-load-sheet .list th, .ch-load-sheet .list td { border: 0.6pt solid #000; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
  .ch-load-sheet .list th { background: #f5f5f5; font-weight: 600; white-space: nowrap; }
  .ch-load-sheet .list thead { display: table-header-group; }
  .ch-load-sheet .list tr { break-inside: avoid; }
  .ch-load-sheet .num { text-align: right !important; white-space: nowrap; }
  .ch-load-sheet .mono { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; white-space: nowrap; }
  .ch-load-sheet .box { width: 9mm; text-align: center !important; }
  .ch-load-sheet .none { padding: 4pt 5pt; border: 0.6pt dashed #000; }
  .ch-load-sheet .sign { display: flex; flex-wrap: wrap; gap: 6pt 24pt; margin-top: 8pt; break-inside: avoid; }
  .ch-load-sheet .line { display: inline-block; min-width: 38mm; border-bottom: 0.6pt solid #000; padding: 0 2pt; }
  .ch-load-sheet .foot { margin-top: 16pt; display: flex; justify-content: space-between; gap: 12pt; break-inside: avoid; }
}
`;

/** 装车单: the run's parcels stop by stop, a table each, with a signature line per stop; shown only when printing. */
export function LoadSheet({ run }: { run: RunDetail }) {
  const t = useT();
  // The time printed is when the sheet is printed (the print button or Ctrl+P), not when the page was opened.
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  const down = run.stops.reduce((n, s) => n + s.dropOff.length, 0);
  const up = run.stops.reduce((n, s) => n + s.pickUp.length, 0);
  const weight = run.stops.reduce((g, s) => g + s.dropOff.reduce((w, p) => w + (p.weightG ?? 0), 0), 0);
  const meta: [string, string][] = [
    [t('logistics.runs.sheet.route'), run.routeName],
    [t('logistics.runs.sheet.mode'), t(`logistics.runs.mode.${run.mode}`)],
    [t('logistics.runs.sheet.date'), `${run.date} ${clockTime(run.departsAt)}`],
    [t('logistics.runs.vehicle'), run.vehicle ?? ''],
    [t('logistics.runs.driver'), run.driver ?? ''],
    [t('logistics.runs.sheet.totals'), t('logistics.runs.sheet.totalsValue', { down, up, weight: weightText(weight) })],
  ];

  return createPortal(
    <div className="ch-load-sheet" data-testid="load-sheet">
      <style>{PRINT_CSS}</style>
      <h1>{t('logistics.runs.sheet.title')}</h1>
      <p className="sub">
        {t('logistics.runs.sheet.printedAt', { time: formatDateTime(printedAt) })}
      </p>
      <table className="meta">
        <tbody>
          {[0, 2, 4].map((i) => (
            <tr key={i}>
              <td className="k">{meta[i][0]}</td>
              <td>{meta[i][1]}</td>
              <td className="k">{meta[i + 1][0]}</td>
              <td>{meta[i + 1][1]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {run.stops.map((stop) => (
        <section key={stop.siteId}>
          <h2>
            {t('logistics.runs.stopNo', { no: stop.seq + 1 })} · {stop.name} — {t('logistics.runs.sheet.stopCounts', { down: stop.dropOff.length, up: stop.pickUp.length })}
          </h2>
          {stop.dropOff.length === 0 ? (
            <div className="none">{t('logistics.runs.sheet.noDropOff')}</div>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t('logistics.runs.parcel.waybill')}</th>
                  <th>{t('logistics.runs.parcel.carrier')}</th>
                  <th>{t('logistics.runs.parcel.recipient')}</th>
                  <th>{t('logistics.runs.parcel.phone')}</th>
                  <th>{t('logistics.runs.parcel.village')}</th>
                  <th className="num">{t('logistics.runs.parcel.weight')}</th>
                  <th className="box">{t('logistics.runs.sheet.check')}</th>
                </tr>
              </thead>
              <tbody>
                {stop.dropOff.map((p, i) => (
                  <tr key={p.id}>
                    <td className="num">{i + 1}</td>
                    <td className="mono">{p.waybillNo ?? '—'}</td>
                    <td>{carrierLabel(t, p.carrier, p.carrierName)}</td>
                    <td>{p.recipientName}</td>
                    <td className="mono">{maskedPhone(p.recipientPhone)}</td>
                    <td>{p.villageName ?? p.pointName ?? '—'}</td>
                    <td className="num">{weightText(p.weightG)}</td>
                    <td className="box">☐</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {stop.pickUp.length > 0 && (
            <>
              <h3>{t('logistics.runs.pickUpTitle', { count: stop.pickUp.length })}</h3>
              <table className="list">
                <thead>
                  <tr>
                    <th className="num">#</th>
                    <th>{t('logistics.runs.parcel.description')}</th>
                    <th>{t('logistics.runs.parcel.sendTo')}</th>
                    <th className="num">{t('logistics.runs.parcel.weight')}</th>
                    <th className="box">{t('logistics.runs.sheet.check')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stop.pickUp.map((p, i) => (
                    <tr key={p.id}>
                      <td className="num">{i + 1}</td>
                      <td>{p.description ?? '—'}</td>
                      <td>{p.recipientName}</td>
                      <td className="num">{weightText(p.weightG)}</td>
                      <td className="box">☐</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div className="sign">
            <span>
              {t('logistics.runs.sheet.signer')}：<span className="line">{stop.signedBy ?? ''}</span>
            </span>
            <span>
              {t('logistics.runs.sheet.signedAt')}：<span className="line">{stop.signedAt ? formatDateTime(stop.signedAt) : ''}</span>
            </span>
            <span>
              {t('logistics.runs.sheet.received')}：<span className="line" style={{ minWidth: '18mm' }}>{stop.signedAt ? String(stop.delivered) : ''}</span>
            </span>
          </div>
        </section>
      ))}

      <div className="foot">
        <span>
          {t('logistics.runs.sheet.warehouseSign')}：<span className="line" />
        </span>
        <span>
          {t('logistics.runs.sheet.driverSign')}：<span className="line" />
        </span>
      </div>
    </div>,
    document.body,
  );
}
