import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api/http.js';
import type { BatchView } from '../../../api/trace-batches.js';
import { useOpenRecall } from '../../../api/trace-recalls.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { BatchPicker } from './BatchPicker.js';

interface Values {
  batchIds: string[];
  reason: string;
}

/** 发起召回: the batches (found by code) and the reason; stock freezes and every buyer is notified at once. */
export function OpenRecallModal({ onClose, batches = [] }: { onClose: () => void; batches?: BatchView[] }) {
  const t = useT();
  const rules = formRules(t);
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const open = useOpenRecall();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const [key] = useState(newIdempotencyKey);
  const batchesLabel = t('traceRecall.col.batches');
  const reasonLabel = t('traceRecall.col.reason');

  const onFinish = ({ batchIds, reason }: Values) => {
    errors.clear();
    open.mutate(
      { batchIds, reason: reason.trim(), idempotencyKey: key },
      {
        onSuccess: (recall) => {
          void message.success(t('traceRecall.open.done', { orders: recall.counts.orders, buyers: recall.counts.buyers }));
          onClose();
          void navigate(`/trace/recalls/${recall.id}`);
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={t('traceRecall.open.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('traceRecall.open.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: open.isPending, danger: true, 'data-testid': 'recall-submit' }}
    >
      <Form form={form} name="trace-recall" layout="vertical" onFinish={onFinish} initialValues={{ batchIds: batches.map((b) => b.id) }}>
        {errors.banner}
        <Alert type="warning" showIcon title={t('traceRecall.open.warning')} style={{ marginBottom: 16 }} />
        <Form.Item name="batchIds" label={batchesLabel} rules={[{ required: true, type: 'array', min: 1, message: t('form.choose', { field: batchesLabel }) }]}>
          <BatchPicker known={batches} />
        </Form.Item>
        <Form.Item name="reason" label={reasonLabel} rules={[rules.required(reasonLabel), { min: 2, message: t('traceRecall.reasonShort') }, rules.max(reasonLabel, 500)]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('traceRecall.open.reasonPlaceholder')} data-testid="recall-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
