import { useEffect, useState } from 'react';
import { App, Checkbox, Col, Divider, Form, Input, Radio, Row } from 'antd';
import { useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api/http.js';
import { SELLER_TAGS, useApplySeller } from '../../../api/parties.js';
import { applicantKinds, isCountyAdmin } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { AccountSelect } from '../../../app/ui/AccountSelect.js';
import { formRules } from '../../../app/ui/formRules.js';
import { identifierVerdict } from '../../../app/ui/identifierVerdict.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { IdentifierField } from './IdentifierField.js';
import { emptyApplication, toNewSeller, type SellerApplyValues } from './sellerApplyForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

/**
 * 申请入驻: kind first (it decides between credit code and ID number), then who, where and how to reach them, the
 * groups they belong to and a description. One idempotency key per opened form, so a double click applies once.
 */
export function SellerApplyDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const user = useUser();
  const kinds = applicantKinds(user);
  const [form] = Form.useForm<SellerApplyValues>();
  const apply = useApplySeller();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errors = useServerErrors(form, { fields: { divisionCode: ['townshipCode'] }, describe: (error) => identifierVerdict(error, t) });
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const onFinish = (values: SellerApplyValues) => {
    clear();
    apply.mutate(
      { seller: toNewSeller(values), idempotencyKey },
      {
        onSuccess: (seller) => {
          void message.success(t('seller.apply.done'));
          onClose();
          void navigate(`/parties/sellers/${seller.id}`);
        },
        onError: errors.show,
      },
    );
  };

  const nameLabel = t(kind === 'farmer' ? 'seller.apply.nameFarmer' : 'seller.apply.name');
  return (
    <FormDrawer title={t('seller.apply.title')} open={open} onClose={onClose} width={640} saving={apply.isPending} onSave={() => form.submit()} saveTestId="save-new-seller" saveLabel={t('seller.apply.submit')}>
      <Form<SellerApplyValues> form={form} name="seller-apply" layout="vertical" initialValues={emptyApplication(kinds)} onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('seller.apply.section.who')}
        </Divider>
        <Form.Item
          name="kind"
          label={t('seller.field.kind')}
          rules={[rules.chosen(t('seller.field.kind'))]}
          extra={kinds.length === 1 ? t('seller.apply.farmerOnly') : t('seller.apply.kindHint')}
        >
          <Radio.Group optionType="button" data-testid="seller-kind" options={kinds.map((k) => ({ value: k, label: t(`sellerKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={nameLabel} rules={[rules.required(nameLabel), rules.max(nameLabel, 100)]}>
          <Input maxLength={100} />
        </Form.Item>
        <IdentifierField kind={kind} />
        {isCountyAdmin(user) && (
          <Form.Item name="ownerUserId" label={t('seller.apply.owner')} extra={t('seller.apply.ownerHint')}>
            <AccountSelect data-testid="seller-owner" />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('seller.apply.section.place')}</Divider>
        <PlaceFields
          villageField="villageCode"
          townshipLabel={t('seller.field.township')}
          villageLabel={t('seller.field.village')}
          extra={t('seller.apply.villageOptional')}
          testIds={{ township: 'seller-township', village: 'seller-village' }}
        />
        <Form.Item name="address" label={t('seller.field.address')} rules={[rules.required(t('seller.field.address')), rules.max(t('seller.field.address'), 200)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('seller.field.contactName')} rules={[rules.required(t('seller.field.contactName')), rules.max(t('seller.field.contactName'), 50)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactPhone" label={t('seller.field.contactPhone')} rules={[rules.required(t('seller.field.contactPhone')), rules.phone]}>
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('seller.apply.section.more')}</Divider>
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
