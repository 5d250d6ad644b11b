import { Checkbox, Form, Input } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';

/**
 * The account's mobile number. `masked` is the stored number as the server showed it (138****5678): left empty it
 * is kept, and a box removes it.
 */
export function PhoneField({ masked }: { masked?: string | null }) {
  const t = useT();
  const rules = formRules(t);
  const removing = Form.useWatch('removePhone') as boolean | undefined;
  return (
    <>
      <Form.Item
        name="phone"
        label={t('users.field.phone')}
        rules={[rules.phone]}
        extra={masked ? t('users.phoneMasked', { phone: masked }) : undefined}
        style={masked ? { marginBottom: 8 } : undefined}
      >
        <Input maxLength={11} inputMode="numeric" placeholder={masked ?? undefined} disabled={removing} />
      </Form.Item>
      {masked && (
        <Form.Item name="removePhone" valuePropName="checked">
          <Checkbox>{t('users.removePhone')}</Checkbox>
        </Form.Item>
      )}
    </>
  );
}
