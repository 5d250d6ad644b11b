import { useEffect } from 'react';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditFilter } from '../../../api/identity.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { auditMessages } from '../../../app/locale/identity/audit.js';
import { actionLabel, entityLabel } from './auditLabels.js';

/** Every action and record type the log has a label for (app/locale/identity/audit.ts). */
const AUDIT_ACTIONS = Object.keys(auditMessages).flatMap((k) => (k.startsWith('action.') ? [k.slice('action.'.length)] : []));
const ENTITY_TYPES = Object.keys(auditMessages).flatMap((k) => (k.startsWith('audit.entity.') ? [k.slice('audit.entity.'.length)] : []));

interface Fields {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const toFields = (f: AuditFilter): Fields => ({
  actor: f.actor,
  action: f.action,
  entityType: f.entityType,
  entityId: f.entityId,
  range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
});

/** Actor, action, entity and time range; applied with the search button. */
export function AuditFilters({ filter, onSearch }: { filter: AuditFilter; onSearch: (filter: AuditFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  useEffect(() => form.setFieldsValue(toFields(filter)), [filter, form]);

  const onFinish = (f: Fields) =>
    onSearch({
      actor: f.actor?.trim() || undefined,
      action: f.action?.trim() || undefined,
      entityType: f.entityType || undefined,
      entityId: f.entityId?.trim() || undefined,
      from: f.range?.[0]?.toISOString(),
      to: f.range?.[1]?.toISOString(),
    });

  return (
    <Form<Fields> form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.filter.actor')} maxLength={64} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch
          placeholder={t('audit.filter.action')}
          style={{ width: 200 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="entityType">
        <Select allowClear placeholder={t('audit.filter.entityType')} style={{ width: 140 }} options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(t, e) }))} />
      </Form.Item>
      <Form.Item name="entityId">
        <Input allowClear placeholder={t('audit.filter.entityId')} maxLength={64} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range" style={{ maxWidth: '100%' }}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} style={{ maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
