import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { newIdempotencyKey } from '../../../api/http.js';
import { CERT_KINDS, useAddCertification, type CertKind, type Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface CertValues {
  kind?: CertKind;
  number: string;
  issuer: string;
  validity: [Dayjs, Dayjs] | null;
}

/** 添加认证: a green-food, organic or geographical-indication certificate with its number, issuer and validity. */
export function CertificationModal({ product, open, onClose }: { product: Product; open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<CertValues>();
  const add = useAddCertification(product.id);
  const { message } = App.useApp();
  const errors = useServerErrors(form, { fields: { validFrom: ['validity'], validTo: ['validity'] } });
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const onFinish = (v: CertValues) => {
    clear();
    add.mutate(
      { idempotencyKey, certification: { kind: v.kind!, number: v.number.trim(), issuer: v.issuer.trim(), validFrom: v.validity![0].format('YYYY-MM-DD'), validTo: v.validity![1].format('YYYY-MM-DD') } },
      {
        onSuccess: () => {
          void message.success(t('cert.done'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  const label = (key: 'kind' | 'number' | 'issuer' | 'validity') => t(`cert.field.${key}`);
  return (
    <Modal
      title={t('cert.title', { name: product.name })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: add.isPending }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form<CertValues> form={form} name="certification" layout="vertical" onFinish={onFinish} initialValues={{ kind: undefined, number: '', issuer: '', validity: null }}>
        {errors.banner}
        <Form.Item name="kind" label={label('kind')} rules={[rules.chosen(label('kind'))]}>
          <Select options={CERT_KINDS.map((k) => ({ value: k, label: t(`certKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="number" label={label('number')} rules={[rules.required(label('number')), rules.max(label('number'), 50)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="issuer" label={label('issuer')} rules={[rules.required(label('issuer')), rules.max(label('issuer'), 100)]}>
          <Input maxLength={100} placeholder={t('cert.issuerHint')} />
        </Form.Item>
        <Form.Item name="validity" label={label('validity')} extra={t('cert.validityHint')} rules={[rules.chosen(label('validity'))]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
