import { Checkbox, Col, Flex, Form, Input, Row, Switch } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';

/**
 * The "has an operator" switch and, when on, the operator's name, phone and 贫困户 / 残疾人 / 党员 marks.
 * `maskedPhone` is the stored number as the server showed it masked: left empty, it is kept.
 */
export function OperatorFields({ maskedPhone }: { maskedPhone?: string | null }) {
  const t = useT();
  const rules = formRules(t);
  const form = Form.useFormInstance();
  const hasOperator = Form.useWatch('hasOperator', form) as boolean | undefined;

  return (
    <>
      <Form.Item name="hasOperator" label={t('site.edit.hasOperator')} valuePropName="checked">
        <Switch data-testid="has-operator" />
      </Form.Item>
      {hasOperator && (
        <>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name={['operator', 'name']} label={t('site.field.operatorName')} rules={[rules.required(t('site.field.operatorName')), rules.max(t('site.field.operatorName'), 64)]}>
                <Input maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['operator', 'phone']}
                label={t('site.field.operatorPhone')}
                extra={maskedPhone ? t('site.edit.phoneMasked', { phone: maskedPhone }) : undefined}
                rules={[rules.phone]}
              >
                <Input maxLength={11} inputMode="numeric" placeholder={maskedPhone ?? undefined} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('operator.preferred')} style={{ marginBottom: 0 }}>
            <Flex wrap gap={8} style={{ marginBottom: 24 }}>
              <Form.Item name={['operator', 'poorHousehold']} valuePropName="checked" noStyle>
                <Checkbox>{t('operator.poorHousehold.hint')}</Checkbox>
              </Form.Item>
              <Form.Item name={['operator', 'disabled']} valuePropName="checked" noStyle>
                <Checkbox>{t('operator.disabled')}</Checkbox>
              </Form.Item>
              <Form.Item name={['operator', 'partyMember']} valuePropName="checked" noStyle>
                <Checkbox>{t('operator.partyMember')}</Checkbox>
              </Form.Item>
            </Flex>
          </Form.Item>
        </>
      )}
    </>
  );
}
