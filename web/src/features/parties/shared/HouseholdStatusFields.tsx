import { Col, Form, InputNumber, Radio, Row } from 'antd';
import { HOUSEHOLD_STATUSES } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';

/** The first year a household can have been lifted out (建档立卡 began in 2014), and the last: this year. */
const FIRST_YEAR = 2013;

/** 未脱贫 / 已脱贫 and, once lifted, the year it was (the server needs it). */
export function HouseholdStatusFields() {
  const t = useT();
  const rules = formRules(t);
  const status = Form.useWatch('status') as string | undefined;
  const thisYear = new Date().getFullYear();
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="status" label={t('household.field.status')} rules={[rules.chosen(t('household.field.status'))]}>
          <Radio.Group optionType="button" data-testid="household-status" options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`householdStatus.${s}`) }))} />
        </Form.Item>
      </Col>
      {status === 'lifted' && (
        <Col xs={24} sm={12}>
          <Form.Item name="liftedYear" label={t('household.field.liftedYear')} rules={[rules.chosen(t('household.field.liftedYear'))]}>
            <InputNumber min={FIRST_YEAR} max={thisYear} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
