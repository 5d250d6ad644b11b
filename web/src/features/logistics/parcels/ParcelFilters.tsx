import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { MATCH_STATES, PARCEL_CARRIERS, PARCEL_STATUSES } from '../../../api/logistics.js';
import { useCarriers } from '../../../api/logistics-parcels.js';
import { useDivisions } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { carrierLabel } from './parcelLabels.js';
import type { ParcelsView } from './useParcelFilters.js';

interface Props {
  view: ParcelsView;
  onChange: (changes: Partial<ParcelsView>) => void;
  showTownship: boolean;
}

/** Status, match, carrier, township, waybill and "problems only" above the list; the queue keeps carrier and waybill. */
export function ParcelFilters({ view, onChange, showTownship }: Props) {
  const t = useT();
  const queue = view.tab === 'unmatched';
  const townships = useDivisions('township', showTownship && !queue);
  const carriers = useCarriers();
  const carrierCodes = carriers.data?.map((c) => c.code) ?? [...PARCEL_CARRIERS];
  const filtered = !!(view.carrier || view.waybillNo || (!queue && (view.status || view.match || view.townshipCode || view.problem)));

  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      {!queue && (
        <Select
          data-testid="filter-status"
          style={{ width: 150 }}
          allowClear
          placeholder={t('logistics.parcels.filter.status')}
          value={view.status}
          onChange={(status?: ParcelsView['status']) => onChange({ status })}
          options={PARCEL_STATUSES.map((s) => ({ value: s, label: t(`logistics.status.${s}`) }))}
        />
      )}
      {!queue && (
        <Select
          data-testid="filter-match"
          style={{ width: 130 }}
          allowClear
          placeholder={t('logistics.parcels.filter.match')}
          value={view.match}
          onChange={(match?: ParcelsView['match']) => onChange({ match })}
          options={MATCH_STATES.map((m) => ({ value: m, label: t(`logistics.match.${m}`) }))}
        />
      )}
      <Select
        data-testid="filter-carrier"
        style={{ width: 140 }}
        allowClear
        placeholder={t('logistics.parcels.filter.carrier')}
        value={view.carrier}
        onChange={(carrier?: string) => onChange({ carrier })}
        options={carrierCodes.map((code) => ({ value: code, label: carrierLabel(t, code, carriers.data?.find((c) => c.code === code)?.name) }))}
      />
      {showTownship && !queue && (
        <Select
          data-testid="filter-township"
          style={{ width: 150 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('logistics.parcels.filter.township')}
          loading={townships.isPending}
          value={view.townshipCode}
          onChange={(townshipCode?: string) => onChange({ townshipCode })}
          options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
      )}
      <Input.Search
        key={view.waybillNo ?? ''}
        data-testid="filter-waybill"
        style={{ width: 230 }}
        allowClear
        placeholder={t('logistics.parcels.filter.waybill')}
        defaultValue={view.waybillNo}
        maxLength={32}
        onSearch={(q) => onChange({ waybillNo: q.replace(/\s/g, '') || undefined })}
      />
      {!queue && (
        <Checkbox data-testid="filter-problem" checked={view.problem} onChange={(e) => onChange({ problem: e.target.checked })}>
          {t('logistics.parcels.filter.problem')}
        </Checkbox>
      )}
      {filtered && (
        <Button icon={<ReloadOutlined />} onClick={() => onChange({ status: undefined, match: undefined, carrier: undefined, townshipCode: undefined, waybillNo: undefined, problem: false })}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
