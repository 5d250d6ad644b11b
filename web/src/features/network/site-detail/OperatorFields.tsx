import { Checkbox, Col, Flex, Form, Input, Row } from 'antd';
import type { SiteDetail } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { isMasked, type SiteFormValues } from './siteForm.js';

/** Name, phone and the 贫困户 / 残疾人 / 党员 marks of the site's operator (shown when it has one). */
export function OperatorFields({ site }: { site: SiteDetail }) {
  const t = useT();
  const form = Form.useFormInstance<SiteFormValues>();
  const hasOperator = Form.useWatch('hasOperator', form);
  if (!hasOperator) return null;
  const maskedPhone = isMasked(site.operator?.phone) ? site.operator?.phone : null;

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['operator', 'name']}
            label={t('site.field.operatorName')}
            rules={[
              { required: true, whitespace: true, message: t('site.edit.required', { field: t('site.field.operatorName') }) },
              { max: 64, message: t('site.edit.tooLong', { field: t('site.field.operatorName'), max: 64 }) },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['operator', 'phone']}
            label={t('site.field.operatorPhone')}
            extra={maskedPhone ? t('site.edit.phoneMasked', { phone: maskedPhone }) : undefined}
            rules={[{ pattern: /^1\d{10}$/, message: t('site.edit.phoneInvalid') }]}
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
  );
}

