import { Alert, Col, Form, InputNumber, Row, Segmented } from 'antd';
import { HARVEST_UNITS, type PlotView } from '../../../../api/trace-farm.js';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { formRules } from '../../../../app/ui/formRules.js';
import { today, type RecordValues } from '../recordForm.js';

/**
 * 采收: how much, in kg, 斤 or 吨. When the chosen day is before the plot's earliest harvest day, says so before
 * the server refuses it.
 */
export function HarvestFields({ plot, warn }: { plot: PlotView; /** Off once the server refused: its alert says it. */ warn: boolean }) {
  const t = useT();
  const rules = formRules(t);
  const form = Form.useFormInstance<RecordValues>();
  const occurredOn = Form.useWatch('occurredOn', form) ?? today();
  const quantity = t('trace.farm.harvest.quantity');
  const early = warn && !!plot.earliestHarvestOn && occurredOn.format('YYYY-MM-DD') < plot.earliestHarvestOn;
  return (
    <>
      {early && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('trace.farm.harvest.tooEarly', { date: plot.earliestHarvestOn! })}
          data-testid="harvest-too-early"
        />
      )}
      <Row gutter={12} align="bottom">
        <Col flex="auto">
          <Form.Item name={['harvest', 'quantity']} label={quantity} rules={[rules.chosen(quantity)]}>
            <InputNumber min={0.001} max={10_000_000} inputMode="decimal" style={{ width: '100%' }} data-testid="harvest-quantity" />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item name={['harvest', 'unit']} label={t('trace.farm.harvest.unit')} rules={[rules.chosen(t('trace.farm.harvest.unit'))]}>
            <Segmented options={HARVEST_UNITS.map((u) => ({ value: u, label: t(`trace.unit.${u}`) }))} data-testid="harvest-unit" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
