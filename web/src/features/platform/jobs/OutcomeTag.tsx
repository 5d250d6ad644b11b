import { Tag } from 'antd';
import type { RunOutcome } from '../../../api/jobs.js';
import type { JobsText } from './jobs.messages.js';

const COLORS: Record<RunOutcome, string> = { succeeded: 'green', failed: 'red', lost: 'orange', running: 'blue' };

/** 成功 / 失败 / 中断 / 运行中. */
export function OutcomeTag({ outcome, text }: { outcome: RunOutcome; text: JobsText }) {
  return (
    <Tag color={COLORS[outcome]} data-testid="job-outcome">
      {text(`jobs.outcome.${outcome}`)}
    </Tag>
  );
}
