import { Col, Form, Input, Radio, Row } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useCountyName } from '../../../app/shell/useCountyName.js';
import { formRules } from '../../../app/ui/formRules.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import { AREA_CODE_PATTERN, type Area } from './checkoutForm.js';

/** Who receives it and where: in this county down to the village (the door is found by it), or elsewhere with the area's code. */
export function ShipToFields() {
  const t = useT();
  const rules = formRules(t);
  const county = useCountyName() ?? '';
  const area = Form.useWatch<Area>('area');
  const name = t('checkout.field.name');
  const phone = t('checkout.field.phone');
  const address = t('checkout.field.address');
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={['shipTo', 'name']} label={name} rules={[rules.required(name), rules.max(name, 50)]}>
            <Input maxLength={50} autoComplete="name" data-testid="ship-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['shipTo', 'phone']} label={phone} rules={[rules.required(phone), rules.phone]}>
            <Input maxLength={11} inputMode="tel" autoComplete="tel" data-testid="ship-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="area" label={t('checkout.field.area')}>
        <Radio.Group
          optionType="button"
          data-testid="ship-area"
          options={[
            { value: 'county', label: t('checkout.area.county', { county }) },
            { value: 'outside', label: t('checkout.area.outside', { county }) },
          ]}
        />
      </Form.Item>
      {area === 'outside' ? (
        <Form.Item
          name="areaCode"
          label={t('checkout.field.areaCode')}
          extra={t('checkout.areaCodeHint')}
          rules={[rules.required(t('checkout.field.areaCode')), { pattern: AREA_CODE_PATTERN, message: t('checkout.areaCodeInvalid') }]}
        >
          <Input maxLength={6} inputMode="numeric" style={{ maxWidth: 200 }} data-testid="ship-area-code" />
        </Form.Item>
      ) : (
        <PlaceFields villageField="villageCode" villageRequired townshipLabel={t('checkout.field.township')} villageLabel={t('checkout.field.village')} testIds={{ township: 'ship-township', village: 'ship-village' }} />
      )}
      <Form.Item name={['shipTo', 'address']} label={address} rules={[rules.required(address), rules.max(address, 200)]}>
        <Input.TextArea rows={2} maxLength={200} autoComplete="street-address" placeholder={t('checkout.addressHint')} data-testid="ship-address" />
      </Form.Item>
    </>
  );
}
