import { useState } from 'react';
import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { usePackBatch, type BatchView } from '../../../api/trace-batches.js';
import { formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Values {
  cartons: number;
  unitsPerCarton: number;
}

/** 装箱赋码: cartons (and units in each) get serial codes of their own, printed as carton and unit labels. */
export function PackModal({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const pack = usePackBatch();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const [key] = useState(newIdempotencyKey);
  const cartons = Form.useWatch('cartons', form) ?? 0;
  const perCarton = Form.useWatch('unitsPerCarton', form) ?? 0;
  const cartonsLabel = t('traceBatch.pack.cartons');
  const unitsLabel = t('traceBatch.pack.unitsPerCarton');

  const onFinish = (values: Values) => {
    errors.clear();
    pack.mutate(
      { id: batch.id, ...values, idempotencyKey: key },
      {
        onSuccess: (made) => {
          void message.success(t('traceBatch.pack.done', { cartons: made.cartons, units: made.units }));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open
      title={t('traceBatch.pack.title', { code: batch.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('traceBatch.pack.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: pack.isPending, 'data-testid': 'pack-submit' }}
    >
      <Form form={form} name="trace-pack" layout="vertical" onFinish={onFinish} initialValues={{ cartons: 10, unitsPerCarton: 0 }}>
        {errors.banner}
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {batch.cartons > 0 ? t('traceBatch.pack.already', { cartons: batch.cartons, units: batch.units }) : t('traceBatch.pack.hint')}
        </Typography.Paragraph>
        <Form.Item name="cartons" label={cartonsLabel} rules={[{ required: true, message: t('form.required', { field: cartonsLabel }) }]}>
          <InputNumber min={1} max={1000} precision={0} style={{ width: 200 }} data-testid="pack-cartons" />
        </Form.Item>
        <Form.Item name="unitsPerCarton" label={unitsLabel} extra={t('traceBatch.pack.unitsHint')} rules={[{ required: true, message: t('form.required', { field: unitsLabel }) }]}>
          <InputNumber min={0} max={200} precision={0} style={{ width: 200 }} data-testid="pack-units" />
        </Form.Item>
        <Typography.Text data-testid="pack-total">{t('traceBatch.pack.total', { cartons: formatNumber(cartons), units: formatNumber(cartons * perCarton) })}</Typography.Text>
      </Form>
    </Modal>
  );
}
