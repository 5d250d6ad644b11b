import { Checkbox, Col, Form, Input, InputNumber, Row } from 'antd';
import { SITE_SERVICES, type SiteService } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';

/** The fields a site has whatever its kind, as the form holds them. */
export interface SiteInfoValues {
  name: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  floorAreaM2: number | null;
  openingHours: string;
  services: SiteService[];
}

/** Name, address, coordinates, floor area, opening hours and services, with the server's limits. */
export function SiteInfoFields({ namePlaceholder, addressPlaceholder }: { namePlaceholder?: string; addressPlaceholder?: string }) {
  const t = useT();
  const rules = formRules(t);
  return (
    <>
      <Form.Item name="name" label={t('site.field.name')} rules={[rules.required(t('site.field.name')), rules.max(t('site.field.name'), 100)]}>
        <Input maxLength={100} placeholder={namePlaceholder} />
      </Form.Item>
      <Form.Item name="address" label={t('site.field.address')} rules={[rules.required(t('site.field.address')), rules.max(t('site.field.address'), 200)]}>
        <Input maxLength={200} placeholder={addressPlaceholder} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="longitude" label={t('site.field.longitude')}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="latitude" label={t('site.field.latitude')}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="floorAreaM2" label={t('site.field.floorArea')}>
            <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="openingHours" label={t('site.field.openingHours')} rules={[rules.max(t('site.field.openingHours'), 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="services" label={t('site.field.services')}>
        <Checkbox.Group options={SITE_SERVICES.map((s) => ({ value: s, label: t(`service.${s}`) }))} />
      </Form.Item>
    </>
  );
}
