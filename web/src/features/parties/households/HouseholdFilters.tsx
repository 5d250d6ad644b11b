import { Button, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useDivisions, useVillages } from '../../../api/network.js';
import { HOUSEHOLD_STATUSES, type HouseholdFilter, type HouseholdStatus } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';

interface Props {
  filter: HouseholdFilter;
  onChange: (filter: HouseholdFilter) => void;
}

/** Township, then one of its villages, status and a search by household number or head's name. */
export function HouseholdFilters({ filter, onChange }: Props) {
  const t = useT();
  const townships = useDivisions('township');
  const villages = useVillages(filter.townshipCode);
  const filtered = !!(filter.townshipCode || filter.villageCode || filter.status || filter.q);
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <Select
        data-testid="filter-household-township"
        style={{ width: 150 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('households.filter.township')}
        loading={townships.isPending}
        value={filter.townshipCode}
        // Another township: its villages are other ones.
        onChange={(townshipCode?: string) => onChange({ ...filter, townshipCode, villageCode: undefined })}
        options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
      />
      <Select
        data-testid="filter-household-village"
        style={{ width: 170 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        disabled={!filter.townshipCode}
        placeholder={filter.townshipCode ? t('households.filter.village') : t('site.create.chooseTownship')}
        loading={villages.isFetching}
        value={filter.villageCode}
        onChange={(villageCode?: string) => onChange({ ...filter, villageCode })}
        options={(villages.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
      />
      <Select
        data-testid="filter-household-status"
        style={{ width: 130 }}
        allowClear
        placeholder={t('households.filter.status')}
        value={filter.status}
        onChange={(status?: HouseholdStatus) => onChange({ ...filter, status })}
        options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`householdStatus.${s}`) }))}
      />
      <Input.Search
        key={filter.q ?? ''}
        data-testid="filter-household-q"
        style={{ width: 260 }}
        allowClear
        maxLength={64}
        defaultValue={filter.q}
        placeholder={t('households.filter.q')}
        onSearch={(q) => onChange({ ...filter, q: q.trim() || undefined })}
      />
      {filtered && (
        <Button icon={<ReloadOutlined />} onClick={() => onChange({})}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
