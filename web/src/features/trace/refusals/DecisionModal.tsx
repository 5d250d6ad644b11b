import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { useDecideReview, type RefusalView } from '../../../api/trace-recalls.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { cropName, quantityText } from '../batches/batchLabels.js';

export type Outcome = 'uphold' | 'release';

/** The server's shortest reason. */
const REASON_MIN = 4;

function texts(t: Translate, review: RefusalView, outcome: Outcome) {
  if (review.kind === 'harvest') {
    return outcome === 'release'
      ? { title: t('traceRecall.refusals.overrideTitle'), ok: t('traceRecall.refusals.override'), warning: t('traceRecall.refusals.overrideWarning') }
      : { title: t('traceRecall.refusals.upholdHarvestTitle'), ok: t('traceRecall.refusals.uphold.harvest'), warning: t('traceRecall.refusals.upholdHarvestWarning') };
  }
  return outcome === 'release'
    ? { title: t('traceRecall.refusals.releaseHoldTitle'), ok: t('traceRecall.refusals.release.hold'), warning: t('traceRecall.refusals.releaseHoldWarning') }
    : { title: t('traceRecall.refusals.upholdHoldTitle'), ok: t('traceRecall.refusals.uphold.hold'), warning: t('traceRecall.refusals.upholdHoldWarning') };
}

/**
 * The regulator's decision on an entry of the queue: 维持 (the refusal stands / the batches stay off sale) or 放行
 * (准予采收 makes the batch / the batches go back on sale). The reason is required and goes on record.
 */
export function DecisionModal({ review, outcome, onClose }: { review: RefusalView; outcome: Outcome; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const navigate = useNavigate();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideReview();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const [key] = useState(newIdempotencyKey);
  const label = t('traceRecall.refusals.reason');
  const text = texts(t, review, outcome);

  const onFinish = ({ reason }: { reason: string }) => {
    errors.clear();
    decide.mutate(
      { id: review.id, outcome, reason: reason.trim(), idempotencyKey: key },
      {
        onSuccess: (decided) => {
          onClose();
          void message.success(t('traceRecall.refusals.decided'));
          // A permitted harvest made its batch: open it.
          if (decided.kind === 'harvest' && outcome === 'release' && decided.batchId) void navigate(`/trace/batches/${decided.batchId}`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'ALREADY_DECIDED') {
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
      title={text.title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={text.ok}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: decide.isPending, danger: outcome === 'release', 'data-testid': 'decision-submit' }}
    >
      <Form form={form} name="trace-decision" layout="vertical" onFinish={onFinish}>
        {errors.banner}
        <Typography.Paragraph style={{ marginTop: 0 }}>
          {t('traceRecall.refusals.overrideSummary', {
            producer: review.producerName,
            plot: review.plotName,
            crop: cropName(t, review.crop),
            quantity: quantityText(t, review.quantity, review.unit),
            day: review.occurredOn,
          })}
        </Typography.Paragraph>
        {review.heldBatches.length > 0 && (
          <Typography.Paragraph>
            {review.heldBatches.map((b) => (
              <Tag key={b.id} style={{ fontFamily: 'monospace' }}>
                {b.code}
              </Tag>
            ))}
          </Typography.Paragraph>
        )}
        <Alert type={outcome === 'release' ? 'warning' : 'info'} showIcon title={text.warning} style={{ marginBottom: 16 }} />
        <Form.Item name="reason" label={label} rules={[rules.required(label), { validator: (_, v: string | undefined) => ((v ?? '').trim().length >= REASON_MIN ? Promise.resolve() : Promise.reject(new Error(t('traceRecall.refusals.reasonShort')))) }, rules.max(label, 500)]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('traceRecall.refusals.reasonPlaceholder')} data-testid="decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
