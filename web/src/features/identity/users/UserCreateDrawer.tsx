import { useEffect, useState } from 'react';
import { App, Divider, Form, Input } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { useCreateUser } from '../../../api/identity.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { AccessFields } from './AccessFields.js';
import { PasswordField } from './PasswordField.js';
import { PhoneField } from './PhoneField.js';
import { emptyUser, toNewUser, USERNAME_PATTERN, type UserFormValues } from './userForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

/** Creates an account: name, initial password, phone, roles and the scope the roles need. */
export function UserCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const onFinish = (values: UserFormValues) => {
    clear();
    create.mutate(
      { user: toNewUser(values), idempotencyKey },
      {
        onSuccess: (user) => {
          void message.success(t('users.create.done', { name: user.username }));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <FormDrawer title={t('users.create.title')} open={open} onClose={onClose} width={560} saving={create.isPending} onSave={() => form.submit()} saveTestId="save-new-user" saveLabel={t('common.create')}>
      <Form<UserFormValues> form={form} name="user-create" layout="vertical" initialValues={emptyUser()} onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('users.section.account')}
        </Divider>
        <Form.Item
          name="username"
          label={t('users.field.username')}
          extra={t('users.usernameHint')}
          normalize={(value: string) => value.toLowerCase()}
          rules={[rules.required(t('users.field.username')), { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') }]}
        >
          <Input maxLength={32} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.field.displayName')} rules={[rules.required(t('users.field.displayName')), rules.max(t('users.field.displayName'), 64)]}>
          <Input maxLength={64} />
        </Form.Item>
        <PasswordField label={t('users.field.password')} />
        <PhoneField />

        <Divider titlePlacement="start">{t('users.section.access')}</Divider>
        <AccessFields />
      </Form>
    </FormDrawer>
  );
}
