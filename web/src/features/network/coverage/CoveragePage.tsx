import { Button, Card, Skeleton, Space, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useCoverage } from '../../../api/network.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { CoverageCards } from './CoverageCards.js';
import { CoverageChart } from './CoverageChart.js';
import { TownshipTable } from './TownshipTable.js';

/** The plan's network targets and how far each township has come. */
export function CoveragePage() {
  const t = useT();
  const coverage = useCoverage();
  const data = coverage.data;

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('shell.menu.network') }, { title: t('coverage.title') }]}
        title={
          <Space size={8} wrap>
            {t('coverage.title')}
            {data && <Tag color="blue">{data.scope.kind === 'county' ? data.county.name : (data.townships[0]?.name ?? t('coverage.scopeTownship'))}</Tag>}
          </Space>
        }
        subtitle={data ? `${t('coverage.subtitle')} · ${t('coverage.asOf', { time: formatDateTime(data.asOf) })}` : t('coverage.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} loading={coverage.isFetching} onClick={() => void coverage.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      {coverage.isError ? (
        <LoadError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <>
          <CoverageCards coverage={data} />
          <CoverageChart coverage={data} />
          <TownshipTable coverage={data} />
        </>
      )}
    </>
  );
}
