import { Space, Tag, Tooltip } from 'antd';
import type { PlayerKind, Report } from '../../api/players.js';
import { useT } from '../../app/locale/LocaleContext.js';

const KIND_COLOURS: Record<PlayerKind, string> = { enterprise: 'blue', cooperative: 'green', service_firm: 'purple', trader: 'orange', individual: 'cyan' };

export function PlayerKindTag({ kind }: { kind: PlayerKind }) {
  const t = useT();
  return <Tag color={KIND_COLOURS[kind]}>{t(`playerKind.${kind}`)}</Tag>;
}

/** 迟报 and 数据异常 with the reasons on hover (and listed under them on the review page), 已复核 once reviewed. */
export function ReportFlags({ report, reasons = false }: { report: Report; reasons?: boolean }) {
  const t = useT();
  if (!report.late && !report.implausible) return <span>—</span>;
  const text = report.flags.map((f) => f.message).join('；');
  return (
    <Space orientation="vertical" size={2} data-testid="report-flags">
      <Tooltip title={text}>
        <Space size={4} wrap>
          {report.late && <Tag color="gold">{t('report.flag.late')}</Tag>}
          {report.implausible && <Tag color="red">{t('report.flag.implausible')}</Tag>}
          {report.reviewedAt && <Tag color="success">{t('report.reviewed')}</Tag>}
        </Space>
      </Tooltip>
      {reasons && <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{text}</span>}
    </Space>
  );
}
