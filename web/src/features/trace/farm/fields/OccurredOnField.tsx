import { DatePicker, Form } from 'antd';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { formRules } from '../../../../app/ui/formRules.js';
import { today } from '../recordForm.js';

/** 日期: today unless changed; a record is of something done, so no day after today. */
export function OccurredOnField() {
  const t = useT();
  const rules = formRules(t);
  const label = t('trace.farm.occurredOn');
  const now = today();
  return (
    <Form.Item name="occurredOn" label={label} rules={[rules.chosen(label)]}>
      <DatePicker
        inputReadOnly
        allowClear={false}
        format="YYYY-MM-DD"
        style={{ width: '100%' }}
        disabledDate={(day) => day.isAfter(now, 'day')}
        presets={[
          { label: t('trace.farm.today'), value: now },
          { label: t('trace.farm.yesterday'), value: now.subtract(1, 'day') },
          { label: t('trace.farm.dayBefore'), value: now.subtract(2, 'day') },
        ]}
        data-testid="record-date"
      />
    </Form.Item>
  );
}
