import { Checkbox, Col, Form, Input, Row } from 'antd';
import { SELLER_TAGS, useUpdateSeller, type Seller } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { isMasked } from '../../../app/phone.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { toEditValues, toSellerChanges, type SellerEditValues } from './sellerEditForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { useEditForm } from '../../../app/ui/useEditForm.js';

interface Props {
  seller: Seller;
  open: boolean;
  onClose: () => void;
}

/** Contact, address, groups and description; name, kind and identifier stay as reviewed. Sends only what changed. */
export function SellerEditDrawer({ seller, open, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<SellerEditValues>();
  const update = useUpdateSeller(seller.id);
  const errors = useServerErrors(form);
  const masked = isMasked(seller.contactPhone);

  const onFinish = useEditForm({ form, open, source: seller, toValues: toEditValues, changesOf: (values: SellerEditValues) => toSellerChanges(seller, values), save: update.mutate, errors, onClose });

  return (
    <FormDrawer title={t('seller.edit.title', { name: seller.name })} open={open} onClose={onClose} width={560} saving={update.isPending} onSave={() => form.submit()} saveTestId="save-seller">
      <Form<SellerEditValues> form={form} name="seller-edit" layout="vertical" initialValues={toEditValues(seller)} onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('seller.field.contactName')} rules={[rules.required(t('seller.field.contactName')), rules.max(t('seller.field.contactName'), 50)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="contactPhone"
              label={t('seller.field.contactPhone')}
              rules={masked ? [rules.phone] : [rules.required(t('seller.field.contactPhone')), rules.phone]}
              extra={masked ? t('users.phoneMasked', { phone: seller.contactPhone }) : undefined}
            >
              <Input maxLength={11} inputMode="numeric" placeholder={masked ? seller.contactPhone : undefined} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('seller.field.address')} rules={[rules.required(t('seller.field.address')), rules.max(t('seller.field.address'), 200)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="tags" label={t('seller.field.tags')}>
          <Checkbox.Group options={SELLER_TAGS.map((tag) => ({ value: tag, label: t(`sellerTag.${tag}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('seller.field.description')} rules={[rules.max(t('seller.field.description'), 2000)]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('seller.apply.descriptionHint')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
