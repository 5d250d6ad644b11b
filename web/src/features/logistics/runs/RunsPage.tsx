import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Space, Statistic, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CalendarOutlined, EditOutlined, LeftOutlined, PlusOutlined, ReloadOutlined, RightOutlined, ScheduleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useRoutes, useRuns, type DeliveryRoute, type Run } from '../../../api/logistics-runs.js';
import { mayDispatch } from '../../../app/access.js';
import { todayInShanghai } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { CarrierCounts, clockTime, ModeTag, RunStatusTag, weekdayOf, weekdaysText } from './dispatchLabels.js';
import { PlanRunModal } from './PlanRunModal.js';
import { RouteDrawer } from './RouteDrawer.js';

const KEYS = ['date'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const shift = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD');

/**
 * 配送调度: a day's runs (status, departure, parcels by carrier) and the routes they run on. The county office and
 * the warehouse's couriers plan runs and keep the routes; township operators and regulators read.
 */
export function RunsPage() {
  const t = useT();
  const user = useUser();
  const dispatcher = mayDispatch(user);
  const [params, setParams] = useUrlParams(KEYS);
  const today = todayInShanghai();
  const date = params.date && DATE.test(params.date) && dayjs(params.date).isValid() ? params.date : today;
  const setDate = (next: string) => setParams({ date: next });

  const routes = useRoutes();
  const runs = useRuns(date);
  const [planning, setPlanning] = useState<{ routeId?: string } | null>(null);
  const [editing, setEditing] = useState<{ route: DeliveryRoute | null } | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);

  const runRows = runs.data ?? [];
  const weekday = weekdayOf(date);
  const totals = useMemo(
    () => ({
      parcels: runRows.reduce((n, r) => n + r.parcels, 0),
      departed: runRows.filter((r) => r.status !== 'planned').length,
      completed: runRows.filter((r) => r.status === 'completed').length,
    }),
    [runRows],
  );
  /** route id → departure (HH:MM) → that day's run */
  const runAt = useMemo(() => {
    const map = new Map<string, Run>();
    for (const r of runRows) map.set(`${r.routeId}@${clockTime(r.departsAt)}`, r);
    return map;
  }, [runRows]);

  const runColumns: TableColumnsType<Run> = [
    { title: t('logistics.runs.col.departure'), dataIndex: 'departsAt', width: 96, render: (v: string) => <Typography.Text strong style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}>{clockTime(v)}</Typography.Text> },
    {
      title: t('logistics.runs.col.route'),
      dataIndex: 'routeName',
      width: 240,
      render: (name: string, r) => (
        <Space size={8} wrap>
          <Link to={`/logistics/runs/${r.id}`} data-testid="run-open" data-run-id={r.id}>
            {name}
          </Link>
          <ModeTag mode={r.mode} />
          {fresh === r.id && <Tag color="gold">{t('logistics.runs.justPlanned')}</Tag>}
        </Space>
      ),
    },
    { title: t('logistics.runs.col.status'), dataIndex: 'status', width: 100, render: (s: Run['status'], r) => <RunStatusTag status={s} testId={`run-status-${r.id}`} /> },
    {
      title: t('logistics.runs.col.crew'),
      key: 'crew',
      width: 180,
      render: (_, r) => (r.driver || r.vehicle ? [r.driver, r.vehicle].filter(Boolean).join(' · ') : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('logistics.runs.col.parcels'), dataIndex: 'parcels', width: 90, align: 'right', render: (n: number) => <Typography.Text strong>{n}</Typography.Text> },
    { title: t('logistics.runs.col.byCarrier'), dataIndex: 'byCarrier', render: (items: Run['byCarrier']) => <CarrierCounts items={items} /> },
    {
      title: t('logistics.runs.col.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) => (
        <Link to={`/logistics/runs/${r.id}`}>{r.status === 'planned' && dispatcher ? t('logistics.runs.openToDepart') : t('logistics.runs.openSheet')}</Link>
      ),
    },
  ];

  const routeColumns: TableColumnsType<DeliveryRoute> = [
    {
      title: t('logistics.runs.route.name'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, r) => (
        <Space size={6} wrap>
          <Typography.Text strong>{name}</Typography.Text>
          <ModeTag mode={r.mode} />
          {!r.active && <Tag>{t('logistics.runs.route.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('logistics.runs.route.stops'),
      dataIndex: 'stops',
      render: (stops: DeliveryRoute['stops']) => (
        <Typography.Text style={{ fontSize: 13 }}>
          <Typography.Text type="secondary">{t('logistics.runs.countyWarehouse')}</Typography.Text>
          {stops.map((s, i) => (
            <span key={s.siteId}>
              <Typography.Text type="secondary"> → </Typography.Text>
              <Tooltip title={t('logistics.runs.stopNo', { no: i + 1 })}>{s.name}</Tooltip>
            </span>
          ))}
        </Typography.Text>
      ),
    },
    {
      title: t('logistics.runs.route.departuresToday'),
      dataIndex: 'departures',
      width: 200,
      render: (departures: string[], r) => {
        const runs = r.active && r.weekdays.includes(weekday);
        return (
          <Flex gap={4} wrap>
            {departures.map((d) => {
              const run = runAt.get(`${r.id}@${d}`);
              return run ? (
                <Link key={d} to={`/logistics/runs/${run.id}`}>
                  <Tag color="blue" icon={<ScheduleOutlined />} style={{ marginInlineEnd: 0 }}>
                    {d}
                  </Tag>
                </Link>
              ) : (
                <Tag key={d} style={{ marginInlineEnd: 0, opacity: runs ? 1 : 0.5 }}>
                  {d}
                </Tag>
              );
            })}
          </Flex>
        );
      },
    },
    {
      title: t('logistics.runs.route.weekdays'),
      dataIndex: 'weekdays',
      width: 150,
      render: (days: number[], r) => (
        <Space size={4} orientation="vertical">
          <span>{weekdaysText(t, days)}</span>
          {r.active && !days.includes(weekday) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('logistics.runs.route.notToday')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('logistics.runs.route.vehicle'), dataIndex: 'vehicle', width: 120, render: (v: string | null) => v ?? '—' },
    ...(dispatcher
      ? ([
          {
            title: t('logistics.runs.col.actions'),
            key: 'actions',
            width: 170,
            render: (_, r) => {
              const runs = r.active && r.weekdays.includes(weekday);
              const open = r.departures.some((d) => !runAt.has(`${r.id}@${d}`));
              return (
                <Space size={4}>
                  <Tooltip title={!runs ? t('logistics.runs.plan.notThatDay') : !open ? t('logistics.runs.plan.allPlanned') : undefined}>
                    <Button size="small" type="link" icon={<CalendarOutlined />} disabled={!runs || !open} onClick={() => setPlanning({ routeId: r.id })} data-testid={`plan-route-${r.id}`}>
                      {t('logistics.runs.plan.short')}
                    </Button>
                  </Tooltip>
                  <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ route: r })} data-testid={`edit-route-${r.id}`}>
                    {t('common.edit')}
                  </Button>
                </Space>
              );
            },
          },
        ] satisfies TableColumnsType<DeliveryRoute>)
      : []),
  ];

  const weekdayName = t(`logistics.runs.weekday.${weekday as 1}`);
  return (
    <>
      <PageHeader
        title={t('logistics.runs.title')}
        subtitle={t('logistics.runs.subtitle')}
        crumbs={[{ title: t('shell.menu.logistics') }, { title: t('logistics.runs.title') }]}
        extra={
          <Flex gap={8} wrap align="center">
            <Space.Compact>
              <Button icon={<LeftOutlined />} onClick={() => setDate(shift(date, -1))} aria-label={t('logistics.runs.prevDay')} data-testid="runs-prev-day" />
              <DatePicker
                value={dayjs(date)}
                allowClear={false}
                onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
                format={(d) => `${d.format('YYYY-MM-DD')} ${t(`logistics.runs.weekday.${(d.day() || 7) as 1}`)}`}
                style={{ width: 170 }}
                data-testid="runs-date"
              />
              <Button icon={<RightOutlined />} onClick={() => setDate(shift(date, 1))} aria-label={t('logistics.runs.nextDay')} data-testid="runs-next-day" />
            </Space.Compact>
            {date !== today && <Button onClick={() => setDate(today)}>{t('logistics.runs.today')}</Button>}
            <Button icon={<ReloadOutlined />} loading={runs.isFetching || routes.isFetching} onClick={() => void Promise.all([runs.refetch(), routes.refetch()])}>
              {t('common.refresh')}
            </Button>
            {dispatcher && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning({})} data-testid="plan-run" disabled={!routes.data?.length}>
                {t('logistics.runs.plan.button')}
              </Button>
            )}
          </Flex>
        }
      />

      <Card
        title={
          <Space size={8}>
            {t('logistics.runs.dayTitle', { date, weekday: weekdayName })}
            {date === today && <Tag color="blue">{t('logistics.runs.today')}</Tag>}
          </Space>
        }
        style={{ marginBottom: 16 }}
        data-testid="runs-card"
      >
        {runs.isError ? (
          <LoadError error={runs.error} onRetry={() => void runs.refetch()} />
        ) : (
          <>
            <Flex wrap style={{ marginBottom: 16, columnGap: 32, rowGap: 12 }}>
              <Statistic title={t('logistics.runs.stat.runs')} value={runRows.length} />
              <Statistic title={t('logistics.runs.stat.parcels')} value={totals.parcels} />
              <Statistic title={t('logistics.runs.stat.departed')} value={totals.departed} suffix={`/ ${runRows.length}`} />
              <Statistic title={t('logistics.runs.stat.completed')} value={totals.completed} suffix={`/ ${runRows.length}`} />
            </Flex>
            <ResponsiveTable<Run>
              data-testid="runs-table"
              cardTitle={(r, i) => (
                <Flex gap={10} align="center" wrap>
                  {runColumns[0].render?.(r.departsAt, r, i) as React.ReactNode}
                  {runColumns[1].render?.(r.routeName, r, i) as React.ReactNode}
                </Flex>
              )}
              cardHides={['routeName']}
              rowKey="id"
              size="middle"
              columns={runColumns}
              dataSource={runRows}
              loading={runs.isFetching}
              pagination={false}
              scroll={{ x: 980 }}
              locale={{
                emptyText: runs.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={dispatcher ? t('logistics.runs.emptyDispatcher') : t('logistics.runs.empty')} />,
              }}
            />
          </>
        )}
      </Card>

      <Card
        title={t('logistics.runs.routesTitle')}
        extra={
          dispatcher && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ route: null })} data-testid="create-route">
              {t('logistics.runs.route.new')}
            </Button>
          )
        }
      >
        {routes.isError ? (
          <LoadError error={routes.error} onRetry={() => void routes.refetch()} />
        ) : (
          <ResponsiveTable<DeliveryRoute>
            data-testid="routes-table"
            rowKey="id"
            size="middle"
            columns={routeColumns}
            dataSource={routes.data}
            loading={routes.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: routes.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.runs.route.empty')} /> }}
          />
        )}
      </Card>

      {dispatcher && (
        <>
          <PlanRunModal
            open={!!planning}
            date={date}
            routes={routes.data ?? []}
            runs={runRows}
            routeId={planning?.routeId}
            onClose={() => setPlanning(null)}
            onPlanned={(run) => setFresh(run.id)}
          />
          <RouteDrawer open={!!editing} route={editing?.route ?? null} onClose={() => setEditing(null)} />
        </>
      )}
    </>
  );
}
