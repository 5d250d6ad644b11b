import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useBatchSearch, type BatchView } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { cropName } from '../batches/batchLabels.js';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Batches already chosen elsewhere (from a batch's page), so their codes show before any search. */
  known?: BatchView[];
}

/** Active batches found by trace code or product as one types; several may be chosen. */
export function BatchPicker({ value, onChange, known = [] }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useBatchSearch(q.trim(), 'active');
  // Keep every batch once seen, so chosen ones keep their label when a new search no longer lists them.
  const [seen, setSeen] = useState<Map<string, BatchView>>(() => new Map(known.map((b) => [b.id, b])));
  const options = useMemo(() => {
    const list = found.data ?? [];
    const chosen = (value ?? []).map((id) => seen.get(id)).filter((b): b is BatchView => !!b && !list.some((l) => l.id === b.id));
    return [...chosen, ...list].map((b) => ({ value: b.id, label: `${b.code} · ${cropName(t, b.crop)} · ${b.productName ?? b.producerName}` }));
  }, [found.data, value, seen, t]);

  return (
    <Select
      mode="multiple"
      value={value}
      onChange={(ids: string[]) => {
        const next = new Map(seen);
        for (const b of found.data ?? []) next.set(b.id, b);
        setSeen(next);
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      options={options}
      placeholder={t('traceRecall.open.batchesPlaceholder')}
      notFoundContent={found.isFetching ? t('traceRecall.open.searching') : t('traceRecall.open.noBatch')}
      data-testid="recall-batch-select"
    />
  );
}
