import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { STOCK_LOCATIONS } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { emptySku } from './productForm.js';

/** A product's specifications (1–20): spec, unit, net weight, price in yuan, opening stock and where it is kept. */
export function SkuListFields() {
  const t = useT();
  const rules = formRules(t);
  const label = (key: 'spec' | 'unit' | 'weight' | 'price' | 'stock' | 'location') => t(`sku.field.${key}`);
  return (
    <Form.List name="skus" rules={[{ validator: (_, list: unknown[]) => (list?.length ? Promise.resolve() : Promise.reject(new Error(t('sku.atLeastOne')))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('sku.title', { n: index + 1 })}
              style={{ marginBottom: 12 }}
              extra={fields.length > 1 && <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('sku.remove')} onClick={() => remove(field.name)} />}
              data-testid="sku-fields"
            >
              <Row gutter={12}>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'spec']} label={label('spec')} rules={[rules.required(label('spec')), rules.max(label('spec'), 50)]}>
                    <Input maxLength={50} placeholder={t('sku.specHint')} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'unit']} label={label('unit')} rules={[rules.required(label('unit')), rules.max(label('unit'), 10)]}>
                    <Input maxLength={10} placeholder={t('sku.unitHint')} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'netWeightG']} label={label('weight')} rules={[rules.chosen(label('weight'))]}>
                    <InputNumber min={1} max={1_000_000} precision={0} suffix="g" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'priceYuan']} label={label('price')} rules={[rules.chosen(label('price'))]}>
                    <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'stock']} label={label('stock')}>
                    <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'location']} label={label('location')}>
                    <Select options={STOCK_LOCATIONS.map((l) => ({ value: l, label: t(`stockLocation.${l}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < 20 && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptySku())} data-testid="add-sku">
              {t('sku.add')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
