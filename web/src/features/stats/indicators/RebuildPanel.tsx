import { useRef } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Progress, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { newIdempotencyKey } from '../../../api/http.js';
import { useLatestRebuild, useStartRebuild } from '../../../api/stats.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';

/** 重建统计 (the county office): start a rebuild from every stored event and follow its progress until done. */
export function RebuildPanel() {
  const t = useT();
  const { message } = App.useApp();
  const latest = useLatestRebuild(true);
  const start = useStartRebuild();
  const key = useRef(newIdempotencyKey());
  const run = latest.data ?? null;
  const busy = run?.state === 'queued' || run?.state === 'running';

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="stats-rebuild">
      <Flex gap={16} wrap align="center" justify="space-between">
        <div style={{ flex: 1, minWidth: 240 }}>
          {run === null ? null : run.state === 'failed' ? (
            <Alert type="error" showIcon message={t('indicators.rebuildFailed')} />
          ) : busy ? (
            <>
              <Typography.Text>{run.state === 'queued' ? t('indicators.rebuildQueued') : t('indicators.rebuildRunning', { done: run.done.toLocaleString('zh-CN'), total: run.total.toLocaleString('zh-CN') })}</Typography.Text>
              <Progress data-testid="stats-rebuild-progress" percent={Math.floor(run.percent)} status="active" />
            </>
          ) : (
            <Typography.Text type="secondary" data-testid="stats-rebuild-done">
              {t('indicators.rebuildDone', { total: run.total.toLocaleString('zh-CN'), time: formatDateTime(run.finishedAt) })}
            </Typography.Text>
          )}
        </div>
        <Popconfirm
          title={t('indicators.rebuild')}
          description={<div style={{ maxWidth: 320 }}>{t('indicators.rebuildConfirm')}</div>}
          onConfirm={() =>
            start.mutate(key.current, {
              onSuccess: () => {
                key.current = newIdempotencyKey();
              },
              onError: (err) => void message.error(errorText(err, t)),
            })
          }
        >
          <Button data-testid="stats-rebuild-button" icon={<SyncOutlined spin={busy} />} loading={start.isPending} disabled={busy}>
            {t('indicators.rebuild')}
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}
