import { Form, Input, Radio } from 'antd';
import { ACTIVITY_TYPES } from '../../../../api/trace-farm.js';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { formRules } from '../../../../app/ui/formRules.js';
import type { RecordValues } from '../recordForm.js';

/** 农事: the work as one tap among big choices; a description is asked for when the work is 其他. */
export function ActivityFields({ more }: { more: boolean }) {
  const t = useT();
  const rules = formRules(t);
  const type = Form.useWatch(['activity', 'type'], Form.useFormInstance<RecordValues>());
  const label = t('trace.farm.activity.type');
  const description = t('trace.farm.activity.description');
  const other = type === 'other';
  return (
    <>
      <Form.Item name={['activity', 'type']} label={label} rules={[rules.chosen(label)]}>
        <Radio.Group buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="activity-type">
          {ACTIVITY_TYPES.map((a) => (
            <Radio.Button key={a} value={a} style={{ minWidth: 88, textAlign: 'center', borderRadius: 6, borderInlineStartWidth: 1 }}>
              {t(`trace.activity.${a}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        hidden={!more && !other}
        name={['activity', 'description']}
        label={description}
        rules={other ? [rules.required(description), rules.max(description, 200)] : [rules.max(description, 200)]}
      >
        <Input.TextArea rows={2} maxLength={200} placeholder={t('trace.farm.activity.descriptionHint')} data-testid="activity-description" />
      </Form.Item>
    </>
  );
}
