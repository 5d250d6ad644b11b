import { useState } from 'react';
import { App, Button, Card, Flex, Input, Radio, Tag, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { RECALL_RESPONSES, useRespondToNotice, type MyRecallNotice, type RecallResponse } from '../../../api/trace-recalls.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** One recall notice: what was recalled and why, and the buyer's answer (退回, 销毁, 申请退款, 未食用, 已食用). */
export function RecallNoticeCard({ notice }: { notice: MyRecallNotice }) {
  const t = useT();
  const respond = useRespondToNotice();
  const { message } = App.useApp();
  const [choice, setChoice] = useState<RecallResponse | undefined>(undefined);
  const [note, setNote] = useState('');

  const submit = () => {
    if (!choice) return;
    respond.mutate(
      { id: notice.id, response: choice, note: note.trim() || undefined },
      {
        onSuccess: () => void message.success(t('traceRecall.mine.thanks')),
        onError: (error) => void message.error(errorText(error, t)),
      },
    );
  };

  return (
    <Card size="small" data-testid="my-recall-notice" style={notice.response ? undefined : { borderColor: '#ffa39e', background: '#fff1f0' }}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong>
            <WarningFilled style={{ color: '#cf1322' }} /> {t('traceRecall.mine.product', { product: notice.productName ?? t('traceRecall.mine.unknownProduct') })}
          </Typography.Text>
          {notice.response && <Tag color="green">{t('traceRecall.mine.answered')}</Tag>}
        </Flex>
        <Typography.Text>{t('traceRecall.mine.reason', { reason: notice.reason })}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('traceRecall.mine.batch')} <span style={mono}>{notice.batchCode}</span> ·{' '}
          <Link to={`/shop/orders/${notice.orderId}`}>{t('traceRecall.mine.order')}</Link>
          {notice.notifiedAt && ` · ${formatDateTime(notice.notifiedAt)}`}
        </Typography.Text>
        {notice.response ? (
          <Typography.Text data-testid="my-recall-response">
            {t('traceRecall.mine.yourAnswer', { answer: t(`traceRecall.response.${notice.response}`), time: formatDateTime(notice.respondedAt) })}
          </Typography.Text>
        ) : (
          <>
            <Typography.Text>{t('traceRecall.mine.ask')}</Typography.Text>
            <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as RecallResponse)} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {RECALL_RESPONSES.map((r) => (
                <Radio.Button key={r} value={r}>
                  <span data-testid={`recall-response-${r}`}>{t(`traceRecall.response.${r}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
            <Input.TextArea
              rows={2}
              maxLength={300}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('traceRecall.mine.notePlaceholder')}
              data-testid="recall-note"
            />
            <Flex justify="flex-end">
              <Button type="primary" danger disabled={!choice} loading={respond.isPending} onClick={submit} data-testid="recall-respond">
                {t('traceRecall.mine.submit')}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Card>
  );
}
