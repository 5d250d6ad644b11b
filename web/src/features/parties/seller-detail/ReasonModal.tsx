import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { ApiError } from '../../../api/http.js';
import { useDecideSeller, type Seller } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Props {
  seller: Seller;
  /** 驳回 an application or 暂停 an approved seller: both need a reason the seller will see. */
  action: 'reject' | 'suspend';
  open: boolean;
  onClose: () => void;
}

/** Asks why, then rejects or suspends. When someone else changed the seller meanwhile, it closes on the reloaded page. */
export function ReasonModal({ seller, action, open, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideSeller(seller.id);
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const label = t(`seller.reason.${action}`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
  }, [open, form, clear]);

  const onFinish = ({ reason }: { reason: string }) => {
    clear();
    decide.mutate(
      { action, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t(`seller.done.${action}`));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'SELLER_STATUS_CONFLICT') {
            void message.error(errorText(error, t));
            onClose();
          } else errors.show(error);
        },
      },
    );
  };

  return (
    <Modal
      title={t(action === 'reject' ? 'seller.confirm.reject' : 'seller.confirm.suspend', { name: seller.name })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`seller.action.${action}`)}
      okButtonProps={{ danger: true, loading: decide.isPending }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} name={`seller-${action}`} layout="vertical" onFinish={onFinish} initialValues={{ reason: '' }}>
        {errors.banner}
        {action === 'suspend' && <p style={{ marginTop: 0 }}>{t('seller.confirm.suspendBody')}</p>}
        <Form.Item name="reason" label={label} rules={[rules.required(label), rules.max(label, 500)]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t(`seller.reason.${action}Hint`)} data-testid="decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
