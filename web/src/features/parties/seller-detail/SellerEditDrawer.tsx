import { useEffect } from 'react';
import { App, Button, Checkbox, Col, Drawer, Flex, Form, Grid, Input, Row } from 'antd';
import { SELLER_TAGS, useUpdateSeller, type Seller } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { isMasked } from '../../../app/phone.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { toEditValues, toSellerChanges, type SellerEditValues } from './sellerEditForm.js';

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
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const masked = isMasked(seller.contactPhone);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toEditValues(seller));
    clear();
  }, [open, seller, form, clear]);

  const onFinish = (values: SellerEditValues) => {
    const changes = toSellerChanges(seller, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('form.noChanges'));
      onClose();
      return;
    }
    clear();
    update.mutate(changes, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: errors.show,
    });
  };

  return (
    <Drawer
      title={t('seller.edit.title', { name: seller.name })}
      open={open}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="save-seller">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
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
    </Drawer>
  );
}
