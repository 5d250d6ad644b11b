import { useEffect, useState } from 'react';
import { App, AutoComplete, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { CROPS, useCreatePlot, type BaseView, type Crop } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Values {
  baseId?: string;
  name: string;
  crop?: Crop;
  variety?: string;
  areaMu?: number | null;
  plantedYear?: number | null;
}

/** Varieties grown in the county, offered as one tap (anything else may be typed). */
const VARIETIES: Record<Crop, string[]> = {
  apple: ['红富士', '嘎啦', '冰糖心', '秦冠'],
  walnut: ['鲁甸核桃', '漾濞泡核桃', '云新核桃'],
  pepper: ['鲁甸青花椒', '九叶青', '藤椒'],
  other: [],
};

/** 添加地块: on one of the producer's bases, what crop and variety, how many 亩, and the year it was planted. */
export function PlotCreateModal({ bases, open, onClose }: { bases: BaseView[]; open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlot();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const [key, setKey] = useState('');
  const crop = Form.useWatch('crop', form);
  const onlyBase = bases.length === 1 ? bases[0].id : undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ baseId: onlyBase });
    clear();
    setKey(newIdempotencyKey());
  }, [open, onlyBase, form, clear]);

  const onFinish = (v: Values) => {
    clear();
    create.mutate(
      {
        input: { baseId: v.baseId!, name: v.name.trim(), crop: v.crop!, variety: v.variety?.trim() ?? '', areaMu: v.areaMu!, ...(v.plantedYear ? { plantedYear: v.plantedYear } : {}) },
        idempotencyKey: key,
      },
      {
        onSuccess: (plot) => {
          void message.success(t('trace.producers.plot.created', { name: plot.name }));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  const base = t('trace.producers.plot.base');
  const name = t('trace.producers.plot.name');
  const cropLabel = t('trace.producers.plot.crop');
  const variety = t('trace.producers.plot.variety');
  const area = t('trace.producers.plot.area');
  return (
    <Modal
      title={t('trace.producers.plot.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'plot-save' }}
      forceRender
    >
      <Form<Values> form={form} name="plot-create" layout="vertical" onFinish={onFinish} autoComplete="off">
        {errors.banner}
        <Form.Item name="baseId" label={base} rules={[rules.chosen(base)]}>
          <Select options={bases.map((b) => ({ value: b.id, label: b.name }))} data-testid="plot-base" />
        </Form.Item>
        <Form.Item name="name" label={name} rules={[rules.required(name), rules.max(name, 60)]}>
          <Input maxLength={60} placeholder={t('trace.producers.plot.nameHint')} data-testid="plot-name" />
        </Form.Item>
        <Form.Item name="crop" label={cropLabel} rules={[rules.chosen(cropLabel)]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={CROPS.map((c) => ({ value: c, label: t(`trace.crop.${c}`) }))} data-testid="plot-crop" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="variety" label={variety} rules={[rules.max(variety, 40)]}>
              <AutoComplete options={(crop ? VARIETIES[crop] : []).map((v) => ({ value: v }))} data-testid="plot-variety">
                <Input maxLength={40} />
              </AutoComplete>
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="areaMu" label={area} rules={[rules.chosen(area)]}>
              <InputNumber min={0.01} max={100_000} style={{ width: '100%' }} suffix={t('trace.mu')} data-testid="plot-area" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="plantedYear" label={t('trace.producers.plot.plantedYear')}>
              <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} data-testid="plot-year" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
