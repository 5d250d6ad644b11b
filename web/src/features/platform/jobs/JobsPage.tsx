import { useState } from 'react';
import { App, Card, Table } from 'antd';
import { useJobs, useRunJobNow, type Job } from '../../../api/jobs.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { errorText } from '../../../app/ui/errorText.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { jobColumns } from './jobColumns.js';
import { JobRuns } from './JobRuns.js';
import { useJobsText } from './jobs.messages.js';

/** 后台任务: every background job, its schedule, next and last run, failures in a row; expand a row for its runs. */
export function JobsPage() {
  const text = useJobsText();
  const t = useT();
  const { message } = App.useApp();
  const jobs = useJobs();
  const runNow = useRunJobNow();
  const [pending, setPending] = useState<string | null>(null);

  const columns = jobColumns(text, {
    pending,
    runNow: (job: Job) => {
      setPending(job.name);
      runNow.mutate(job.name, {
        onSuccess: () => void message.success(text('jobs.runNow.done')),
        onError: (err) => void message.error(errorText(err, t)),
        onSettled: () => setPending(null),
      });
    },
  });

  return (
    <>
      <PageHeader title={text('jobs.title')} subtitle={text('jobs.subtitle')} crumbs={[{ title: text('jobs.admin') }, { title: text('jobs.title') }]} />
      <Card>
        {jobs.isError ? (
          <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : (
          <Table
            data-testid="jobs-table"
            rowKey="name"
            size="middle"
            columns={columns}
            dataSource={jobs.data?.items ?? []}
            loading={jobs.isLoading}
            pagination={false}
            scroll={{ x: 1200 }}
            expandable={{ expandedRowRender: (job) => <JobRuns name={job.name} text={text} /> }}
          />
        )}
      </Card>
    </>
  );
}
