import { useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Input, Modal, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, EditOutlined, QrcodeOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useRoster, useSession, useSessionAction, useTick, type RosterEntry, type Session } from '../../api/training.js';
import { useT, type Translate } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { errorText } from '../../app/ui/errorText.js';
import { FullPageSpin } from '../../app/ui/FullPageSpin.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { mayEnrol, mayImportRosters, mayRunSessions } from './access.js';
import { EnrolForm } from './EnrolForm.js';
import { FlagTags, SessionStatusTag, TrackTag, sessionTime } from './labels.js';
import { RosterImport } from './RosterImport.js';
import { SessionDrawer } from './SessionDrawer.js';
import { placeOf } from './SessionsPage.js';

function rosterColumns(t: Translate, tickable: boolean, onTick: (r: RosterEntry) => void, onUntick: (r: RosterEntry) => void, busy: string | null): TableColumnsType<RosterEntry> {
  const cols: TableColumnsType<RosterEntry> = [
    { key: 'name', title: t('roster.col.name'), width: 100, render: (_: unknown, r) => r.trainee.name },
    { key: 'idNumber', title: t('roster.col.idNumber'), dataIndex: ['trainee', 'idNumber'], width: 190, render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text> },
    { key: 'phone', title: t('roster.col.phone'), dataIndex: ['trainee', 'phone'], width: 130, render: (v: string | null) => v ?? '—' },
    { key: 'place', title: t('roster.col.place'), width: 170, render: (_: unknown, r) => [r.trainee.townshipName, r.trainee.villageName].filter(Boolean).join(' ') || '—' },
    { key: 'flags', title: t('roster.col.flags'), width: 200, render: (_: unknown, r) => <FlagTags of={r.trainee} /> },
    {
      key: 'present',
      title: t('roster.col.present'),
      width: 150,
      render: (_: unknown, r) =>
        r.present ? (
          <Space size={4} wrap>
            <Tag color="success" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }} data-testid="roster-present">
              {t('roster.present')}
            </Tag>
            {r.method && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.method === 'qr' ? t('roster.method.qr') : r.method === 'tick' ? t('roster.method.tick') : ''}</Typography.Text>}
          </Space>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t('roster.absent')}</Tag>
        ),
    },
  ];
  if (tickable) {
    cols.push({
      key: 'actions',
      title: '',
      width: 110,
      render: (_: unknown, r) =>
        r.present ? (
          <Button size="small" icon={<UndoOutlined />} loading={busy === r.trainee.id} onClick={() => onUntick(r)} data-testid="roster-untick">
            {t('roster.untick')}
          </Button>
        ) : (
          <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === r.trainee.id} onClick={() => onTick(r)} data-testid="roster-tick">
            {t('roster.tick')}
          </Button>
        ),
    });
  }
  return cols;
}

function Summary({ session }: { session: Session }) {
  const t = useT();
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex gap={32} wrap>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          size="small"
          style={{ flex: '1 1 420px' }}
          items={[
            { key: 'time', label: t('training.col.time'), children: sessionTime(session.startsAt, session.endsAt) },
            { key: 'place', label: t('training.col.place'), children: placeOf(session) },
            { key: 'track', label: t('training.col.track'), children: <TrackTag track={session.track} level={session.level} /> },
            { key: 'course', label: t('training.form.course'), children: session.courseTitle ?? '—' },
            { key: 'organiser', label: t('training.col.organiser'), children: session.organiserName ?? '—' },
            { key: 'trainer', label: t('training.col.trainer'), children: session.trainerName ?? '—' },
            { key: 'status', label: t('training.col.status'), children: <SessionStatusTag status={session.status} /> },
          ]}
        />
        <Flex gap={32}>
          <Statistic title={t('training.session.present')} value={session.present} data-testid="session-present" />
          <Statistic title={t('training.session.enrolled')} value={session.enrolled} data-testid="session-enrolled" />
          <Statistic title={t('training.session.capacity')} value={session.capacity} />
        </Flex>
      </Flex>
    </Card>
  );
}

