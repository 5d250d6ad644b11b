import { Select } from 'antd';
import { useOrganisers } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { TownshipSelect } from '../../app/ui/TownshipSelect.js';

interface FilterProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  width?: number;
}

/** 全部乡镇 / one township by name: the filter the training lists share. */
export const TownshipFilter = TownshipSelect;

/** 全部组织单位 / one organiser by name. */
export function OrganiserFilter({ value, onChange, width = 170 }: FilterProps) {
  const t = useT();
  const organisers = useOrganisers();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('training.sessions.organiserAll')}
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={(organisers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
      style={{ width }}
    />
  );
}
