import { Form, Input } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';

/** A password the admin sets for someone else (initial or reset), held to the server's rule. */
export function PasswordField({ label }: { label: string }) {
  const t = useT();
  const rules = formRules(t);
  return (
    <Form.Item
      name="password"
      label={label}
      extra={t('users.passwordHint')}
      rules={[
        rules.required(label),
        rules.max(label, 200),
        rules.password,
      ]}
    >
      <Input.Password autoComplete="new-password" maxLength={200} data-testid="user-password" />
    </Form.Item>
  );
}
