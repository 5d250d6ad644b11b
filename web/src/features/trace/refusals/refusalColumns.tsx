import type { TableColumnsType } from 'antd';
import type { RefusalView } from '../../../api/trace-recalls.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import type { Outcome } from './DecisionModal.js';
import { Attempted, DecideButtons, Decision, Findings, Harvest, KindTag, PlotCell } from './RefusalParts.js';

/** The regulator's queue: what kind, where, what was broken, who recorded it, and the decision (or the buttons to make it). */
export function refusalColumns(t: Translate, onDecide: ((r: RefusalView, outcome: Outcome) => void) | null): TableColumnsType<RefusalView> {
  const columns: TableColumnsType<RefusalView> = [
    { key: 'kind', title: t('traceRecall.refusals.kind'), width: 92, render: (_: unknown, r) => <KindTag review={r} t={t} /> },
    { key: 'plot', title: t('traceRecall.refusals.plot'), width: 200, render: (_: unknown, r) => <PlotCell review={r} t={t} /> },
    { key: 'harvest', title: t('traceRecall.refusals.harvest'), width: 185, render: (_: unknown, r) => <Harvest review={r} t={t} /> },
    { key: 'breaches', title: t('traceRecall.refusals.breaches'), render: (_: unknown, r) => <Findings review={r} t={t} /> },
    { key: 'attempted', title: t('traceRecall.refusals.attempted'), width: 140, render: (_: unknown, r) => <Attempted review={r} t={t} /> },
    { key: 'decision', title: t('traceRecall.refusals.decision'), width: 220, render: (_: unknown, r) => <Decision review={r} t={t} /> },
  ];
  if (onDecide) {
    columns.push({ key: 'action', title: t('traceRecall.refusals.action'), width: 130, fixed: 'right', render: (_: unknown, r) => <DecideButtons review={r} t={t} onDecide={onDecide} /> });
  }
  return columns;
}
