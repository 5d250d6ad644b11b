import { useMemo } from 'react';
import { AutoComplete, Col, Form, Input, InputNumber, Row } from 'antd';
import type { InputCategory, RecordView } from '../../../../api/trace-farm.js';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { formRules } from '../../../../app/ui/formRules.js';
import type { RecordValues } from '../recordForm.js';

type Known = NonNullable<RecordView['input']>;

/** The products used on this plot before (newest first, once each), so a second spraying is one tap. */
function knownProducts(records: RecordView[], category: InputCategory): Known[] {
  const seen = new Map<string, Known>();
  for (const r of records) {
    if (r.kind !== 'input' || !r.input || r.input.category !== category || r.correctedBy) continue;
    if (!seen.has(r.input.productName)) seen.set(r.input.productName, r.input);
  }
  return [...seen.values()];
}

/**
 * 打药 / 施肥: what was used and how much; for a pesticide the label's 安全间隔期 and 每季最多次数, which the harvest
 * check and the use count depend on. Registration number and active ingredient wait under "more".
 */
export function InputFields({ category, more, records }: { category: InputCategory; more: boolean; records: RecordView[] }) {
  const t = useT();
  const rules = formRules(t);
  const form = Form.useFormInstance<RecordValues>();
  const known = useMemo(() => knownProducts(records, category), [records, category]);
  const pesticide = category === 'pesticide';
  const product = t(pesticide ? 'trace.farm.input.pesticideName' : 'trace.farm.input.fertiliserName');
  const dose = t('trace.farm.input.dose');

  /** Choosing a product used before fills in its label and dose again. */
  const fill = (name: string) => {
    const used = known.find((k) => k.productName === name);
    if (!used) return;
    form.setFieldsValue({
      input: {
        productName: used.productName,
        registrationNo: used.registrationNo,
        activeIngredient: used.activeIngredient,
        dose: used.dose,
        intervalDays: used.intervalDays ?? null,
        maxUsesPerSeason: used.maxUsesPerSeason ?? null,
      },
    });
  };

  return (
    <>
      <Form.Item name={['input', 'productName']} label={product} rules={[rules.required(product), rules.max(product, 60)]}>
        <AutoComplete
          options={known.map((k) => ({ value: k.productName, label: k.productName }))}
          onSelect={fill}
          filterOption={(typed, option) => String(option?.value ?? '').includes(typed.trim())}
          data-testid="input-product"
        >
          <Input maxLength={60} placeholder={t(pesticide ? 'trace.farm.input.pesticideHint' : 'trace.farm.input.fertiliserHint')} />
        </AutoComplete>
      </Form.Item>
      <Form.Item name={['input', 'dose']} label={dose} rules={[rules.required(dose), rules.max(dose, 60)]}>
        <Input maxLength={60} placeholder={t(pesticide ? 'trace.farm.input.doseHintPesticide' : 'trace.farm.input.doseHintFertiliser')} data-testid="input-dose" />
      </Form.Item>
      {pesticide && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name={['input', 'intervalDays']}
              label={t('trace.farm.input.interval')}
              tooltip={t('trace.farm.input.intervalHint')}
              rules={[rules.chosen(t('trace.farm.input.interval'))]}
            >
              <InputNumber min={0} max={365} precision={0} inputMode="numeric" style={{ width: '100%' }} suffix={t('trace.farm.days')} data-testid="input-interval" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['input', 'maxUsesPerSeason']} label={t('trace.farm.input.maxUses')} tooltip={t('trace.farm.input.maxUsesHint')}>
              <InputNumber min={1} max={50} precision={0} inputMode="numeric" style={{ width: '100%' }} suffix={t('trace.farm.times')} data-testid="input-max-uses" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item
        hidden={!more}
        name={['input', 'registrationNo']}
        label={t('trace.farm.input.registrationNo')}
        extra={t(pesticide ? 'trace.farm.input.registrationNoHint' : 'trace.farm.input.registrationNoHintFertiliser')}
        rules={[rules.max(t('trace.farm.input.registrationNo'), 40)]}
      >
        <Input maxLength={40} autoCapitalize="characters" spellCheck={false} data-testid="input-registration" />
      </Form.Item>
      {pesticide && (
        <Form.Item hidden={!more} name={['input', 'activeIngredient']} label={t('trace.farm.input.activeIngredient')} rules={[rules.max(t('trace.farm.input.activeIngredient'), 80)]}>
          <Input maxLength={80} placeholder={t('trace.farm.input.activeIngredientHint')} data-testid="input-active" />
        </Form.Item>
      )}
    </>
  );
}
