import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { SESSION_STATUSES, TRACKS, useSessions, type Session, type SessionStatus, type Track } from '../../api/training.js';
import { useT, type Translate } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { LoadMore } from '../../app/ui/LoadMore.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { mayCreateSessions } from './access.js';
import { OrganiserFilter, TownshipFilter } from './filters.js';
import { SessionStatusTag, TrackTag, sessionTime } from './labels.js';
import { SessionDrawer } from './SessionDrawer.js';

const KEYS = ['month', 'track', 'township', 'organiser', 'status'] as const;
const thisMonth = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());

export const placeOf = (s: Session) => [s.townshipName, s.placeName].filter(Boolean).join(' · ');

function columns(t: Translate): TableColumnsType<Session> {
  return [
    {
      key: 'title',
      title: t('training.col.title'),
      width: 240,
      render: (_: unknown, s) => (
        <Link to={`/training/sessions/${s.id}`} data-testid="session-link">
          {s.title}
        </Link>
      ),
    },
    { key: 'time', title: t('training.col.time'), width: 170, render: (_: unknown, s) => sessionTime(s.startsAt, s.endsAt) },
    { key: 'place', title: t('training.col.place'), width: 190, render: (_: unknown, s) => placeOf(s) },
    { key: 'track', title: t('training.col.track'), width: 150, render: (_: unknown, s) => <TrackTag track={s.track} level={s.level} /> },
    { key: 'organiser', title: t('training.col.organiser'), dataIndex: 'organiserName', width: 150 },
    { key: 'trainer', title: t('training.col.trainer'), dataIndex: 'trainerName', width: 100 },
    {
      key: 'attendance',
      title: t('training.col.attendance'),
      width: 130,
      render: (_: unknown, s) => (
        <Typography.Text>
          {s.present} / {s.enrolled} / {s.capacity}
        </Typography.Text>
      ),
    },
    { key: 'status', title: t('training.col.status'), width: 90, render: (_: unknown, s) => <SessionStatusTag status={s.status} /> },
  ];
}

/** 培训班次: a month at a time (arrows step the months), filtered by track, township, organiser and status. */
export function SessionsPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams(KEYS);
  const month = params.month && /^\d{4}-\d{2}$/.test(params.month) ? params.month : params.month === 'all' ? null : thisMonth();
  const first = month ? dayjs(`${month}-01`) : null;
  const track = (TRACKS as readonly string[]).includes(params.track ?? '') ? (params.track as Track) : undefined;
  const status = (SESSION_STATUSES as readonly string[]).includes(params.status ?? '') ? (params.status as SessionStatus) : undefined;
  const sessions = useSessions({
    from: first ? first.format('YYYY-MM-DD') : undefined,
    to: first ? first.endOf('month').format('YYYY-MM-DD') : undefined,
    track,
    township: params.township,
    organiser: params.organiser,
    status,
  });
  const cols = useMemo(() => columns(t), [t]);
  const rows = sessions.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);
  const setMonth = (next: string | null) => setParams({ ...params, month: next ?? 'all' });

  return (
    <>
      <PageHeader
        title={t('training.sessions.title')}
        subtitle={t('training.sessions.subtitle')}
        crumbs={[{ title: t('shell.menu.training') }, { title: t('training.sessions.title') }]}
        extra={
          mayCreateSessions(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="session-create">
              {t('training.sessions.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
          <Flex gap={4} align="center">
            <Button icon={<LeftOutlined />} disabled={!first} onClick={() => first && setMonth(first.subtract(1, 'month').format('YYYY-MM'))} aria-label="prev" />
            <DatePicker
              picker="month"
              allowClear
              placeholder={t('training.sessions.allMonths')}
              value={first}
              onChange={(d) => setMonth(d ? d.format('YYYY-MM') : null)}
              format="YYYY年MM月"
              style={{ width: 140 }}
              data-testid="sessions-month"
            />
            <Button icon={<RightOutlined />} disabled={!first} onClick={() => first && setMonth(first.add(1, 'month').format('YYYY-MM'))} aria-label="next" />
          </Flex>
          <Select
            allowClear
            placeholder={t('training.sessions.trackAll')}
            value={track}
            onChange={(value?: string) => setParams({ ...params, track: value })}
            options={TRACKS.map((k) => ({ value: k, label: t(`track.${k}`) }))}
            style={{ width: 170 }}
          />
          <TownshipFilter value={params.township} onChange={(township) => setParams({ ...params, township })} />
          <OrganiserFilter value={params.organiser} onChange={(organiser) => setParams({ ...params, organiser })} />
          <Select
            allowClear
            placeholder={t('training.sessions.statusAll')}
            value={status}
            onChange={(value?: string) => setParams({ ...params, status: value })}
            options={SESSION_STATUSES.map((k) => ({ value: k, label: t(`sessionStatus.${k}`) }))}
            style={{ width: 120 }}
          />
        </Flex>
        {sessions.isError ? (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <>
            <ResponsiveTable<Session>
              data-testid="sessions-table"
              rowKey="id"
              size="middle"
              columns={cols}
              dataSource={rows}
              loading={sessions.isFetching && !sessions.isFetchingNextPage}
              pagination={false}
              scroll={{ x: 1150 }}
              locale={{ emptyText: sessions.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.sessions.empty')} /> }}
            />
            <LoadMore query={sessions} />
          </>
        )}
      </Card>
      {mayCreateSessions(user) && <SessionDrawer open={creating} onClose={() => setCreating(false)} onSaved={(s) => void navigate(`/training/sessions/${s.id}`)} />}
    </>
  );
}
