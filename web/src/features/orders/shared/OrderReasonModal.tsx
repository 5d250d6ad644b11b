import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { ApiError } from '../../../api/http.js';
import { useOrderAction, type Order } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

/** What needs a reason: cancelling (a paid order is refunded), asking to return, refusing a return. */
export type ReasonKind = 'cancel' | 'return' | 'refuse';

const ACTION = { cancel: 'cancel', return: 'return', refuse: 'return/refuse' } as const;

/** Asks why, then cancels, asks to return or refuses the return. When the order moved meanwhile, it closes. */
export function OrderReasonModal({ order, kind, open, onClose }: { order: Order; kind: ReasonKind; open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<{ reason: string }>();
  const act = useOrderAction();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const label = t(`order.${kind}.reason`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
  }, [open, form, clear]);

  const onFinish = ({ reason }: { reason: string }) => {
    clear();
    act.mutate(
      { id: order.id, action: ACTION[kind], reason: reason.trim() },
      {
        onSuccess: (next) => {
          void message.success(kind === 'cancel' && next.status === 'refunded' ? t('order.cancel.refunded') : t(`order.${kind}.done`));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'ORDER_STATUS_CONFLICT') {
            void message.error(errorText(error, t));
            onClose();
          } else errors.show(error);
        },
      },
    );
  };

  return (
    <Modal
      title={t(`order.${kind}.title`)}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`order.${kind}.ok`)}
      okButtonProps={{ danger: kind !== 'return', loading: act.isPending, 'data-testid': `confirm-${kind}` }}
      cancelText={t('common.back')}
      forceRender
    >
      <Form form={form} name={`order-${kind}`} layout="vertical" onFinish={onFinish} initialValues={{ reason: '' }}>
        {errors.banner}
        {kind === 'cancel' && order.status === 'paid' && <p style={{ marginTop: 0 }}>{t('order.cancel.refundNote')}</p>}
        {kind === 'refuse' && order.returnReason && <p style={{ marginTop: 0 }}>{t('order.refuse.asked', { reason: order.returnReason })}</p>}
        <Form.Item name="reason" label={label} rules={[rules.required(label), rules.max(label, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t(`order.${kind}.hint`)} data-testid={`${kind}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
