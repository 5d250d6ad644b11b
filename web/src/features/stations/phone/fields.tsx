import { Checkbox, Form, Input, Select, type FormInstance } from 'antd';
import type { FormRule as Rule } from 'antd';
import type { CustomerInput, DeskCustomer, Provider } from '../../../api/station-phone.js';
import { ID_NUMBER_PATTERN } from '../../../app/identifiers.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { residentIdCheckMatches } from '../../../app/residentIdCheck.js';
import { kgTextToGrams, yuanTextToFen } from './till.js';

/** Big inputs for a thumb on a 390 px phone. */
export const BIG = { size: 'large' as const };

export const yuanRule = (t: Translate, required = true): Rule => ({
  validator: async (_rule, value?: string) => {
    if (!value && !required) return;
    if (yuanTextToFen(value) === null) throw new Error(t('station.form.yuanInvalid'));
  },
});

/** An ID number's check character, judged before the record is queued: the server would set the whole record aside. */
const idCheckRule = (t: Translate): Rule => ({
  validator: async (_rule, value?: string) => {
    const id = (value ?? '').trim().toUpperCase();
    if (ID_NUMBER_PATTERN.test(id) && !residentIdCheckMatches(id)) throw new Error(t('identifier.checkCharacter'));
  },
});

export const kgRule = (t: Translate): Rule => ({
  validator: async (_rule, value?: string) => {
    if (kgTextToGrams(value) === null || kgTextToGrams(value) === 0) throw new Error(t('station.form.kgInvalid'));
  },
});

/** An amount in yuan typed as text (the number pad with a dot), converted exactly to fen on submit. */
export function YuanItem({ name, label, required = true, testId, extra, initial }: { name: string; label: string; required?: boolean; testId: string; extra?: string; initial?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label} rules={[yuanRule(t, required)]} extra={extra} initialValue={initial}>
      <Input {...BIG} inputMode="decimal" prefix="¥" autoComplete="off" data-testid={testId} />
    </Form.Item>
  );
}

export function TextItem({ name, label, required = true, max, testId, inputMode }: { name: string; label: string; required?: boolean; max: number; testId: string; inputMode?: 'numeric' | 'text' }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label} rules={[{ required, whitespace: true, message: t('station.form.required') }, { max }]}>
      <Input {...BIG} maxLength={max} inputMode={inputMode} autoComplete="off" data-testid={testId} />
    </Form.Item>
  );
}

export function ProviderItem({ providers, kind, service, label, testId }: { providers: readonly Provider[]; kind: string; service?: string; label: string; testId: string }) {
  const t = useT();
  const fit = providers.filter((p) => p.kinds.includes(kind) && (!service || !p.services || p.services.includes(service)));
  return (
    <Form.Item name="providerId" label={label} rules={[{ required: true, message: t('station.form.required') }]}>
      <Select {...BIG} options={fit.map((p) => ({ value: p.id, label: p.name }))} data-testid={testId} />
    </Form.Item>
  );
}

export function PaidByItem() {
  const t = useT();
  return (
    <Form.Item name="paidBy" label={t('station.form.paidBy')} initialValue="cash">
      <Select
        {...BIG}
        options={[
          { value: 'cash', label: t('station.paidBy.cash') },
          { value: 'transfer', label: t('station.paidBy.transfer') },
        ]}
        data-testid="field-paid-by"
      />
    </Form.Item>
  );
}

export interface CustomerValues {
  customerId?: string;
  customerName?: string;
  customerPhone?: string;
  customerIdNumber?: string;
  customerPoor?: boolean;
}

/** The record's villager: one the desk listed (customerId), or a new one (customer), and its name for the label. */
export function customerOf(values: CustomerValues, customers: readonly DeskCustomer[]): { fields: { customerId: string } | { customer: CustomerInput }; name: string } {
  if (values.customerId) {
    const known = customers.find((c) => c.id === values.customerId);
    return { fields: { customerId: values.customerId }, name: known?.name ?? '' };
  }
  const name = (values.customerName ?? '').trim();
  const customer: CustomerInput = { name };
  if (values.customerPhone?.trim()) customer.phone = values.customerPhone.trim();
  if (values.customerIdNumber?.trim()) customer.idNumber = values.customerIdNumber.trim().toUpperCase();
  if (values.customerPoor) customer.poor = true;
  return { fields: { customer }, name };
}

/**
 * 村民: pick a recent villager of this site (the desk's, masked), or type the name, and the phone, ID number and
 * poor-household flag when known (a villager may have no phone).
 */
export function CustomerItems({ customers, form }: { customers: readonly DeskCustomer[]; form: FormInstance }) {
  const t = useT();
  const picked = Form.useWatch('customerId', form) as string | undefined;
  return (
    <>
      <Form.Item name="customerId" label={t('station.form.customer')} extra={picked ? undefined : t('station.form.pickCustomer')}>
        <Select
          {...BIG}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={customers.map((c) => ({ value: c.id, label: [c.name, c.phoneMasked, c.poor ? t('station.form.poor') : null].filter(Boolean).join(' · ') }))}
          data-testid="field-customer-pick"
        />
      </Form.Item>
      {!picked && (
        <>
          <Form.Item name="customerName" label={t('station.form.name')} rules={[{ required: true, whitespace: true, message: t('station.form.nameRequired') }, { max: 20 }]}>
            <Input {...BIG} maxLength={20} autoComplete="off" data-testid="field-customer-name" />
          </Form.Item>
          <Form.Item name="customerPhone" label={t('station.form.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('station.form.phoneInvalid') }]}>
            <Input {...BIG} inputMode="tel" maxLength={11} autoComplete="off" data-testid="field-customer-phone" />
          </Form.Item>
          <Form.Item name="customerIdNumber" label={t('station.form.idNumber')} rules={[{ pattern: /^\d{17}[\dXx]$/, message: t('station.form.idInvalid') }, idCheckRule(t)]}>
            <Input {...BIG} maxLength={18} autoComplete="off" data-testid="field-customer-id" />
          </Form.Item>
          <Form.Item name="customerPoor" valuePropName="checked">
            <Checkbox data-testid="field-customer-poor">{t('station.form.poor')}</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}

/** Fen from a yuan field already validated. */
export const fenOf = (text: string | undefined) => yuanTextToFen(text) ?? 0;
export const gramsOf = (text: string | undefined) => kgTextToGrams(text) ?? 0;
