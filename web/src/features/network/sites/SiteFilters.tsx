import { Button, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { SITE_KINDS, SITE_STATUSES, useDivisions } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { SitesView } from './useSiteFilters.js';

interface Props {
  view: SitesView;
  onChange: (changes: Partial<SitesView>) => void;
  showTownship: boolean;
}

/** Township, kind, status and name search above the sites table. */
export function SiteFilters({ view, onChange, showTownship }: Props) {
  const t = useT();
  const townships = useDivisions('township', showTownship);
  const filtered = !!(view.townshipCode || view.kind || view.status || view.q);

  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      {showTownship && (
        <Select
          data-testid="filter-township"
          style={{ width: 160 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('sites.filter.township')}
          loading={townships.isPending}
          value={view.townshipCode}
          onChange={(townshipCode?: string) => onChange({ townshipCode })}
          options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
      )}
      <Select
        data-testid="filter-kind"
        style={{ width: 170 }}
        allowClear
        placeholder={t('sites.filter.kind')}
        value={view.kind}
        onChange={(kind?: SitesView['kind']) => onChange({ kind })}
        options={SITE_KINDS.map((k) => ({ value: k, label: t(`siteKind.${k}`) }))}
      />
      <Select
        data-testid="filter-status"
        style={{ width: 130 }}
        allowClear
        placeholder={t('sites.filter.status')}
        value={view.status}
        onChange={(status?: SitesView['status']) => onChange({ status })}
        options={SITE_STATUSES.map((s) => ({ value: s, label: t(`siteStatus.${s}`) }))}
      />
      <Input.Search
        key={view.q ?? ''}
        data-testid="filter-q"
        style={{ width: 240 }}
        allowClear
        placeholder={t('sites.filter.q')}
        defaultValue={view.q}
        maxLength={64}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
      />
      {filtered && (
        <Button icon={<ReloadOutlined />} onClick={() => onChange({ townshipCode: undefined, kind: undefined, status: undefined, q: undefined })}>
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
