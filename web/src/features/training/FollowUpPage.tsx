import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, Radio, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, StarOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { newIdempotencyKey } from '../../api/http.js';
import { usePlayers } from '../../api/players.js';
import {
  OUTCOME_KINDS,
  SUPPORT_KINDS,
  TALENT_STATUSES,
  useAddSupport,
  useFollowUp,
  useNominate,
  useRecordOutcome,
  useTalent,
  useTrainees,
  useUpdateTalent,
  type FollowUpRow,
  type OutcomeKind,
  type SupportKind,
  type Talent,
  type TalentStatus,
} from '../../api/training.js';
import { formatFen, yuanToFen } from '../../app/format.js';
import { useT, type Translate } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { errorText } from '../../app/ui/errorText.js';
import { FormDrawer } from '../../app/ui/FormDrawer.js';
import { formRules } from '../../app/ui/formRules.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { LoadMore } from '../../app/ui/LoadMore.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { mayManageTalent, mayNominate, mayRecordOutcomes } from './access.js';
import { TownshipFilter } from './filters.js';

const OUTCOME_COLOURS: Record<OutcomeKind, string> = { seller: 'green', shop: 'blue', point_operator: 'orange', employed: 'purple' };
const STATUS_COLOURS: Record<TalentStatus, string> = { nominated: 'processing', supported: 'green', awarded: 'gold', dropped: 'default' };
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

/** Finds a market player (市场主体) of the players register by name. */
function PlayerSelect({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const players = usePlayers({ q: q || undefined });
  const options = (players.data?.pages[0]?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${[p.townshipName, p.villageName].filter(Boolean).join(' ')}）` }));
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder={t('outcome.form.playerSearch')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={players.isFetching}
      options={options}
      data-testid="outcome-player"
    />
  );
}

/** Finds a trainee by name (the ones the user may see). */
function TraineeSelect({ value, onChange, mode }: { value?: string | string[]; onChange?: (v: string | string[] | undefined) => void; mode?: 'multiple' }) {
  const t = useT();
  const [q, setQ] = useState('');
  const trainees = useTrainees({ q: q || undefined });
  const options = (trainees.data?.pages[0]?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${[p.townshipName, p.villageName].filter(Boolean).join(' ')}）` }));
  return (
    <Select
      mode={mode}
      value={value}
      onChange={onChange}
      placeholder={t('talent.traineeSearch')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={trainees.isFetching}
      options={options}
      data-testid="talent-trainee"
    />
  );
}

