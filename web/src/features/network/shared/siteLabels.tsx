import { Badge, Space, Tag, Tooltip } from 'antd';
import type { Operator, SiteKind, SiteStatus } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';

const KIND_COLOR: Record<SiteKind, string> = {
  county_centre: 'geekblue',
  township_station: 'blue',
  village_point: 'cyan',
  county_warehouse: 'purple',
  township_transfer: 'orange',
  village_delivery: 'gold',
};

type BadgeStatus = 'default' | 'processing' | 'success' | 'warning' | 'error';
export const STATUS_BADGE: Record<SiteStatus, BadgeStatus> = {
  planned: 'default',
  building: 'processing',
  operating: 'success',
  suspended: 'warning',
  closed: 'error',
};

export const STATUS_COLOR: Record<SiteStatus, string> = {
  planned: 'gray',
  building: 'blue',
  operating: 'green',
  suspended: 'orange',
  closed: 'red',
};

export function KindTag({ kind }: { kind: SiteKind }) {
  const t = useT();
  return (
    <Tag color={KIND_COLOR[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`siteKind.${kind}`)}
    </Tag>
  );
}

export function StatusBadge({ status }: { status: SiteStatus | null }) {
  const t = useT();
  if (!status) return <Badge status="default" text={t('coverage.noSite')} />;
  return <Badge status={STATUS_BADGE[status]} text={t(`siteStatus.${status}`)} />;
}

const MARKS = [
  { key: 'poorHousehold', color: 'volcano' },
  { key: 'disabled', color: 'purple' },
  { key: 'partyMember', color: 'red' },
] as const;

/** 贫 / 残 / 党: the plan prefers operators who are registered poor, disabled or party members. */
export function OperatorMarks({ operator, long = false }: { operator: Operator; long?: boolean }) {
  const t = useT();
  const marks = MARKS.filter((m) => operator[m.key]);
  if (marks.length === 0) return null;
  return (
    <Space size={4} wrap>
      {marks.map((m) =>
        long ? (
          <Tag key={m.key} color={m.color} style={{ marginInlineEnd: 0 }}>
            {t(`operator.${m.key}`)}
          </Tag>
        ) : (
          <Tooltip key={m.key} title={t(m.key === 'poorHousehold' ? 'operator.poorHousehold.hint' : `operator.${m.key}`)}>
            <Tag color={m.color} style={{ marginInlineEnd: 0, paddingInline: 4, lineHeight: '18px', fontSize: 12 }} aria-label={t(`operator.${m.key}`)}>
              {t(`operator.${m.key}.short`)}
            </Tag>
          </Tooltip>
        ),
      )}
    </Space>
  );
}
