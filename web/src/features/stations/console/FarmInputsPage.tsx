import { useEffect, useMemo, useState } from 'react';
import { App, Button, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Segmented, Select, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { newIdempotencyKey } from '../../../api/http.js';
import { FARM_INPUT_KINDS, useFarmInputs, useSaveFarmInput, type FarmInput, type FarmInputKind } from '../../../api/stations.js';
import { formatFen, yuanToFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { formRules } from '../../../app/ui/formRules.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { mayEditStationConfig } from './access.js';

const KIND_COLOURS: Record<FarmInputKind, string> = { seed: 'green', fertiliser: 'blue', pesticide: 'orange' };

interface InputForm {
  name: string;
  kind: FarmInputKind;
  registrationNo?: string | null;
  maker: string;
  spec: string;
  unit: string;
  price: number;
  restricted: boolean;
  active: boolean;
}

function FarmInputDrawer({ open, input, onClose }: { open: boolean; input: FarmInput | null; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<InputForm>();
  const errors = useServerErrors(form, { fields: { priceFen: ['price'] } });
  const save = useSaveFarmInput();
  const [key, setKey] = useState('');
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    form.setFieldsValue(input ? { ...input, registrationNo: input.registrationNo ?? undefined, price: input.priceFen / 100 } : { kind: 'fertiliser', restricted: false, active: true });
  }, [open, input]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({
        id: input?.id,
        input: {
          name: v.name.trim(),
          kind: v.kind,
          registrationNo: v.registrationNo?.trim() || undefined,
          maker: v.maker.trim(),
          spec: v.spec.trim(),
          unit: v.unit.trim(),
          priceFen: yuanToFen(v.price),
          restricted: v.kind === 'pesticide' ? !!v.restricted : false,
          ...(input && { active: v.active }),
        },
        idempotencyKey: key,
      });
      void message.success(t('stations.console.inputs.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  return (
    <FormDrawer
      title={input ? t('stations.console.inputs.edit') : t('stations.console.inputs.create')}
      open={open}
      onClose={onClose}
      width={560}
      saving={save.isPending}
      onSave={() => void submit()}
      saveTestId="input-save"
    >
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="kind" label={t('stations.console.col.inputKind')}>
          <Segmented options={FARM_INPUT_KINDS.map((k) => ({ value: k, label: t(`stations.console.inputs.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('stations.console.col.inputName')} rules={[rules.required(t('stations.console.col.inputName'))]}>
          <Input maxLength={60} data-testid="input-name" />
        </Form.Item>
        <Form.Item name="registrationNo" label={t('stations.console.col.registrationNo')} rules={kind === 'fertiliser' ? [] : [rules.required(t('stations.console.col.registrationNo'))]} extra={t(`stations.console.inputs.regHint.${kind ?? 'fertiliser'}`)}>
          <Input maxLength={40} data-testid="input-reg" />
        </Form.Item>
        <Form.Item name="maker" label={t('stations.console.col.maker')} rules={[rules.required(t('stations.console.col.maker'))]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="spec" label={t('stations.console.col.spec')} rules={[rules.required(t('stations.console.col.spec'))]}>
              <Input maxLength={40} placeholder="40kg/袋" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="unit" label={t('stations.console.col.unit')} rules={[rules.required(t('stations.console.col.unit'))]}>
              <Input maxLength={8} placeholder="袋" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="price" label={t('stations.console.inputs.priceYuan')} rules={[rules.chosen(t('stations.console.inputs.priceYuan'))]}>
              <InputNumber min={0.01} max={1000000} precision={2} style={{ width: '100%' }} data-testid="input-price" />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'pesticide' && (
          <Form.Item name="restricted" valuePropName="checked">
            <Checkbox>{t('stations.console.inputs.restrictedLong')}</Checkbox>
          </Form.Item>
        )}
        {input && (
          <Form.Item name="active" label={t('stations.console.inputs.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}

/** 农资目录: the county's catalogue of seeds, fertilisers and pesticides with registration numbers; 限用 marked. */
export function FarmInputsPage() {
  const t = useT();
  const user = useUser();
  const editable = mayEditStationConfig(user);
  const inputs = useFarmInputs();
  const [kind, setKind] = useState<FarmInputKind | undefined>();
  const [drawer, setDrawer] = useState<{ open: boolean; input: FarmInput | null }>({ open: false, input: null });
  const rows = useMemo(() => (inputs.data ?? []).filter((i) => !kind || i.kind === kind), [inputs.data, kind]);

  const columns: TableColumnsType<FarmInput> = [
    {
      key: 'name',
      title: t('stations.console.col.inputName'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong={row.active} type={row.active ? undefined : 'secondary'}>
            {name}
          </Typography.Text>
          {row.restricted && (
            <Tag color="red" data-testid="input-restricted">
              {t('stations.console.inputs.restricted')}
            </Tag>
          )}
          {!row.active && <Tag>{t('stations.console.inputs.inactive')}</Tag>}
        </Flex>
      ),
    },
    { key: 'kind', title: t('stations.console.col.inputKind'), dataIndex: 'kind', render: (k: FarmInputKind) => <Tag color={KIND_COLOURS[k]}>{t(`stations.console.inputs.kind.${k}`)}</Tag> },
    { key: 'reg', title: t('stations.console.col.registrationNo'), dataIndex: 'registrationNo', render: (v: string | null, row) => (v ? <span style={{ whiteSpace: 'nowrap' }}>{v}</span> : <Typography.Text type="secondary">{row.registrationLabel}</Typography.Text>) },
    { key: 'maker', title: t('stations.console.col.maker'), dataIndex: 'maker' },
    { key: 'spec', title: t('stations.console.col.spec'), dataIndex: 'spec' },
    { key: 'price', title: t('stations.console.col.price'), dataIndex: 'priceFen', align: 'right', render: (v: number, row) => `${formatFen(v)}/${row.unit}` },
    ...(editable
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, row: FarmInput) => (
              <Button size="small" onClick={() => setDrawer({ open: true, input: row })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('stations.console.inputs.title')}
        subtitle={t('stations.console.inputs.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, input: null })} data-testid="input-create">
              {t('stations.console.inputs.create')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('stations.console.inputs.kindAll')}
          value={kind}
          onChange={(next?: FarmInputKind) => setKind(next)}
          options={FARM_INPUT_KINDS.map((k) => ({ value: k, label: t(`stations.console.inputs.kind.${k}`) }))}
          style={{ width: 140 }}
        />
      </Flex>
      {inputs.isError ? (
        <LoadError error={inputs.error} onRetry={() => void inputs.refetch()} />
      ) : (
        <ResponsiveTable<FarmInput>
          data-testid="farm-inputs"
          rowKey="id"
          size="middle"
          loading={inputs.isPending}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('stations.console.inputs.empty') }}
        />
      )}
      <FarmInputDrawer open={drawer.open} input={drawer.input} onClose={() => setDrawer({ open: false, input: null })} />
    </>
  );
}
