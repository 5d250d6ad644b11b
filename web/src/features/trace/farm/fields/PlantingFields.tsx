import { Form, Input, InputNumber } from 'antd';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { formRules } from '../../../../app/ui/formRules.js';

/** 种植: the variety set out and, when counted, how many plants. */
export function PlantingFields() {
  const t = useT();
  const rules = formRules(t);
  const variety = t('trace.farm.planting.variety');
  return (
    <>
      <Form.Item name={['planting', 'variety']} label={variety} rules={[rules.max(variety, 40)]}>
        <Input maxLength={40} data-testid="planting-variety" />
      </Form.Item>
      <Form.Item name={['planting', 'plants']} label={t('trace.farm.planting.plants')}>
        <InputNumber min={1} max={10_000_000} precision={0} inputMode="numeric" style={{ width: '100%' }} suffix={t('trace.farm.planting.plantsUnit')} data-testid="planting-plants" />
      </Form.Item>
    </>
  );
}
