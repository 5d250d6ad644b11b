import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { useCreateBase, type ProducerView } from '../../../api/trace-farm.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Values {
  name: string;
  townshipCode?: string;
  divisionCode?: string;
  areaMu?: number | null;
}

/** 添加基地: a named piece of land in a village (the producer's own village to begin with) and its area in 亩. */
export function BaseCreateModal({ producer, open, onClose }: { producer: ProducerView; open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateBase();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const [key, setKey] = useState('');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ townshipCode: producer.divisionCode.slice(0, 9), divisionCode: producer.divisionCode });
    clear();
    setKey(newIdempotencyKey());
  }, [open, producer.divisionCode, form, clear]);

  const onFinish = (v: Values) => {
    clear();
    create.mutate(
      { input: { producerId: producer.id, name: v.name.trim(), divisionCode: v.divisionCode!, areaMu: v.areaMu! }, idempotencyKey: key },
      {
        onSuccess: (base) => {
          void message.success(t('trace.producers.base.created', { name: base.name }));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  const name = t('trace.producers.base.name');
  const area = t('trace.producers.base.area');
  return (
    <Modal
      title={t('trace.producers.base.title', { producer: producer.name })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'base-save' }}
      forceRender
    >
      <Form<Values> form={form} name="base-create" layout="vertical" onFinish={onFinish} autoComplete="off">
        {errors.banner}
        <Form.Item name="name" label={name} rules={[rules.required(name), rules.max(name, 60)]}>
          <Input maxLength={60} placeholder={t('trace.producers.base.nameHint')} data-testid="base-name" />
        </Form.Item>
        <PlaceFields villageField="divisionCode" villageRequired townshipLabel={t('trace.producers.field.township')} villageLabel={t('trace.producers.field.village')} testIds={{ township: 'base-township', village: 'base-village' }} />
        <Form.Item name="areaMu" label={area} rules={[rules.chosen(area)]}>
          <InputNumber min={0.01} max={1_000_000} step={1} style={{ width: '100%' }} suffix={t('trace.mu')} data-testid="base-area" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
