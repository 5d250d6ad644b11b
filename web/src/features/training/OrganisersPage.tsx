import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Select, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { newIdempotencyKey } from '../../api/http.js';
import { ORGANISER_KINDS, useOrganisers, useSaveOrganiser, useTrainerAccounts, type Organiser, type OrganiserKind } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { FormDrawer } from '../../app/ui/FormDrawer.js';
import { formRules } from '../../app/ui/formRules.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';

interface Values {
  name: string;
  kind: OrganiserKind;
  contactName?: string;
  notes?: string;
  memberIds?: string[];
}

function OrganiserDrawer({ open, onClose, organiser }: { open: boolean; onClose: () => void; organiser?: Organiser }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const save = useSaveOrganiser();
  const trainers = useTrainerAccounts(open);
  const [key, setKey] = useState('');
  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    if (organiser) form.setFieldsValue({ name: organiser.name, kind: organiser.kind, contactName: organiser.contactName, notes: organiser.notes, memberIds: organiser.memberUserIds });
  }, [open]);
  const options = (trainers.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ id: organiser?.id, organiser: { name: v.name.trim(), kind: v.kind, contactName: v.contactName?.trim() ?? '', notes: v.notes?.trim() ?? '', memberUserIds: v.memberIds ?? [] }, idempotencyKey: key });
      void message.success(t('training.organisers.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  return (
    <FormDrawer title={t(organiser ? 'training.organisers.edit' : 'training.organisers.create')} open={open} onClose={onClose} width={520} saving={save.isPending} onSave={() => void submit()} saveTestId="organiser-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="name" label={t('organiser.col.name')} rules={[rules.required(t('organiser.col.name')), rules.max(t('organiser.col.name'), 100)]}>
          <Input maxLength={100} data-testid="organiser-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('organiser.col.kind')} rules={[rules.chosen(t('organiser.col.kind'))]}>
          <Select options={ORGANISER_KINDS.map((k) => ({ value: k, label: t(`organiserKind.${k}`) }))} data-testid="organiser-kind" />
        </Form.Item>
        <Form.Item name="contactName" label={t('organiser.col.contact')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="notes" label={t('organiser.col.notes')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('organiser.form.members')} extra={t('organiser.form.membersHelp')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={trainers.isPending} options={options} data-testid="organiser-members" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 培训机构: the departments, training bodies and enterprises that organise sessions, and their trainers' accounts. */
export function OrganisersPage() {
  const t = useT();
  const organisers = useOrganisers();
  const trainers = useTrainerAccounts(true);
  const nameOf = new Map((trainers.data ?? []).map((u) => [u.id, u.displayName]));
  const [editing, setEditing] = useState<Organiser | undefined>();
  const [open, setOpen] = useState(false);
  const columns: TableColumnsType<Organiser> = [
    { key: 'name', title: t('organiser.col.name'), dataIndex: 'name', width: 220 },
    { key: 'contact', title: t('organiser.col.contact'), dataIndex: 'contactName', width: 110 },
    { key: 'kind', title: t('organiser.col.kind'), dataIndex: 'kind', width: 140, render: (k: OrganiserKind) => <Tag style={{ marginInlineEnd: 0 }}>{t(`organiserKind.${k}`)}</Tag> },
    {
      key: 'members',
      title: t('organiser.col.members'),
      render: (_: unknown, o) => (o.memberUserIds.length ? <Flex gap={4} wrap>{o.memberUserIds.map((id) => <Tag key={id}>{nameOf.get(id) ?? '…'}</Tag>)}</Flex> : '—'),
    },
    {
      key: 'actions',
      title: '',
      width: 90,
      render: (_: unknown, o) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => {
            setEditing(o);
            setOpen(true);
          }}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('training.organisers.title')}
        subtitle={t('training.organisers.subtitle')}
        crumbs={[{ title: t('shell.menu.training') }, { title: t('training.organisers.title') }]}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(undefined);
              setOpen(true);
            }}
            data-testid="organiser-create"
          >
            {t('training.organisers.create')}
          </Button>
        }
      />
      <Card>
        {organisers.isError ? (
          <LoadError error={organisers.error} onRetry={() => void organisers.refetch()} />
        ) : (
          <ResponsiveTable<Organiser>
            data-testid="organisers-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={organisers.data ?? []}
            loading={organisers.isFetching}
            pagination={false}
            locale={{ emptyText: organisers.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.organisers.empty')} /> }}
          />
        )}
      </Card>
      <OrganiserDrawer open={open} onClose={() => setOpen(false)} organiser={editing} />
    </>
  );
}
