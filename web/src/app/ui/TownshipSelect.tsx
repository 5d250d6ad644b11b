import { Select } from 'antd';
import { useDivisions } from '../../api/network.js';
import { useT } from '../locale/LocaleContext.js';

interface Props {
  value: string | undefined;
  onChange: (township: string | undefined) => void;
  width?: number;
  'data-testid'?: string;
}

/** 全部乡镇 / one township by name (a division code as the value): the township filter of the console's lists. */
export function TownshipSelect({ value, onChange, width = 150, 'data-testid': testId }: Props) {
  const t = useT();
  const townships = useDivisions('township');
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.allTownships')}
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
      style={{ width }}
      data-testid={testId}
    />
  );
}
