import { useMemo } from 'react';
import { DatePicker, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSites, type Site } from '../../../api/network.js';
import { SERVICE_KINDS, type ServiceKind } from '../../../api/stations.js';
import { formatFen, todayInShanghai } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { messages, type MessageKey } from '../../../app/locale/messages.js';
import { TownshipSelect as SharedTownshipSelect } from '../../../app/ui/TownshipSelect.js';

/** The service kinds' colours, the same on the chart and the tags. */
export const KIND_COLOURS: Record<ServiceKind, string> = {
  proxy_buy: '#1677ff',
  consignment: '#52c41a',
  purchase: '#fa8c16',
  bill: '#13c2c2',
  ticket: '#722ed1',
  cash_withdrawal: '#eb2f96',
  loan_referral: '#faad14',
  farm_input: '#8c6e4a',
};

export const kindLabel = (t: Translate, kind: ServiceKind) => t(`stations.console.kind.${kind}` as MessageKey);

/** A record type in Chinese (开账, 代买登记 …); an unknown one as a dash, never the English code. */
export function typeLabel(t: Translate, type: string): string {
  const key = `stations.console.type.${type}`;
  return key in messages ? t(key as MessageKey) : '—';
}

export function KindTag({ kind }: { kind: ServiceKind | null }) {
  const t = useT();
  if (!kind) return null;
  return (
    <Tag color={KIND_COLOURS[kind]} style={{ marginInlineEnd: 0 }}>
      {kindLabel(t, kind)}
    </Tag>
  );
}

/** ¥12.00, or −¥378.00 below zero (never ¥-378.00). */
export const signedFen = (fen: number) => (fen < 0 ? `−${formatFen(-fen)}` : formatFen(fen));

/** A price per kilogram: ¥24.00/kg. */
export const fenPerKg = (fen: number) => `${formatFen(fen)}/kg`;

/** Money in yuan from fen (−¥378.00 when below zero, in red); `alarm` also reds a non-zero value and signs it (a till difference). */
export function Money({ fen, alarm = false, testId }: { fen: number | null | undefined; alarm?: boolean; testId?: string }) {
  const known = fen !== null && fen !== undefined;
  const red = known && (fen < 0 || (alarm && fen !== 0));
  const text = !known ? formatFen(fen) : `${alarm && fen > 0 ? '+' : ''}${signedFen(fen)}`;
  return (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: red ? '#cf1322' : undefined, fontWeight: red && alarm ? 600 : undefined }}>
      {text}
    </span>
  );
}

/** A record's type as a tag, coloured by the service it counts as (开账, 日结, 作废 … plain). */
export function TypeTag({ type, kind }: { type: string; kind: ServiceKind | null }) {
  const t = useT();
  return (
    <Tag color={kind ? KIND_COLOURS[kind] : undefined} style={{ marginInlineEnd: 0 }}>
      {typeLabel(t, type)}
    </Tag>
  );
}

/** The first and last day of the month holding `month` (YYYY-MM), the last no later than today. */
export function monthRange(month: string): { from: string; to: string } {
  const start = dayjs(`${month}-01`);
  const end = start.endOf('month').format('YYYY-MM-DD');
  const today = todayInShanghai();
  return { from: start.format('YYYY-MM-DD'), to: end < today ? end : today };
}

export const thisMonth = () => todayInShanghai().slice(0, 7);

/** The period a page's address names; by default this month up to today. */
export function periodOf(params: { from?: string; to?: string }): { from: string; to: string } {
  const today = todayInShanghai();
  return { from: params.from ?? `${today.slice(0, 7)}-01`, to: params.to ?? today };
}

/** A span of days ending no later than today; both ends always set. */
export function PeriodPicker({ from, to, onChange, testId }: { from: string; to: string; onChange: (from: string, to: string) => void; testId: string }) {
  const today = todayInShanghai();
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[dayjs(from), dayjs(to)]}
      disabledDate={(d) => d.format('YYYY-MM-DD') > today}
      onChange={(range) => {
        if (range?.[0] && range[1]) onChange(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
      }}
      data-testid={testId}
    />
  );
}

interface FilterProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  width?: number;
}

/** 全部乡镇 / one township by name. */
export function TownshipSelect(props: FilterProps) {
  return <SharedTownshipSelect {...props} data-testid="stations-township" />;
}

const STATION_KINDS: Site['kind'][] = ['township_station', 'village_point'];

/** The township stations and village points the user may see (the network's own scoping), optionally of one township. */
export function useStationSites(township?: string) {
  const sites = useSites(township ? { townshipCode: township } : {});
  return useMemo(() => ({ ...sites, data: (sites.data ?? []).filter((s) => STATION_KINDS.includes(s.kind)) }), [sites]);
}

/** 全部站点 / one station or point by name. */
export function SiteSelect({ value, onChange, width = 200, township }: FilterProps & { township?: string }) {
  const t = useT();
  const sites = useStationSites(township);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('stations.console.filter.site')}
      value={value}
      loading={sites.isPending}
      onChange={(next?: string) => onChange(next)}
      options={sites.data.map((s) => ({ value: s.id, label: s.name }))}
      style={{ width }}
      data-testid="stations-site"
    />
  );
}

/** 全部服务 / one kind of service. */
export function KindSelect({ value, onChange, width = 140 }: FilterProps) {
  const t = useT();
  return (
    <Select
      allowClear
      placeholder={t('stations.console.filter.kind')}
      value={value}
      onChange={(next?: string) => onChange(next)}
      options={SERVICE_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
      style={{ width }}
      data-testid="stations-kind"
    />
  );
}

/** A villager as the lists show them: name, masked phone, 贫困户. */
export function CustomerCell({ customer }: { customer: { name: string; phoneMasked: string | null; poor: boolean } | null }) {
  const t = useT();
  if (!customer) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {customer.name}
      {customer.phoneMasked && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
          {customer.phoneMasked}
        </Typography.Text>
      )}
      {customer.poor && (
        <Tag color="volcano" style={{ marginInlineStart: 6 }}>
          {t('stations.console.poor')}
        </Tag>
      )}
    </span>
  );
}
