import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useJobRuns, type JobRun } from '../../../api/jobs.js';
import { formatDateTime } from '../../../app/format.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import type { JobsText } from './jobs.messages.js';
import { OutcomeTag } from './OutcomeTag.js';

function runColumns(text: JobsText): TableColumnsType<JobRun> {
  return [
    { key: 'started', title: text('jobs.runs.started'), dataIndex: 'startedAt', width: 170, render: (at: string) => formatDateTime(at) },
    { key: 'finished', title: text('jobs.runs.finished'), dataIndex: 'finishedAt', width: 170, render: (at: string | null) => formatDateTime(at) },
    { key: 'outcome', title: text('jobs.runs.outcome'), dataIndex: 'outcome', width: 90, render: (outcome: JobRun['outcome']) => <OutcomeTag outcome={outcome} text={text} /> },
    { key: 'attempt', title: text('jobs.runs.attempt'), dataIndex: 'attempt', width: 90, align: 'right' },
    {
      key: 'detail',
      title: text('jobs.runs.summary'),
      render: (_, run) =>
        run.error ? (
          <Typography.Text type="danger">{run.error}</Typography.Text>
        ) : run.summary === null || run.summary === undefined ? (
          '—'
        ) : (
          <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {JSON.stringify(run.summary)}
          </Typography.Text>
        ),
    },
  ];
}

/** A job's newest runs, shown when its row is expanded. */
export function JobRuns({ name, text }: { name: string; text: JobsText }) {
  const runs = useJobRuns(name);
  if (runs.isError) return <LoadError error={runs.error} onRetry={() => void runs.refetch()} />;
  return (
    <Table
      data-testid={`job-runs-${name}`}
      rowKey="id"
      size="small"
      columns={runColumns(text)}
      dataSource={runs.data?.items ?? []}
      loading={runs.isLoading}
      pagination={false}
      locale={{ emptyText: text('jobs.runs.none') }}
      title={() => text('jobs.runs.title')}
      scroll={{ x: 700 }}
    />
  );
}
