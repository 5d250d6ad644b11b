import { Tag } from 'antd';
import type { RecallResponse } from '../../../api/trace-recalls.js';
import { useT } from '../../../app/locale/LocaleContext.js';

const COLOR: Record<RecallResponse, string> = { returned: 'blue', destroyed: 'purple', refund_requested: 'orange', not_consumed: 'cyan', consumed: 'red' };

/** A buyer's answer to a recall notice, or 未回复. */
export function ResponseTag({ response }: { response: RecallResponse | null }) {
  const t = useT();
  if (!response) return <Tag>{t('traceRecall.response.none')}</Tag>;
  return <Tag color={COLOR[response]}>{t(`traceRecall.response.${response}`)}</Tag>;
}
