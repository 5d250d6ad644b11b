import { useState } from 'react';
import { App, Button, Flex, Form, InputNumber, Modal, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { newIdempotencyKey } from '../../../api/http.js';
import { useSplitBatch, type BatchView } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { quantityText, unitName } from '../batches/batchLabels.js';

interface Values {
  parts: { quantity?: number | null }[];
}

const MAX_PARTS = 50;

/** 拆分: parts of what is left become batches of their own (for different buyers or grades); the rest stays here. */
export function SplitModal({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const split = useSplitBatch();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const [key] = useState(newIdempotencyKey);
  const parts = Form.useWatch('parts', form) ?? [];
  const total = parts.reduce((sum, p) => sum + (p?.quantity ?? 0), 0);
  const over = total > batch.quantityLeft;

  const onFinish = ({ parts: chosen }: Values) => {
    errors.clear();
    split.mutate(
      { id: batch.id, parts: chosen.map((p) => ({ quantity: p.quantity ?? 0 })), idempotencyKey: key },
      {
        onSuccess: (made) => {
          void message.success(t('traceBatch.split.done', { count: made.items.length, codes: made.items.map((b) => b.code).join('、') }));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open
      title={t('traceBatch.split.title', { code: batch.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('traceBatch.split.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: split.isPending, disabled: over || total <= 0, 'data-testid': 'split-submit' }}
    >
      <Form form={form} name="trace-split" layout="vertical" onFinish={onFinish} initialValues={{ parts: [{ quantity: null }] }}>
        {errors.banner}
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('traceBatch.split.hint', { left: quantityText(t, batch.quantityLeft, batch.unit) })}
        </Typography.Paragraph>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} align="flex-start" gap={8}>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    style={{ marginBottom: 12 }}
                    rules={[{ required: true, message: t('form.required', { field: t('traceBatch.split.part', { n: index + 1 }) }) }]}
                  >
                    <InputNumber
                      min={0.01}
                      step={1}
                      style={{ width: 240 }}
                      prefix={<span style={{ color: '#8c8c8c', marginInlineEnd: 4 }}>{t('traceBatch.split.part', { n: index + 1 })}</span>}
                      suffix={unitName(t, batch.unit)}
                      data-testid={`split-part-${index}`}
                    />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('traceBatch.split.remove')} />}
                </Flex>
              ))}
              {fields.length < MAX_PARTS && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: null })} data-testid="split-add">
                  {t('traceBatch.split.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Typography.Paragraph type={over ? 'danger' : 'secondary'} style={{ marginTop: 12, marginBottom: 0 }} data-testid="split-remaining">
          {over
            ? t('traceBatch.split.over', { left: quantityText(t, batch.quantityLeft, batch.unit) })
            : t('traceBatch.split.remaining', { total: quantityText(t, total, batch.unit), rest: quantityText(t, Math.round((batch.quantityLeft - total) * 100) / 100, batch.unit) })}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
