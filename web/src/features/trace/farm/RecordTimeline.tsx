import { useMemo } from 'react';
import { Empty, Timeline } from 'antd';
import type { RecordView } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { KIND_META } from './kindMeta.js';
import { formKindOf } from './recordForm.js';
import { RecordItem } from './RecordItem.js';

/** The plot's records, newest first, as the server sends them. */
/** `marked`: the record the regulator's queue pointed at, shown in red. */
export function RecordTimeline({ records, marked, onCorrect }: { records: RecordView[]; marked?: string; onCorrect?: (record: RecordView) => void }) {
  const t = useT();
  const byId = useMemo(() => new Map(records.map((r) => [r.id, r])), [records]);
  if (records.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trace.farm.records.empty')} data-testid="records-empty" />;
  return (
    <Timeline
      data-testid="record-timeline"
      items={records.map((r) => {
        const meta = KIND_META[formKindOf(r)];
        return {
          key: r.id,
          color: r.id === marked ? 'red' : r.correctedBy ? 'gray' : meta.color,
          content: <RecordItem record={r} original={r.corrects ? byId.get(r.corrects) : undefined} onCorrect={onCorrect} marked={r.id === marked} />,
        };
      })}
    />
  );
}
