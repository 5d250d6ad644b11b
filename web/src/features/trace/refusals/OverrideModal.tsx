import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { useOverrideRefusal, type RefusalView } from '../../../api/trace-recalls.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { cropName, quantityText } from '../batches/batchLabels.js';

/** 准予采收: the regulator lets a refused harvest through; the reason is required and kept on the record and the batch. */
export function OverrideModal({ refusal, onClose }: { refusal: RefusalView; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const navigate = useNavigate();
  const [form] = Form.useForm<{ reason: string }>();
  const override = useOverrideRefusal();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const [key] = useState(newIdempotencyKey);
  const label = t('traceRecall.refusals.reason');

  const onFinish = ({ reason }: { reason: string }) => {
    errors.clear();
    override.mutate(
      { id: refusal.id, reason: reason.trim(), idempotencyKey: key },
      {
        onSuccess: ({ batch }) => {
          void message.success(t('traceRecall.refusals.done', { code: batch.code }));
          onClose();
          void navigate(`/trace/batches/${batch.id}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'ALREADY_OVERRIDDEN') {
            void message.warning(errorText(error, t));
            onClose();
          } else errors.show(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('traceRecall.refusals.overrideTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('traceRecall.refusals.override')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: override.isPending, danger: true, 'data-testid': 'override-submit' }}
    >
      <Form form={form} name="trace-override" layout="vertical" onFinish={onFinish}>
        {errors.banner}
        <Typography.Paragraph style={{ marginTop: 0 }}>
          {t('traceRecall.refusals.overrideSummary', {
            producer: refusal.producerName,
            plot: refusal.plotName,
            crop: cropName(t, refusal.crop),
            quantity: quantityText(t, refusal.quantity, refusal.unit),
            day: refusal.occurredOn,
          })}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('traceRecall.refusals.overrideWarning')} style={{ marginBottom: 16 }} />
        <Form.Item name="reason" label={label} rules={[rules.required(label), { min: 2, message: t('traceRecall.reasonShort') }, rules.max(label, 500)]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('traceRecall.refusals.reasonPlaceholder')} data-testid="override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
