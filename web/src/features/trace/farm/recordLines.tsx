import type { ReactNode } from 'react';
import type { RecordFlag, RecordView } from '../../../api/trace-farm.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { formatQuantity } from '../shared/traceLabels.js';
import { formKindOf } from './recordForm.js';

/** A record's one-line title: 打药 · 吡虫啉, 农事 · 修剪, 采收 · 1200 kg. */
export function recordTitle(t: Translate, r: RecordView): string {
  const name = t(`trace.kindName.${formKindOf(r)}`);
  const what = r.input?.productName ?? (r.activity && t(`trace.activity.${r.activity.type}`)) ?? r.observation?.subject ?? (r.harvest && formatQuantity(t, r.harvest.quantity, r.harvest.unit)) ?? r.planting?.variety ?? (r.labTest && t(r.labTest.passed ? 'trace.farm.lab.passed' : 'trace.farm.lab.failed'));
  return what ? `${name} · ${what}` : name;
}

/** The details under the title, one short line each. */
export function recordLines(t: Translate, r: RecordView): ReactNode[] {
  const lines: ReactNode[] = [];
  const { input, activity, observation, labTest, planting } = r;
  if (input) {
    lines.push(t('trace.farm.line.dose', { dose: input.dose }));
    if (typeof input.intervalDays === 'number') lines.push(t('trace.farm.line.interval', { days: input.intervalDays }));
    if (input.category === 'pesticide') {
      lines.push(input.maxUsesPerSeason ? t('trace.farm.line.useOf', { n: input.useNumber, max: input.maxUsesPerSeason }) : t('trace.farm.line.use', { n: input.useNumber }));
    }
    if (input.activeIngredient) lines.push(t('trace.farm.line.active', { text: input.activeIngredient }));
    if (input.registrationNo) lines.push(t('trace.farm.line.registration', { no: input.registrationNo }));
  }
  if (activity?.description) lines.push(activity.description);
  if (observation) lines.push(observation.finding);
  if (planting?.plants) lines.push(t('trace.farm.line.plants', { n: planting.plants.toLocaleString('zh-CN') }));
  if (labTest) {
    lines.push(labTest.reportNo ? t('trace.farm.line.labWithNo', { lab: labTest.laboratory, no: labTest.reportNo }) : labTest.laboratory);
    for (const item of labTest.items) {
      const verdict = t(item.pass ? 'trace.farm.lab.pass' : 'trace.farm.lab.fail');
      const limit = item.limit ? t('trace.farm.line.limit', { limit: item.limit }) : '';
      lines.push(
        <span key={`item-${item.name}`} style={item.pass ? undefined : { color: '#cf1322' }}>
          {t('trace.farm.line.labItem', { name: item.name, result: item.result, limit, verdict })}
        </span>,
      );
    }
    if (labTest.reportFileId) {
      lines.push(
        <a key="report" href={`/api/v1/trace/files/${encodeURIComponent(labTest.reportFileId)}`} target="_blank" rel="noreferrer" data-testid="record-report">
          {t('trace.farm.line.report')}
        </a>,
      );
    }
  }
  if (r.note) lines.push(t('trace.farm.line.note', { note: r.note }));
  return lines;
}

/** A flag in the farmer's words when we know its code, else the server's reason. */
export function flagText(t: Translate, flag: RecordFlag, r: RecordView): string {
  if (flag.code === 'MAX_USES_EXCEEDED' && r.input?.maxUsesPerSeason) return t('trace.flag.MAX_USES_EXCEEDED', { n: r.input.useNumber, max: r.input.maxUsesPerSeason });
  if (flag.code === 'LAB_TEST_FAILED' && r.labTest) return t('trace.flag.LAB_TEST_FAILED', { items: r.labTest.items.filter((i) => !i.pass).map((i) => i.name).join('、') });
  if (flag.code === 'INTERVAL_OVERRIDDEN') return t('trace.flag.INTERVAL_OVERRIDDEN');
  if (flag.code === 'INTERVAL_NOT_KEPT') return t('trace.flag.INTERVAL_NOT_KEPT');
  return flag.reason;
}
