import { Form, Input } from 'antd';
import type { SellerKind } from '../../../api/parties.js';
import { normalizeIdentifier } from '../../../app/identifiers.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';

/**
 * 统一社会信用代码 for an enterprise, co-op or individual business, 身份证号 for a farmer. The browser checks the
 * form (18 characters, which ones, upper case); the server's verdict on the check characters lands under it.
 */
export function IdentifierField({ kind }: { kind: SellerKind | undefined }) {
  const t = useT();
  const rules = formRules(t);
  const farmer = kind === 'farmer';
  const label = t(farmer ? 'seller.field.idNumber' : 'seller.field.creditCode');
  return (
    <Form.Item
      key={farmer ? 'idNumber' : 'creditCode'}
      name={farmer ? 'idNumber' : 'creditCode'}
      label={label}
      extra={t(farmer ? 'form.idNumberHint' : 'form.creditCodeHint')}
      normalize={normalizeIdentifier}
      validateFirst
      rules={[rules.required(label), farmer ? rules.idNumber : rules.creditCode]}
    >
      <Input
        maxLength={18}
        showCount
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid={farmer ? 'seller-id-number' : 'seller-credit-code'}
      />
    </Form.Item>
  );
}
