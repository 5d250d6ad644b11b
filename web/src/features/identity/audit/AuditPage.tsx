import { useMemo } from 'react';
import { Card, Typography } from 'antd';
import { useAudit, type AuditFilter } from '../../../api/identity.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { auditColumns } from './auditColumns.js';
import { AuditFilters } from './AuditFilters.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';

const KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

/** Who changed what and when, newest first; the filters live in the URL. */
export function AuditPage() {
  const t = useT();
  const [filter, setFilter] = useUrlParams(KEYS);
  const audit = useAudit(filter as AuditFilter);
  const columns = useMemo(() => auditColumns(t), [t]);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} crumbs={[{ title: t('shell.menu.admin') }, { title: t('audit.title') }]} />
      <Card>
        <AuditFilters filter={filter} onSearch={(f) => setFilter({ ...f })} />
        {audit.isError ? (
          <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <>
            <ResponsiveTable
              data-testid="audit-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={audit.isFetching && !audit.isFetchingNextPage}
              pagination={false}
              scroll={{ x: 900 }}
              expandable={{
                rowExpandable: (r) => r.details !== null && r.details !== undefined,
                expandedRowRender: (r) => (
                  <Typography.Paragraph style={{ margin: 0 }}>
                    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(r.details, null, 2)}</pre>
                  </Typography.Paragraph>
                ),
              }}
            />
            <LoadMore query={audit} />
          </>
        )}
      </Card>
    </>
  );
}
