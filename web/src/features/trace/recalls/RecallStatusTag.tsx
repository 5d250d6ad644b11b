import { Tag } from 'antd';
import type { RecallStatus } from '../../../api/trace-recalls.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** 进行中 in red (the goods are still out there), 已结束 in grey. */
export function RecallStatusTag({ status }: { status: RecallStatus }) {
  const t = useT();
  return (
    <Tag color={status === 'open' ? 'red' : 'default'} data-testid="recall-status">
      {t(`traceRecall.status.${status}`)}
    </Tag>
  );
}
