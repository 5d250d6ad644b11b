import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useChangePassword } from '../../../api/auth.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const empty: Fields = { currentPassword: '', newPassword: '', confirm: '' };

/**
 * 修改密码: the current password, and the new one twice. A wrong current password is marked under its field (the
 * server's INVALID_CREDENTIALS here means that, not a wrong user name); other devices are signed out.
 */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<Fields>();
  const change = useChangePassword();
  const { message } = App.useApp();
  const errors = useServerErrors(form, { describe: (error) => (error.code === 'INVALID_CREDENTIALS' ? t('password.currentWrong') : undefined) });
  const { clear } = errors;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
  }, [open, form, clear]);

  const onFinish = ({ currentPassword, newPassword }: Fields) => {
    clear();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.done'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      title={t('password.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('password.submit')}
      okButtonProps={{ loading: change.isPending }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form<Fields> form={form} name="change-password" layout="vertical" initialValues={empty} onFinish={onFinish} autoComplete="off">
        {errors.banner}
        <Form.Item name="currentPassword" label={t('password.current')} rules={[rules.required(t('password.current'))]}>
          <Input.Password autoComplete="current-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.hint')}
          dependencies={['currentPassword']}
          rules={[
            rules.required(t('password.new')),
            rules.max(t('password.new'), 200),
            rules.password,
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => (!value || value !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.same')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            rules.required(t('password.confirm')),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
