import type { ReactNode } from 'react';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { AlertOutlined, CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, FieldTimeOutlined, WarningOutlined } from '@ant-design/icons';
import type { PromiseSummary } from '../../../api/logistics-runs.js';
import { formatNumber, formatShare } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { ON_TIME_TARGET } from './promiseCharts.js';

interface KpiProps {
  testId: string;
  title: string;
  icon: ReactNode;
  value: ReactNode;
  colour?: string;
  mark?: ReactNode;
  percent?: number | null;
  barColour?: string;
  footer: ReactNode;
  onClick?: () => void;
}

function Kpi({ testId, title, icon, value, colour, mark, percent, barColour, footer, onClick }: KpiProps) {
  return (
    <Card data-testid={testId} styles={{ body: { padding: '16px 20px' } }} style={{ height: '100%', cursor: onClick ? 'pointer' : undefined }} hoverable={!!onClick} onClick={onClick}>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        <span style={{ marginInlineEnd: 6 }}>{icon}</span>
        {title}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ margin: '6px 0 2px' }}>
        <span data-testid={`${testId}-value`} style={{ fontSize: 28, fontWeight: 600, color: colour, fontVariantNumeric: 'tabular-nums', lineHeight: 1.3 }}>
          {value}
        </span>
        {mark}
      </Flex>
      {percent !== undefined && percent !== null && <Progress percent={Math.max(0, Math.min(100, percent))} showInfo={false} strokeColor={barColour} size="small" />}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 2 }}>
        {footer}
      </Typography.Text>
    </Card>
  );
}

const unit = (text: string) => <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 4 }}>{text}</span>;

/** On-time share against the target, average hours against the promise, overdue and at-risk counts. */
export function PromiseCards({ summary, onShowList }: { summary: PromiseSummary; onShowList: (list: 'overdue' | 'risk') => void }) {
  const t = useT();
  const { overall, promiseHours } = summary;
  const met = overall.share === null ? null : overall.share + 1e-9 >= ON_TIME_TARGET;
  const slow = overall.averageHours !== null && overall.averageHours > promiseHours;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 12, marginBottom: 16 }}>
      <Kpi
        testId="promise-share"
        title={t('logistics.promise.kpi.share', { hours: promiseHours })}
        icon={<FieldTimeOutlined />}
        value={formatShare(overall.share)}
        colour={met === null ? undefined : met ? '#389e0d' : '#cf1322'}
        mark={
          met !== null && (
            <Tag color={met ? 'success' : 'error'} icon={met ? <CheckCircleFilled /> : <CloseCircleFilled />} style={{ marginInlineEnd: 0 }} data-testid="promise-share-mark" data-met={met ? 'true' : 'false'}>
              {t(met ? 'logistics.promise.met' : 'logistics.promise.notMet', { value: formatShare(ON_TIME_TARGET) })}
            </Tag>
          )
        }
        percent={overall.share === null ? null : overall.share * 100}
        barColour={met ? '#52c41a' : '#ff7875'}
        footer={t('logistics.promise.kpi.shareFooter', { arrived: formatNumber(overall.arrived), onTime: formatNumber(overall.onTime) })}
      />
      <Kpi
        testId="promise-hours"
        title={t('logistics.promise.kpi.hours')}
        icon={<ClockCircleOutlined />}
        value={
          <>
            {overall.averageHours === null ? '—' : formatNumber(overall.averageHours, 1)}
            {overall.averageHours !== null && unit(t('logistics.promise.hoursUnit'))}
          </>
        }
        colour={slow ? '#cf1322' : undefined}
        percent={overall.averageHours === null ? null : (overall.averageHours / promiseHours) * 100}
        barColour={slow ? '#ff7875' : '#1677ff'}
        footer={t('logistics.promise.kpi.hoursFooter', { hours: promiseHours })}
      />
      <Kpi
        testId="promise-overdue"
        title={t('logistics.promise.kpi.overdue')}
        icon={<AlertOutlined />}
        value={
          <>
            {formatNumber(summary.overdue)}
            {unit(t('logistics.promise.parcelsUnit'))}
          </>
        }
        colour={summary.overdue > 0 ? '#cf1322' : '#389e0d'}
        footer={t('logistics.promise.kpi.overdueFooter', { hours: promiseHours })}
        onClick={() => onShowList('overdue')}
      />
      <Kpi
        testId="promise-risk"
        title={t('logistics.promise.kpi.risk')}
        icon={<WarningOutlined />}
        value={
          <>
            {formatNumber(summary.atRisk)}
            {unit(t('logistics.promise.parcelsUnit'))}
          </>
        }
        colour={summary.atRisk > 0 ? '#d46b08' : '#389e0d'}
        footer={t('logistics.promise.kpi.riskFooter', { overdue: formatNumber(summary.overdue) })}
        onClick={() => onShowList('risk')}
      />
    </div>
  );
}