/** 班次详情: the roster (masked, flags as tags) with attendance ticks, enrolling a villager, importing a roster, the QR. */
export function SessionDetailPage() {
  const t = useT();
  const user = useUser();
  const { modal, message } = App.useApp();
  const { id = '' } = useParams();
  const session = useSession(id);
  const roster = useRoster(id);
  const action = useSessionAction(id);
  const tick = useTick(id);
  const [params, setParams] = useUrlParams(['tab'] as const);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [untick, setUntick] = useState<RosterEntry | null>(null);
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const s = session.data;
  const open = s?.status === 'planned';
  const tickable = mayRunSessions(user) && open;

  const doTick = async (r: RosterEntry, present: boolean, why?: string) => {
    setBusy(r.trainee.id);
    try {
      await tick.mutateAsync({ traineeId: r.trainee.id, present, reason: why });
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };
  const cols = useMemo(
    () =>
      rosterColumns(
        t,
        tickable,
        (r) => void doTick(r, true),
        (r) => {
          setReason('');
          setUntick(r);
        },
        busy,
      ),
    [t, tickable, busy],
  );

  if (session.isPending) return <FullPageSpin />;
  if (session.isError || !s) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  const rows = roster.data ?? [];

  const confirmClose = () =>
    modal.confirm({
      title: t('training.session.close'),
      content: t('training.session.closeConfirm'),
      onOk: async () => {
        try {
          await action.mutateAsync({ action: 'close' });
        } catch (error) {
          void message.error(errorText(error, t));
        }
      },
    });

  const tabs = [
    {
      key: 'roster',
      label: t('training.session.tab.roster'),
      children: roster.isError ? (
        <LoadError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        <ResponsiveTable<RosterEntry>
          data-testid="roster-table"
          rowKey="enrolmentId"
          size="middle"
          columns={cols}
          dataSource={rows}
          loading={roster.isFetching}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: roster.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.session.rosterEmpty')} /> }}
        />
      ),
    },
    ...(mayEnrol(user) && open ? [{ key: 'enrol', label: t('training.session.tab.enrol'), children: <EnrolForm sessionId={id} /> }] : []),
    ...(mayImportRosters(user) && open ? [{ key: 'import', label: t('training.session.tab.import'), children: <RosterImport sessionId={id} /> }] : []),
  ];

  return (
    <>
      <PageHeader
        title={s.title}
        crumbs={[{ title: t('shell.menu.training') }, { title: t('training.session.back'), to: '/training/sessions' }, { title: s.title }]}
        extra={
          <Flex gap={8} wrap>
            {mayRunSessions(user) && open && (
              <Link to={`/training/sessions/${id}/qr`} data-testid="session-qr">
                <Button type="primary" icon={<QrcodeOutlined />}>
                  {t('training.session.qr')}
                </Button>
              </Link>
            )}
            {mayRunSessions(user) && open && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="session-edit">
                {t('common.edit')}
              </Button>
            )}
            {mayRunSessions(user) && open && (
              <Button onClick={confirmClose} data-testid="session-close">
                {t('training.session.close')}
              </Button>
            )}
            {mayRunSessions(user) && open && (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => {
                  setCancelReason('');
                  setCancelling(true);
                }}
                data-testid="session-cancel"
              >
                {t('training.session.cancel')}
              </Button>
            )}
          </Flex>
        }
      />
      <Summary session={s} />
      <Card>
        <Tabs activeKey={tabs.some((x) => x.key === params.tab) ? params.tab : 'roster'} onChange={(tab) => setParams({ tab })} items={tabs} data-testid="session-tabs" />
      </Card>
      {mayRunSessions(user) && <SessionDrawer open={editing} onClose={() => setEditing(false)} session={s} />}
      <Modal
        open={cancelling}
        title={t('training.session.cancel')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ disabled: cancelReason.trim().length < 2, danger: true, ...({ 'data-testid': 'cancel-confirm' } as object) }}
        onOk={async () => {
          try {
            await action.mutateAsync({ action: 'cancel', reason: cancelReason.trim() });
            setCancelling(false);
          } catch (error) {
            void message.error(errorText(error, t));
          }
        }}
      >
        <Typography.Paragraph>{t('training.session.cancelConfirm')}</Typography.Paragraph>
        <Input.TextArea rows={2} maxLength={500} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} placeholder={t('training.session.cancelReason')} data-testid="cancel-reason" />
      </Modal>
      <Modal
        open={!!untick}
        title={untick ? t('roster.untickTitle', { name: untick.trainee.name }) : ''}
        onCancel={() => setUntick(null)}
        okButtonProps={{ disabled: reason.trim().length < 2, danger: true, ...({ 'data-testid': 'untick-confirm' } as object) }}
        onOk={async () => {
          if (!untick) return;
          await doTick(untick, false, reason.trim());
          setUntick(null);
        }}
      >
        <Input.TextArea rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('roster.untickReason')} data-testid="untick-reason" />
      </Modal>
    </>
  );
}

