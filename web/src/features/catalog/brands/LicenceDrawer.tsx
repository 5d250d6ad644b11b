import { useEffect, useMemo, useState } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newIdempotencyKey } from '../../../api/http.js';
import { useGrantLicence, type Brand } from '../../../api/catalog.js';
import { useApprovedSellers } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

interface LicenceValues {
  sellerId?: string;
  licenceNo: string;
  validity: [Dayjs, Dayjs] | null;
}

/** 授权: the brand to an approved seller under a licence number for a period. One idempotency key per opened form. */
export function LicenceDrawer({ brand, open, onClose }: { brand: Brand; open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<LicenceValues>();
  const grant = useGrantLicence(brand.id);
  const sellers = useApprovedSellers(open);
  const { message } = App.useApp();
  const errors = useServerErrors(form, { fields: { validFrom: ['validity'], validTo: ['validity'] } });
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const options = useMemo(() => (sellers.data ?? []).map((s) => ({ value: s.id, label: s.name })), [sellers.data]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ validity: [dayjs(), dayjs().add(3, 'year')] });
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const onFinish = (v: LicenceValues) => {
    clear();
    grant.mutate(
      { idempotencyKey, licence: { sellerId: v.sellerId!, licenceNo: v.licenceNo.trim(), validFrom: v.validity![0].format('YYYY-MM-DD'), validTo: v.validity![1].format('YYYY-MM-DD') } },
      {
        onSuccess: () => {
          void message.success(t('licence.granted'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  const label = (key: 'seller' | 'no' | 'validity') => t(`licence.field.${key}`);
  return (
    <FormDrawer title={t('licence.grant.title', { brand: brand.name })} open={open} onClose={onClose} width={520} saving={grant.isPending} onSave={() => form.submit()} saveTestId="save-licence">
      <Form<LicenceValues> form={form} name="licence" layout="vertical" onFinish={onFinish} initialValues={{ sellerId: undefined, licenceNo: '', validity: null }}>
        {errors.banner}
        <Form.Item name="sellerId" label={label('seller')} rules={[rules.chosen(label('seller'))]} extra={t('licence.sellerHint')}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={sellers.isPending} options={options} data-testid="licence-seller" />
        </Form.Item>
        <Form.Item name="licenceNo" label={label('no')} rules={[rules.required(label('no')), rules.max(label('no'), 50)]}>
          <Input maxLength={50} placeholder={t('licence.noHint')} data-testid="licence-no" />
        </Form.Item>
        <Form.Item name="validity" label={label('validity')} rules={[rules.chosen(label('validity'))]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
