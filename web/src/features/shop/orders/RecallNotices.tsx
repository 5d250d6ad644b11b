import { Flex, Typography } from 'antd';
import { useMyRecallNotices } from '../../../api/trace-recalls.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { RecallNoticeCard } from './RecallNoticeCard.js';

/** 召回通知 above "my orders": unanswered ones first; nothing at all when there are none (or the call fails). */
export function RecallNotices() {
  const t = useT();
  const notices = useMyRecallNotices();
  const list = [...(notices.data ?? [])].sort((a, b) => Number(!!a.response) - Number(!!b.response));
  if (list.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="my-recall-notices">
      <Typography.Title level={5} style={{ margin: 0, color: '#cf1322' }}>
        {t('traceRecall.mine.title', { count: list.filter((n) => !n.response).length })}
      </Typography.Title>
      {list.map((n) => (
        <RecallNoticeCard key={n.id} notice={n} />
      ))}
    </Flex>
  );
}
