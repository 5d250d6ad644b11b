import { useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space, Statistic, Steps, Typography } from 'antd';
import { CarOutlined, CheckOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.js';
import type { ParcelStatus } from '../../../api/logistics.js';
import { useRun, useRunAction, type RunDetail, type RunStop } from '../../../api/logistics-runs.js';
import { isTownshipOperator, mayDispatch } from '../../../app/access.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { errorText } from '../../../app/ui/errorText.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { CarrierCounts, clockTime, ModeTag, RunStatusTag, weightText } from './dispatchLabels.js';
import { HandoverModal } from './HandoverModal.js';
import { LoadSheet } from './LoadSheet.js';
import { StopCard } from './StopCard.js';
import { useStopSites } from './useStopSites.js';

/** Parcel states still on the vehicle (not yet handed over anywhere). */
const ON_BOARD: ParcelStatus[] = ['received_county', 'sorted', 'loaded'];

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** County warehouse → each stop → back at the county, as steps. */
function runSteps(run: RunDetail, t: ReturnType<typeof useT>) {
  const firstOpen = run.stops.findIndex((s) => !s.signedAt);
  const items: { title: string; content?: string; status: StepStatus }[] = [
    {
      title: t('logistics.runs.step.depart'),
      content: run.departedAt ? clockTime(run.departedAt) : t('logistics.runs.step.at', { time: clockTime(run.departsAt) }),
      status: run.status === 'planned' ? 'process' : 'finish',
    },
    ...run.stops.map((s, i): { title: string; content?: string; status: StepStatus } => ({
      title: s.name,
      content: s.signedAt ? `${s.signedBy ?? ''} ${clockTime(s.signedAt)}` : t('logistics.runs.stopCounts', { down: s.dropOff.length, up: s.pickUp.length }),
      status: s.signedAt ? 'finish' : run.status === 'completed' ? 'error' : run.status === 'departed' && i === firstOpen ? 'process' : 'wait',
    })),
    {
      title: t('logistics.runs.step.back'),
      content: run.completedAt ? clockTime(run.completedAt) : undefined,
      status: run.status === 'completed' ? 'finish' : run.status === 'departed' && firstOpen < 0 ? 'process' : 'wait',
    },
  ];
  return items;
}

/**
 * A run: its stops in order with what each receives and sends up, 发车, 交接签收 at each stop (who took the parcels),
 * 完成 back at the county, and the printable 装车单.
 */
export function RunDetailPage() {
  const t = useT();
  const user = useUser();
  const { id } = useParams<{ id: string }>();
  const run = useRun(id);
  const act = useRunAction();
  const { message } = App.useApp();
  const dispatcher = mayDispatch(user);
  const township = isTownshipOperator(user) && user.scope.kind === 'township' ? user.scope.id : null;
  // Township operators sign for the stops of their township; the sites tell which those are (and who runs them).
  const sites = useStopSites(!!run.data);
  const [signing, setSigning] = useState<RunStop | null>(null);
  const data = run.data;

  const totals = useMemo(() => {
    const stops = data?.stops ?? [];
    return {
      down: stops.reduce((n, s) => n + s.dropOff.length, 0),
      up: stops.reduce((n, s) => n + s.pickUp.length, 0),
      weight: stops.reduce((g, s) => g + s.dropOff.reduce((w, p) => w + (p.weightG ?? 0), 0), 0),
      signed: stops.filter((s) => s.signedAt).length,
    };
  }, [data]);

  /** A transfer station hands on the parcels for its township's villages further along (arrived in the township). */
  const passingAt = (stop: RunStop | null) => {
    const site = stop && sites.byId.get(stop.siteId);
    if (!data || !stop || site?.kind !== 'township_transfer') return 0;
    return data.stops.filter((s) => s.siteId !== stop.siteId).reduce((n, s) => n + s.dropOff.filter((p) => p.townshipCode === site.townshipCode && ON_BOARD.includes(p.status)).length, 0);
  };
  const mayHandOver = (stop: RunStop) => dispatcher || (!!township && sites.byId.get(stop.siteId)?.townshipCode === township);

  const doAction = (action: 'depart' | 'complete') => {
    if (!data) return;
    act.mutate(
      { id: data.id, action },
      {
        onSuccess: (next) => void message.success(action === 'depart' ? t('logistics.runs.departed', { count: next.parcels }) : t('logistics.runs.completed')),
        onError: (error) => {
          void message.error(error instanceof ApiError && error.code === 'RUN_STATE' ? t('logistics.runs.stateChanged') : errorText(error, t));
          void run.refetch();
        },
      },
    );
  };

  const crumbs = [{ title: t('shell.menu.logistics') }, { title: t('logistics.runs.title'), to: data ? `/logistics/runs?date=${data.date}` : '/logistics/runs' }, { title: data?.routeName ?? '…' }];

  if (run.isError) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={t('logistics.runs.detailTitle')} />
        <LoadError error={run.error} onRetry={() => void run.refetch()} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={t('logistics.runs.detailTitle')} />
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      </>
    );
  }

  const unsigned = data.stops.length - totals.signed;
  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size={8} wrap>
            {data.routeName}
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
              {data.date} {clockTime(data.departsAt)}
            </Typography.Text>
            <RunStatusTag status={data.status} testId="run-status" />
          </Space>
        }
        subtitle={t('logistics.runs.detailSubtitle')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<ReloadOutlined />} loading={run.isFetching} onClick={() => void run.refetch()}>
              {t('common.refresh')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="run-print">
              {t('logistics.runs.print')}
            </Button>
            {dispatcher && data.status === 'planned' && (
              <Popconfirm
                title={t('logistics.runs.departConfirm')}
                description={t('logistics.runs.departConfirmText', { count: data.parcels })}
                okText={t('logistics.runs.depart')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'run-depart-confirm', loading: act.isPending }}
                onConfirm={() => doAction('depart')}
              >
                <Button type="primary" icon={<CarOutlined />} loading={act.isPending} data-testid="run-depart">
                  {t('logistics.runs.depart')}
                </Button>
              </Popconfirm>
            )}
            {dispatcher && data.status === 'departed' && (
              <Popconfirm
                title={t('logistics.runs.completeConfirm')}
                description={unsigned > 0 ? t('logistics.runs.completeUnsigned', { count: unsigned }) : t('logistics.runs.completeConfirmText')}
                okText={t('logistics.runs.complete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'run-complete-confirm', danger: unsigned > 0, loading: act.isPending }}
                onConfirm={() => doAction('complete')}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={act.isPending} data-testid="run-complete">
                  {t('logistics.runs.complete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        }
      />

      <Card style={{ marginBottom: 16 }}>
        <Flex gap={48} wrap style={{ marginBottom: 20 }}>
          <Statistic title={t('logistics.runs.stat.dropOff')} value={totals.down} />
          <Statistic title={t('logistics.runs.stat.pickUp')} value={totals.up} />
          <Statistic title={t('logistics.runs.stat.weight')} value={weightText(totals.weight)} />
          <Statistic title={t('logistics.runs.stat.signed')} value={totals.signed} suffix={`/ ${data.stops.length}`} />
        </Flex>
        <Steps size="small" items={runSteps(data, t)} style={{ marginBottom: 20 }} data-testid="run-steps" />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('logistics.runs.route.mode')}>
            <ModeTag mode={data.mode} />
          </Descriptions.Item>
          <Descriptions.Item label={t('logistics.runs.vehicle')}>{data.vehicle ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('logistics.runs.driver')}>{data.driver ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('logistics.runs.col.departure')}>{clockTime(data.departsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('logistics.runs.departedAt')}>{formatDateTime(data.departedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('logistics.runs.completedAt')}>{formatDateTime(data.completedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('logistics.runs.col.byCarrier')} span={2}>
            <CarrierCounts items={data.byCarrier} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {data.stops.map((stop) => (
        <StopCard key={stop.siteId} stop={stop} canHandOver={data.status === 'departed' && mayHandOver(stop)} onHandOver={() => setSigning(stop)} />
      ))}

      <HandoverModal runId={data.id} stop={signing} operatorName={signing ? sites.byId.get(signing.siteId)?.operator?.name : null} passing={passingAt(signing)} onClose={() => setSigning(null)} />
      <LoadSheet run={data} />
    </>
  );
}