function OutcomeDrawer({ row, onClose }: { row: FollowUpRow | null; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'shop' | 'employed'; playerId?: string; firmName?: string; note?: string }>();
  const errors = useServerErrors(form);
  const record = useRecordOutcome(row?.traineeId ?? '');
  const [key, setKey] = useState('');
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (!row) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    form.setFieldsValue({ kind: 'shop' });
  }, [row]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await record.mutateAsync({
        outcome: v.kind === 'shop' ? { kind: 'shop', playerId: v.playerId, note: v.note } : { kind: 'employed', firmName: v.firmName?.trim(), note: v.note },
        idempotencyKey: key,
      });
      void message.success(t('outcome.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  return (
    <FormDrawer title={t('outcome.form.title', { name: row?.name ?? '' })} open={!!row} onClose={onClose} width={520} saving={record.isPending} onSave={() => void submit()} saveTestId="outcome-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="kind" label={t('outcome.form.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'shop', label: t('outcome.shop') },
              { value: 'employed', label: t('outcome.employed') },
            ]}
          />
        </Form.Item>
        {kind === 'employed' ? (
          <Form.Item name="firmName" label={t('outcome.form.employer')} rules={[rules.required(t('outcome.form.employer'))]}>
            <Input maxLength={100} />
          </Form.Item>
        ) : (
          <Form.Item name="playerId" label={t('outcome.form.player')} rules={[rules.chosen(t('outcome.form.player'))]}>
            <PlayerSelect />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('outcome.form.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function NominateDrawer({ open, preset, onClose }: { open: boolean; preset?: FollowUpRow; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'person' | 'team'; traineeId?: string; memberIds?: string[]; name?: string; reason: string }>();
  const errors = useServerErrors(form, { fields: { teamName: ['name'], members: ['memberIds'] } });
  const nominate = useNominate();
  const [key, setKey] = useState('');
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    form.setFieldsValue({ kind: 'person', traineeId: preset?.traineeId });
  }, [open]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await nominate.mutateAsync({
        talent: v.kind === 'person' ? { kind: 'person', traineeId: v.traineeId, reason: v.reason.trim() } : { kind: 'team', teamName: v.name?.trim(), members: v.memberIds ?? [], reason: v.reason.trim() },
        idempotencyKey: key,
      });
      void message.success(t('talent.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  return (
    <FormDrawer title={t('talent.nominate')} open={open} onClose={onClose} width={520} saving={nominate.isPending} onSave={() => void submit()} saveTestId="talent-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="kind" label={t('talent.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('talent.kind.person') },
              { value: 'team', label: t('talent.kind.team') },
            ]}
          />
        </Form.Item>
        {kind === 'team' ? (
          <>
            <Form.Item name="name" label={t('talent.teamName')} rules={[rules.required(t('talent.teamName'))]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="memberIds" label={t('talent.members')} rules={[rules.chosen(t('talent.members'))]}>
              <TraineeSelect mode="multiple" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="traineeId" label={t('talent.trainee')} rules={[rules.chosen(t('talent.trainee'))]}>
            {preset ? <Select disabled options={[{ value: preset.traineeId, label: preset.name }]} /> : <TraineeSelect />}
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('talent.reason')} rules={[rules.required(t('talent.reason'))]}>
          <Input.TextArea maxLength={1000} rows={3} data-testid="talent-reason" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function SupportDrawer({ talent, onClose }: { talent: Talent | null; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: SupportKind; amount?: number; givenOn: Dayjs; note?: string }>();
  const errors = useServerErrors(form, { fields: { amountFen: ['amount'] } });
  const add = useAddSupport();
  const [key, setKey] = useState('');
  useEffect(() => {
    if (!talent) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    form.setFieldsValue({ kind: 'funding', givenOn: dayjs() });
  }, [talent]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({
        id: talent!.id,
        support: { kind: v.kind, amountFen: v.amount ? yuanToFen(v.amount) : 0, givenOn: v.givenOn.format('YYYY-MM-DD'), note: v.note?.trim() ?? '' },
        idempotencyKey: key,
      });
      void message.success(t('support.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  return (
    <FormDrawer title={`${t('talent.addSupport')} · ${talent?.name ?? ''}`} open={!!talent} onClose={onClose} width={480} saving={add.isPending} onSave={() => void submit()} saveTestId="support-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="kind" label={t('support.kind')} rules={[rules.chosen(t('support.kind'))]}>
          <Select options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('support.amount')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="givenOn" label={t('support.date')} rules={[rules.chosen(t('support.date'))]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('support.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function followUpColumns(t: Translate, canRecord: boolean, canNominate: boolean, onRecord: (r: FollowUpRow) => void, onNominate: (r: FollowUpRow) => void): TableColumnsType<FollowUpRow> {
  const cols: TableColumnsType<FollowUpRow> = [
    {
      key: 'name',
      title: t('followUp.col.trainee'),
      width: 150,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Link to={`/training/trainees/${r.traineeId}`}>{r.name}</Link>
          {r.poor && <Tag color="volcano">{t('traineeFlag.poor')}</Tag>}
        </Space>
      ),
    },
    { key: 'place', title: t('roster.col.place'), width: 160, render: (_: unknown, r) => [r.townshipName, r.villageName].filter(Boolean).join(' ') || '—' },
    { key: 'first', title: t('followUp.col.firstTrained'), width: 110, render: (_: unknown, r) => day(r.firstTrainedAt) },
    { key: 'personTimes', title: t('trainee.col.personTimes'), dataIndex: 'personTimes', width: 90 },
    {
      key: 'outcomes',
      title: t('followUp.col.outcomes'),
      width: 300,
      render: (_: unknown, r) =>
        r.outcomes.length ? (
          <Flex vertical gap={4}>
            {r.outcomes.map((o) => (
              <Flex key={o.id} gap={6} align="center" wrap>
                <Tag color={OUTCOME_COLOURS[o.kind]} style={{ marginInlineEnd: 0 }}>
                  {o.kindName || t(`outcome.${o.kind}`)}
                </Tag>
                <Typography.Text>{o.name}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('trainee.outcomesEmpty')}</Typography.Text>
        ),
    },
    { key: 'sales', title: t('followUp.col.sales'), width: 130, align: 'right', render: (_: unknown, r) => (r.outcomes.length ? formatFen(r.salesSinceFen) : '—') },
  ];
  if (canRecord || canNominate) {
    cols.push({
      key: 'actions',
      title: '',
      width: 200,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {canRecord && (
            <Button size="small" onClick={() => onRecord(r)} data-testid="outcome-record">
              {t('followUp.record')}
            </Button>
          )}
          {canNominate && (
            <Button size="small" icon={<StarOutlined />} onClick={() => onNominate(r)} data-testid="talent-from-row">
              {t('followUp.nominate')}
            </Button>
          )}
        </Space>
      ),
    });
  }
  return cols;
}

function TalentTab({ onNominate }: { onNominate: () => void }) {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const talent = useTalent();
  const update = useUpdateTalent();
  const [supporting, setSupporting] = useState<Talent | null>(null);
  const manage = mayManageTalent(user);
  const columns: TableColumnsType<Talent> = [
    {
      key: 'name',
      title: t('talent.col.name'),
      width: 200,
      render: (_: unknown, r) => (
        <Flex vertical>
          <Space size={4}>
            <Typography.Text strong>{r.name}</Typography.Text>
            <Tag>{t(`talent.kind.${r.kind}`)}</Tag>
          </Space>
          {r.kind === 'team' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.members.map((m) => m.name).join('、')}</Typography.Text>}
          {r.townshipName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.townshipName}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'reason', title: t('talent.col.reason'), dataIndex: 'reason', width: 260 },
    {
      key: 'status',
      title: t('talent.col.status'),
      width: 140,
      render: (_: unknown, r) =>
        manage ? (
          <Select<TalentStatus>
            size="small"
            value={r.status}
            style={{ width: 110 }}
            onChange={(status) => update.mutateAsync({ id: r.id, changes: { status } }).catch((error: unknown) => void message.error(errorText(error, t)))}
            options={TALENT_STATUSES.map((s) => ({ value: s, label: t(`talent.status.${s}`) }))}
          />
        ) : (
          <Tag color={STATUS_COLOURS[r.status]}>{r.statusName}</Tag>
        ),
    },
    {
      key: 'support',
      title: t('talent.col.support'),
      width: 280,
      render: (_: unknown, r) =>
        r.support.length ? (
          <Flex vertical gap={2}>
            {r.support.map((s) => (
              <Typography.Text key={s.id}>
                {s.givenOn} {s.kindName} {s.amountFen ? formatFen(s.amountFen) : ''} {s.note}
              </Typography.Text>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('talent.supportNone')}</Typography.Text>
        ),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: '',
            width: 110,
            render: (_: unknown, r: Talent) => (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setSupporting(r)}>
                {t('talent.addSupport')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      {mayNominate(user) && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<StarOutlined />} onClick={onNominate} data-testid="talent-nominate">
            {t('talent.nominate')}
          </Button>
        </Flex>
      )}
      {talent.isError ? (
        <LoadError error={talent.error} onRetry={() => void talent.refetch()} />
      ) : (
        <ResponsiveTable<Talent>
          data-testid="talent-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={talent.data ?? []}
          loading={talent.isFetching}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: talent.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talent.empty')} /> }}
        />
      )}
      <SupportDrawer talent={supporting} onClose={() => setSupporting(null)} />
    </>
  );
}

/** 跟踪扶持: what trained people went on to do, with sales since; the talent shortlist and the support given. */
export function FollowUpPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(['tab', 'township', 'outcome'] as const);
  const outcome = ([...OUTCOME_KINDS, 'any', 'none'] as readonly string[]).includes(params.outcome ?? '') ? params.outcome : undefined;
  const followUp = useFollowUp({ township: params.township, outcome });
  const [recording, setRecording] = useState<FollowUpRow | null>(null);
  const [nominating, setNominating] = useState<{ preset?: FollowUpRow } | null>(null);
  const cols = useMemo(
    () => followUpColumns(t, mayRecordOutcomes(user), mayNominate(user), setRecording, (r) => setNominating({ preset: r })),
    [t, user],
  );
  const rows = followUp.data?.pages.flatMap((p) => p.items) ?? [];
  const tab = params.tab === 'talent' ? 'talent' : 'trainees';

  return (
    <>
      <PageHeader title={t('training.followUp.title')} subtitle={t('training.followUp.subtitle')} crumbs={[{ title: t('shell.menu.training') }, { title: t('training.followUp.title') }]} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(next) => setParams({ tab: next })}
          items={[
            {
              key: 'trainees',
              label: t('training.followUp.tab.trainees'),
              children: (
                <>
                  <Flex gap={8} wrap style={{ marginBottom: 16 }}>
                    <TownshipFilter value={params.township} onChange={(township) => setParams({ ...params, township })} />
                    <Select
                      allowClear
                      placeholder={t('training.followUp.outcomeAll')}
                      value={outcome}
                      onChange={(value?: string) => setParams({ ...params, outcome: value })}
                      options={[...OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcome.${k}`) })), { value: 'none', label: t('trainee.outcomesEmpty') }]}
                      style={{ width: 160 }}
                    />
                  </Flex>
                  {followUp.isError ? (
                    <LoadError error={followUp.error} onRetry={() => void followUp.refetch()} />
                  ) : (
                    <>
                      <ResponsiveTable<FollowUpRow>
                        data-testid="follow-up-table"
                        rowKey="traineeId"
                        size="middle"
                        columns={cols}
                        dataSource={rows}
                        loading={followUp.isFetching && !followUp.isFetchingNextPage}
                        pagination={false}
                        scroll={{ x: 1150 }}
                        locale={{ emptyText: followUp.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.followUp.empty')} /> }}
                      />
                      <LoadMore query={followUp} />
                    </>
                  )}
                </>
              ),
            },
            { key: 'talent', label: t('training.followUp.tab.talent'), children: <TalentTab onNominate={() => setNominating({})} /> },
          ]}
        />
      </Card>
      <OutcomeDrawer row={recording} onClose={() => setRecording(null)} />
      <NominateDrawer open={!!nominating} preset={nominating?.preset} onClose={() => setNominating(null)} />
    </>
  );
}
