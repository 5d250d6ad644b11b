import { Button, Card, Col, Flex, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { formRules } from '../../../../app/ui/formRules.js';
import { LabReportUpload } from './LabReportUpload.js';

const MAX_ITEMS = 100;

/** 合格 / 不合格 as two buttons; a fail shows red. */
function Verdict({ value, onChange }: { value?: boolean; onChange?: (pass: boolean) => void }) {
  const t = useT();
  return (
    <Flex gap={8} data-testid="lab-item-pass" data-pass={value === false ? 'false' : 'true'}>
      <Button type={value === false ? 'default' : 'primary'} onClick={() => onChange?.(true)} data-testid="lab-item-pass-yes">
        {t('trace.farm.lab.pass')}
      </Button>
      <Button danger type={value === false ? 'primary' : 'default'} onClick={() => onChange?.(false)} data-testid="lab-item-pass-no">
        {t('trace.farm.lab.fail')}
      </Button>
    </Flex>
  );
}

/** 检测: the laboratory, one row per item tested (result, limit, 合格 or 不合格) and the report's photo or PDF. */
export function LabTestFields({ more }: { more: boolean }) {
  const t = useT();
  const rules = formRules(t);
  const laboratory = t('trace.farm.lab.laboratory');
  const itemName = t('trace.farm.lab.item.name');
  const result = t('trace.farm.lab.item.result');
  return (
    <>
      <Form.Item name={['labTest', 'laboratory']} label={laboratory} rules={[rules.required(laboratory), rules.max(laboratory, 80)]}>
        <Input maxLength={80} placeholder={t('trace.farm.lab.laboratoryHint')} data-testid="lab-laboratory" />
      </Form.Item>
      <Form.Item hidden={!more} name={['labTest', 'reportNo']} label={t('trace.farm.lab.reportNo')} rules={[rules.max(t('trace.farm.lab.reportNo'), 40)]}>
        <Input maxLength={40} spellCheck={false} data-testid="lab-report-no" />
      </Form.Item>
      <Form.List name={['labTest', 'items']}>
        {(fields, { add, remove }) => (
          <Form.Item label={t('trace.farm.lab.items')} required>
            {fields.map((field, index) => (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }} styles={{ body: { padding: '8px 12px 0' } }} data-testid="lab-item">
                <Row gutter={8}>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[field.name, 'name']} label={itemName} rules={[rules.required(itemName), rules.max(itemName, 60)]} style={{ marginBottom: 8 }}>
                      <Input maxLength={60} placeholder={t('trace.farm.lab.item.nameHint')} data-testid="lab-item-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item name={[field.name, 'result']} label={result} rules={[rules.required(result), rules.max(result, 40)]} style={{ marginBottom: 8 }}>
                      <Input maxLength={40} placeholder={t('trace.farm.lab.item.resultHint')} data-testid="lab-item-result" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item name={[field.name, 'limit']} label={t('trace.farm.lab.item.limit')} rules={[rules.max(t('trace.farm.lab.item.limit'), 40)]} style={{ marginBottom: 8 }}>
                      <Input maxLength={40} placeholder={t('trace.farm.lab.item.limitHint')} data-testid="lab-item-limit" />
                    </Form.Item>
                  </Col>
                </Row>
                <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'pass']} noStyle>
                    <Verdict />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('trace.farm.lab.item.remove', { n: index + 1 })} />
                  )}
                </Flex>
              </Card>
            ))}
            {fields.length < MAX_ITEMS && (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ pass: true })} data-testid="lab-item-add">
                {t('trace.farm.lab.item.add')}
              </Button>
            )}
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name={['labTest', 'reportFileId']} label={t('trace.farm.lab.report')} extra={t('trace.farm.lab.report.hint')}>
        <LabReportUpload />
      </Form.Item>
    </>
  );
}
