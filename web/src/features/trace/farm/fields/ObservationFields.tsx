import { Button, Flex, Form, Input } from 'antd';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { formRules } from '../../../../app/ui/formRules.js';
import type { RecordValues } from '../recordForm.js';

const SUBJECTS = ['trace.farm.observation.subject.pests', 'trace.farm.observation.subject.disease', 'trace.farm.observation.subject.growth', 'trace.farm.observation.subject.flowering', 'trace.farm.observation.subject.fruit', 'trace.farm.observation.subject.weather'] as const;

/** 巡查观察: what was looked at (a common subject in one tap, or typed) and what was found. */
export function ObservationFields() {
  const t = useT();
  const rules = formRules(t);
  const form = Form.useFormInstance<RecordValues>();
  const chosen = Form.useWatch(['observation', 'subject'], form);
  const subject = t('trace.farm.observation.subject');
  const finding = t('trace.farm.observation.finding');
  return (
    <>
      <Form.Item
        name={['observation', 'subject']}
        label={subject}
        rules={[rules.required(subject), rules.max(subject, 40)]}
        extra={
          <Flex wrap gap={8} style={{ marginTop: 8 }}>
            {SUBJECTS.map((key) => {
              const text = t(key);
              return (
                <Button key={key} type={chosen === text ? 'primary' : 'default'} onClick={() => form.setFields([{ name: ['observation', 'subject'], value: text, errors: [] }])} data-testid="observation-subject-chip">
                  {text}
                </Button>
              );
            })}
          </Flex>
        }
      >
        <Input maxLength={40} data-testid="observation-subject" />
      </Form.Item>
      <Form.Item name={['observation', 'finding']} label={finding} rules={[rules.required(finding), rules.max(finding, 300)]}>
        <Input.TextArea rows={3} maxLength={300} placeholder={t('trace.farm.observation.findingHint')} data-testid="observation-finding" />
      </Form.Item>
    </>
  );
}
