import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Modal, Radio, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  useChangeUplinkEndpoint,
  useCreateUplinkEndpoint,
  usePushNow,
  useUplinkDeliveries,
  useUplinkEndpoints,
  useUplinkInbox,
  useUplinkIndicators,
  type UplinkDelivery,
  type UplinkDeliveryStatus,
  type UplinkEndpoint,
  type UplinkEndpointCreated,
  type UplinkEndpointInput,
  type UplinkInboxMessage,
} from '../../api/uplink.js';
import { formatDateTime } from '../../app/format.js';
import { useLocale, useT } from '../../app/locale/LocaleContext.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { LoadMore } from '../../app/ui/LoadMore.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { errorText } from '../../app/ui/errorText.js';
import { useUplinkText, type UplinkText } from './uplink.messages.js';
import { figureText, periodText } from './uplinkFormat.js';

const STATUS_COLOR: Record<UplinkDeliveryStatus, string> = { pending: 'default', sending: 'processing', sent: 'success', failed_retrying: 'warning', given_up: 'error' };
const STATUSES: UplinkDeliveryStatus[] = ['pending', 'sending', 'sent', 'failed_retrying', 'given_up'];
const GRAINS = ['day', 'month', 'quarter', 'year'] as const;

/** 数据上报: the delivery log, the endpoints (add one; its secret or public key shown once), and what the inbox received. */
export function UplinkPage() {
  const text = useUplinkText();
  const t = useT();
  const { message } = App.useApp();
  const push = usePushNow();
  return (
    <>
      <PageHeader
        title={text('uplink.title')}
        subtitle={text('uplink.subtitle')}
        crumbs={[{ title: text('uplink.stats') }, { title: text('uplink.title') }]}
        extra={
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={push.isPending}
            data-testid="uplink-push-now"
            onClick={() =>
              push.mutate(undefined, {
                onSuccess: (r) => void message.success(text('uplink.pushNow.done', { made: r.made, sent: r.sent, failed: r.failed + r.givenUp })),
                onError: (err) => void message.error(errorText(err, t)),
              })
            }
          >
            {text('uplink.pushNow')}
          </Button>
        }
      />
      <Card>
        <Tabs
          items={[
            { key: 'deliveries', label: text('uplink.tab.deliveries'), children: <Deliveries text={text} /> },
            { key: 'endpoints', label: text('uplink.tab.endpoints'), children: <Endpoints text={text} /> },
            { key: 'inbox', label: text('uplink.tab.inbox'), children: <Inbox text={text} /> },
          ]}
        />
      </Card>
    </>
  );
}

function Deliveries({ text }: { text: UplinkText }) {
  const { lang } = useLocale();
  const [endpointId, setEndpointId] = useState<string | undefined>();
  const [status, setStatus] = useState<UplinkDeliveryStatus | undefined>();
  const [indicator, setIndicator] = useState<string | undefined>();
  const endpoints = useUplinkEndpoints();
  const indicators = useUplinkIndicators();
  const deliveries = useUplinkDeliveries({ endpointId, status, indicator });
  const rows = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<UplinkDelivery> = [
    {
      key: 'indicator',
      title: text('uplink.col.indicator'),
      render: (_, d) => (
        <Space size={4} wrap>
          <span>{d.indicatorName}</span>
          {d.correctionOf !== null && <Tag color="orange">{text('uplink.correction')}</Tag>}
        </Space>
      ),
    },
    { key: 'period', title: text('uplink.col.period'), render: (_, d) => periodText(d.period, lang === 'en') },
    { key: 'value', title: text('uplink.col.value'), align: 'right', render: (_, d) => figureText(d.unit, d.value) },
    { key: 'version', title: text('uplink.col.version'), render: (_, d) => text('uplink.version', { n: d.version }) },
    { key: 'status', title: text('uplink.col.status'), render: (_, d) => <Tag color={STATUS_COLOR[d.status]} data-testid="uplink-delivery-status">{text(`uplink.status.${d.status}`)}</Tag> },
    { key: 'attempts', title: text('uplink.col.attempts'), dataIndex: 'attempts', align: 'right' },
    { key: 'when', title: text('uplink.col.sentAt'), render: (_, d) => (d.sentAt ? formatDateTime(d.sentAt) : d.nextAttemptAt ? `${text('uplink.col.nextTry')} ${formatDateTime(d.nextAttemptAt)}` : '—') },
    { key: 'error', title: text('uplink.col.lastError'), render: (_, d) => (d.lastError ? <Typography.Text type="danger">{d.lastError}</Typography.Text> : '—') },
    { key: 'endpoint', title: text('uplink.col.endpoint'), dataIndex: 'endpointName' },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<string>
          allowClear
          style={{ minWidth: 220 }}
          placeholder={text('uplink.allEndpoints')}
          value={endpointId}
          onChange={setEndpointId}
          options={(endpoints.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 180 }}
          placeholder={text('uplink.allIndicators')}
          value={indicator}
          onChange={setIndicator}
          data-testid="uplink-indicator-filter"
          options={(indicators.data?.indicators ?? []).map((i) => ({ value: i.key, label: i.name }))}
        />
        <Select<UplinkDeliveryStatus> allowClear style={{ minWidth: 140 }} placeholder={text('uplink.allStatuses')} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: text(`uplink.status.${s}`) }))} />
      </Space>
      {deliveries.isError ? (
        <LoadError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <>
          <ResponsiveTable<UplinkDelivery>
            data-testid="uplink-deliveries"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={deliveries.isLoading || (deliveries.isPlaceholderData && deliveries.isFetching)}
            pagination={false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: text('uplink.empty.deliveries') }}
          />
          <LoadMore query={deliveries} />
        </>
      )}
    </>
  );
}

