import { Button, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { BATCH_STATUSES, TRACE_CROPS, type BatchFilter } from '../../../api/trace-batches.js';
import { useProducers } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { cropName } from './batchLabels.js';

/** Code or product, crop, status and producer above the batch list. */
export function BatchFilters({ filter, onChange }: { filter: BatchFilter; onChange: (changes: Partial<BatchFilter>) => void }) {
  const t = useT();
  const producers = useProducers();
  const filtered = !!(filter.q || filter.crop || filter.status || filter.producerId);
  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        key={filter.q ?? ''}
        data-testid="batch-filter-q"
        style={{ width: 260 }}
        allowClear
        maxLength={40}
        placeholder={t('traceBatch.filter.q')}
        defaultValue={filter.q}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
      />
      <Select
        data-testid="batch-filter-crop"
        style={{ width: 120 }}
        allowClear
        placeholder={t('traceBatch.col.crop')}
        value={filter.crop}
        onChange={(crop?: BatchFilter['crop']) => onChange({ crop })}
        options={TRACE_CROPS.map((c) => ({ value: c, label: cropName(t, c) }))}
      />
      <Select
        data-testid="batch-filter-status"
        style={{ width: 120 }}
        allowClear
        placeholder={t('traceBatch.col.status')}
        value={filter.status}
        onChange={(status?: BatchFilter['status']) => onChange({ status })}
        options={BATCH_STATUSES.map((s) => ({ value: s, label: t(`traceBatch.status.${s}`) }))}
      />
      <Select
        data-testid="batch-filter-producer"
        style={{ width: 220 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('traceBatch.col.producer')}
        loading={producers.isPending}
        value={filter.producerId}
        onChange={(producerId?: string) => onChange({ producerId })}
        options={(producers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      {filtered && (
        <Button icon={<ReloadOutlined />} onClick={() => onChange({ q: undefined, crop: undefined, status: undefined, producerId: undefined })}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
