import { Button, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Job } from '../../../api/jobs.js';
import { formatDateTime } from '../../../app/format.js';
import type { JobsText } from './jobs.messages.js';
import { OutcomeTag } from './OutcomeTag.js';
import { scheduleText } from './scheduleText.js';

interface Actions {
  runNow(job: Job): void;
  /** The job whose 立即运行 is on its way. */
  pending: string | null;
}

export function jobColumns(text: JobsText, { runNow, pending }: Actions): TableColumnsType<Job> {
  return [
    { key: 'title', title: text('jobs.col.title'), dataIndex: 'title', width: 260, render: (title: string) => <Typography.Text strong>{title}</Typography.Text> },
    { key: 'schedule', title: text('jobs.col.schedule'), width: 110, render: (_, job) => scheduleText(job.everyMs, text) },
    {
      key: 'next',
      title: text('jobs.col.next'),
      width: 190,
      render: (_, job) => (
        <Space size={4} wrap>
          {job.running ? <Tag color="processing">{text('jobs.running')}</Tag> : formatDateTime(job.nextDueAt)}
          {job.queued > 0 && <Tag>{text('jobs.queued', { n: job.queued })}</Tag>}
        </Space>
      ),
    },
    {
      key: 'last',
      title: text('jobs.col.last'),
      width: 240,
      render: (_, job) =>
        job.lastRun ? (
          <Space size={4} wrap>
            <span>{formatDateTime(job.lastRun.startedAt)}</span>
            <OutcomeTag outcome={job.lastRun.outcome} text={text} />
          </Space>
        ) : (
          <Typography.Text type="secondary">{text('jobs.never')}</Typography.Text>
        ),
    },
    {
      key: 'failures',
      title: text('jobs.col.failures'),
      dataIndex: 'failuresInRow',
      width: 100,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger" strong data-testid="job-failures">{n}</Typography.Text> : n),
    },
    {
      key: 'error',
      title: text('jobs.col.error'),
      width: 260,
      render: (_, job) =>
        job.lastRun?.error ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: job.lastRun.error }} style={{ maxWidth: 240 }}>
            {job.lastRun.error}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: text('jobs.col.actions'),
      width: 110,
      fixed: 'right',
      render: (_, job) =>
        job.scheduled && (
          <Button size="small" loading={pending === job.name} disabled={job.running} onClick={() => runNow(job)} data-testid={`run-now-${job.name}`}>
            {text('jobs.runNow')}
          </Button>
        ),
    },
  ];
}