function Endpoints({ text }: { text: UplinkText }) {
  const t = useT();
  const { message } = App.useApp();
  const endpoints = useUplinkEndpoints();
  const change = useChangeUplinkEndpoint();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<UplinkEndpointCreated | null>(null);
  const columns: TableColumnsType<UplinkEndpoint> = [
    { key: 'name', title: text('uplink.col.name'), dataIndex: 'name' },
    { key: 'level', title: text('uplink.col.level'), render: (_, e) => text(`uplink.level.${e.level}`) },
    { key: 'url', title: text('uplink.col.url'), render: (_, e) => <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{e.url}</Typography.Text> },
    { key: 'algorithm', title: text('uplink.col.algorithm'), render: (_, e) => text(`uplink.algorithm.${e.algorithm}`) },
    { key: 'grains', title: text('uplink.col.grains'), render: (_, e) => e.grains.map((g) => text(`uplink.grain.${g}`)).join('、') },
    {
      key: 'publicKey',
      title: text('uplink.col.publicKey'),
      render: (_, e) => (e.publicKey ? <Typography.Text copyable={{ text: e.publicKey }} code>{`${e.publicKey.slice(0, 12)}…`}</Typography.Text> : '—'),
    },
    {
      key: 'active',
      title: text('uplink.col.active'),
      render: (_, e) => (
        <Switch
          checked={e.active}
          checkedChildren={text('uplink.on')}
          unCheckedChildren={text('uplink.off')}
          onChange={(active) => change.mutate({ id: e.id, active }, { onError: (err) => void message.error(errorText(err, t)) })}
        />
      ),
    },
  ];
  return (
    <>
      <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="uplink-add-endpoint">
        {text('uplink.add')}
      </Button>
      {endpoints.isError ? (
        <LoadError error={endpoints.error} onRetry={() => void endpoints.refetch()} />
      ) : (
        <ResponsiveTable<UplinkEndpoint> data-testid="uplink-endpoints" rowKey="id" size="middle" columns={columns} dataSource={endpoints.data?.items ?? []} loading={endpoints.isLoading} pagination={false} scroll={{ x: 1000 }} />
      )}
      <AddEndpoint
        open={adding}
        text={text}
        onClose={() => setAdding(false)}
        onCreated={(e) => {
          setAdding(false);
          setCreated(e);
        }}
      />
      <Modal open={created !== null} title={text('uplink.created.title')} onOk={() => setCreated(null)} onCancel={() => setCreated(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        {created?.secret && (
          <>
            <Typography.Paragraph>{text('uplink.created.secret')}</Typography.Paragraph>
            <Typography.Paragraph copyable code data-testid="uplink-created-secret" style={{ wordBreak: 'break-all' }}>
              {created.secret}
            </Typography.Paragraph>
          </>
        )}
        {created?.publicKey && (
          <>
            <Typography.Paragraph>{text('uplink.created.publicKey')}</Typography.Paragraph>
            <Typography.Paragraph copyable code data-testid="uplink-created-public-key" style={{ wordBreak: 'break-all' }}>
              {created.publicKey}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}

function AddEndpoint({ open, text, onClose, onCreated }: { open: boolean; text: UplinkText; onClose: () => void; onCreated: (e: UplinkEndpointCreated) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateUplinkEndpoint();
  const [form] = Form.useForm<UplinkEndpointInput>();
  const algorithm = Form.useWatch('algorithm', form);
  const submit = (values: UplinkEndpointInput) =>
    create.mutate(
      { ...values, secret: values.algorithm === 'hmac-sha256' && values.secret ? values.secret : undefined },
      {
        onSuccess: (e) => {
          form.resetFields();
          onCreated(e);
        },
        onError: (err) => void message.error(errorText(err, t)),
      },
    );
  return (
    <Modal open={open} title={text('uplink.add')} okText={text('uplink.add.ok')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<UplinkEndpointInput> form={form} layout="vertical" initialValues={{ level: 'city', algorithm: 'hmac-sha256', grains: ['month', 'quarter', 'year'] }} onFinish={submit}>
        <Form.Item name="name" label={text('uplink.col.name')} rules={[{ required: true, min: 2, message: text('uplink.required', { field: text('uplink.col.name') }) }]}>
          <Input maxLength={100} placeholder="昭通市电子商务公共服务平台" />
        </Form.Item>
        <Form.Item name="level" label={text('uplink.col.level')}>
          <Radio.Group options={(['city', 'province', 'national'] as const).map((l) => ({ value: l, label: text(`uplink.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="url" label={text('uplink.col.url')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: text('uplink.urlFormat') }]}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="algorithm" label={text('uplink.col.algorithm')}>
          <Radio.Group options={(['hmac-sha256', 'sm2-sm3'] as const).map((a) => ({ value: a, label: text(`uplink.algorithm.${a}`) }))} />
        </Form.Item>
        {algorithm === 'hmac-sha256' && (
          <Form.Item name="secret" label={text('uplink.add.secret')} rules={[{ min: 16 }]}>
            <Input.Password maxLength={200} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="grains" label={text('uplink.col.grains')} rules={[{ required: true, type: 'array', min: 1, message: text('uplink.required', { field: text('uplink.col.grains') }) }]}>
          <Checkbox.Group options={GRAINS.map((g) => ({ value: g, label: text(`uplink.grain.${g}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Inbox({ text }: { text: UplinkText }) {
  const { lang } = useLocale();
  const inbox = useUplinkInbox();
  const columns: TableColumnsType<UplinkInboxMessage> = [
    {
      key: 'indicator',
      title: text('uplink.col.indicator'),
      render: (_, m) => (
        <Space size={4} wrap>
          <span>{m.indicatorName}</span>
          {m.correctionOf !== null && <Tag color="orange">{text('uplink.correction')}</Tag>}
        </Space>
      ),
    },
    { key: 'county', title: text('uplink.col.county'), dataIndex: 'countyName' },
    { key: 'period', title: text('uplink.col.period'), render: (_, m) => periodText(m.period, lang === 'en') },
    { key: 'value', title: text('uplink.col.value'), align: 'right', render: (_, m) => figureText(m.unit, m.value) },
    { key: 'version', title: text('uplink.col.version'), render: (_, m) => text('uplink.version', { n: m.version }) },
    { key: 'algorithm', title: text('uplink.col.algorithm'), render: (_, m) => text(`uplink.algorithm.${m.algorithm}`) },
    { key: 'receivedAt', title: text('uplink.col.receivedAt'), render: (_, m) => formatDateTime(m.receivedAt) },
  ];
  return inbox.isError ? (
    <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
  ) : (
    <>
      <ResponsiveTable<UplinkInboxMessage>
        data-testid="uplink-inbox"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={inbox.data?.pages.flatMap((p) => p.items) ?? []}
        loading={inbox.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: text('uplink.empty.inbox') }}
      />
      <LoadMore query={inbox} />
    </>
  );
}
