import type { ReactNode } from 'react';
import { Card, Flex, Progress, Statistic, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useT } from '../../../app/locale/LocaleContext.js';

export interface TargetCardProps {
  testId: string;
  title: string;
  icon: ReactNode;
  value: number | null;
  precision?: number;
  suffix?: string;
  /** Progress towards the target, 0–100; null hides the bar. */
  percent: number | null;
  /** Whether the target is met; null when there is no target to compare with. */
  met: boolean | null;
  target?: string;
  footer: string;
}

const MET = { text: '#389e0d', bar: '#52c41a' };
const NOT_MET = { text: '#cf1322', bar: '#ff7875' };

/** One figure against its target: value, progress bar, and a green or red mark. */
export function TargetCard({ testId, title, icon, value, precision = 0, suffix, percent, met, target, footer }: TargetCardProps) {
  const t = useT();
  const colours = met === null ? undefined : met ? MET : NOT_MET;
  return (
    <Card data-testid={testId} styles={{ body: { padding: '16px 20px' } }} style={{ height: '100%' }}>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        <span style={{ marginInlineEnd: 6 }}>{icon}</span>
        {title}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ margin: '6px 0 2px' }}>
        <Statistic
          value={value ?? '—'}
          precision={value === null ? undefined : precision}
          suffix={suffix}
          styles={{ content: { fontSize: 28, fontWeight: 600, color: colours?.text } }}
        />
        {met !== null && (
          <Tag
            data-testid={`${testId}-mark`}
            data-met={met ? 'true' : 'false'}
            color={met ? 'success' : 'error'}
            icon={met ? <CheckCircleFilled /> : <CloseCircleFilled />}
            style={{ marginInlineEnd: 0 }}
          >
            {met ? t('coverage.met') : t('coverage.notMet')}
          </Tag>
        )}
      </Flex>
      {percent !== null && <Progress percent={Math.max(0, Math.min(100, percent))} showInfo={false} strokeColor={colours?.bar} size="small" />}
      <Flex justify="space-between" wrap gap={4} style={{ marginTop: 2 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {footer}
        </Typography.Text>
        {target && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {target}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
