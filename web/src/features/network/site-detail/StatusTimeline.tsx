import { Empty, Flex, Timeline, Typography } from 'antd';
import type { StatusChange } from '../../../api/network.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { STATUS_COLOR } from '../shared/siteLabels.js';

/** Who recorded a change, by name; the platform itself (the demo data, a first start) has none: 系统. */
const byPerson = (name: string | null) => (name && !/^system$/i.test(name) ? name : null);

/** The dated status changes, newest first. */
export function StatusTimeline({ history }: { history: StatusChange[] }) {
  const t = useT();
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('site.noHistory')} />;
  const sorted = [...history].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt));
  return (
    <Timeline
      data-testid="status-history"
      items={sorted.map((h, i) => ({
        key: `${h.effectiveDate}-${h.recordedAt}-${i}`,
        color: STATUS_COLOR[h.status],
        title: h.effectiveDate,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{t(`siteStatus.${h.status}`)}</Typography.Text>
            {h.note && <Typography.Text>{h.note}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('site.history.recordedBy', { user: byPerson(h.recordedBy) ?? t('audit.system'), time: formatDateTime(h.recordedAt) })}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
