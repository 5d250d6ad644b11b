import { useEffect } from 'react';
import { App, Col, Divider, Form, Input, Radio, Row, Switch } from 'antd';
import { useMe, type User } from '../../../api/auth.js';
import { useUpdateUser } from '../../../api/identity.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { isMasked } from '../../../app/phone.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { AccessFields } from './AccessFields.js';
import { PasswordField } from './PasswordField.js';
import { PhoneField } from './PhoneField.js';
import { toChanges, toFormValues, type UserFormValues } from './userForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

interface Props {
  user: User;
  open: boolean;
  onClose: () => void;
}

/** Changes an account's name, phone, roles, scope and status, or resets its password; sends only what changed. */
export function UserEditDrawer({ user, open, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<UserFormValues>();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const resetPassword = Form.useWatch('resetPassword', form);
  // Your own password changes with the current one (the account menu), not here.
  const isSelf = useMe().data?.id === user.id;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(user));
    clear();
  }, [open, user, form, clear]);

  const onFinish = (values: UserFormValues) => {
    const changes = toChanges(user, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('form.noChanges'));
      onClose();
      return;
    }
    clear();
    update.mutate(
      { id: user.id, changes },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <FormDrawer title={t('users.edit.title', { name: user.username })} open={open} onClose={onClose} width={560} saving={update.isPending} onSave={() => form.submit()} saveTestId="save-user">
      <Form<UserFormValues> form={form} name="user-edit" layout="vertical" initialValues={toFormValues(user)} onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('users.section.account')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="username" label={t('users.field.username')}>
              <Input disabled />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('users.field.displayName')} rules={[rules.required(t('users.field.displayName')), rules.max(t('users.field.displayName'), 64)]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <PhoneField masked={isMasked(user.phone) ? user.phone : null} />

        <Divider titlePlacement="start">{t('users.section.access')}</Divider>
        <AccessFields initial={user.scope} />

        <Divider titlePlacement="start">{t('users.section.status')}</Divider>
        <Form.Item name="status" label={t('users.field.status')} extra={t('users.statusHint')}>
          <Radio.Group
            optionType="button"
            data-testid="user-status"
            options={[
              { value: 'active', label: t('users.status.enable') },
              { value: 'disabled', label: t('users.status.disable') },
            ]}
          />
        </Form.Item>
        {!isSelf && (
          <Form.Item name="resetPassword" label={t('users.resetPassword')} valuePropName="checked" extra={resetPassword ? t('users.resetPasswordHint') : undefined}>
            <Switch data-testid="user-reset-password" />
          </Form.Item>
        )}
        {resetPassword && !isSelf && <PasswordField label={t('users.field.newPassword')} />}
      </Form>
    </FormDrawer>
  );
}
