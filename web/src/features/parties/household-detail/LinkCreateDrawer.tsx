import { useEffect, useMemo, useState } from 'react';
import { App, Col, DatePicker, Flex, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { useDivisionNames } from '../../../api/network.js';
import { FULL_SHARE_BP, LINK_ROLES, useApprovedSellers, useLinkHousehold, useSellerProducts, type Household } from '../../../api/parties.js';
import { formatShareBp } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { emptyLink, toNewLink, type LinkFormValues } from './linkForm.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

interface SellerOption {
  value: string;
  label: string;
  place: string;
}

interface Props {
  household: Household;
  open: boolean;
  onClose: () => void;
}

/**
 * 关联商户: an approved seller (or one of its products), how the household takes part, its share of each sale in per
 * cent and from when. A product is chosen by name among the seller's own. When the shares of that seller's sales
 * would pass the whole on any day the link covers, the share field says from which day and how much is left. One idempotency key per opened form.
 */
export function LinkCreateDrawer({ household, open, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<LinkFormValues>();
  const link = useLinkHousehold(household.id);
  const sellers = useApprovedSellers(open);
  const sellerId = Form.useWatch('sellerId', form);
  const products = useSellerProducts(sellerId, open);
  const names = useDivisionNames();
  const { message } = App.useApp();
  const errors = useServerErrors(form, {
    fields: { shareBp: ['sharePercent'] },
    describe: (error: ApiError) => {
      const { left, day } = (error.details ?? {}) as { left?: unknown; day?: unknown };
      if (error.code !== 'SHARES_EXCEED_WHOLE' || typeof left !== 'number') return undefined;
      const shares = { taken: formatShareBp(FULL_SHARE_BP - left), left: formatShareBp(left) };
      return typeof day === 'string' ? t('link.sharesExceedOn', { ...shares, day }) : t('link.sharesExceed', shares);
    },
  });
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const options = useMemo<SellerOption[]>(
    () => (sellers.data ?? []).map((s) => ({ value: s.id, label: s.name, place: names.place(s.divisionCode) ?? '' })),
    [sellers.data, names],
  );

  const onFinish = (values: LinkFormValues) => {
    clear();
    link.mutate(
      { link: toNewLink(values), idempotencyKey },
      {
        onSuccess: () => {
          void message.success(t('link.create.done'));
          onClose();
        },
        // A refused try keeps its key: the server stored no answer for it, so the corrected form may send it again.
        onError: errors.show,
      },
    );
  };

  return (
    <FormDrawer title={t('link.create.title')} open={open} onClose={onClose} width={560} saving={link.isPending} onSave={() => form.submit()} saveTestId="save-new-link">
      <Form<LinkFormValues> form={form} name="link-create" layout="vertical" initialValues={emptyLink()} onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
        <Form.Item name="sellerId" label={t('link.field.seller')} rules={[rules.chosen(t('link.field.seller'))]}>
          <Select<string, SellerOption>
            onChange={() => form.setFieldValue('productId', undefined)}
            data-testid="link-seller"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('link.sellerSearch')}
            loading={sellers.isPending}
            options={options}
            optionRender={(option) => (
              <Flex justify="space-between" gap={8}>
                <span>{option.data.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {option.data.place}
                </Typography.Text>
              </Flex>
            )}
          />
        </Form.Item>
        <Form.Item name="productId" label={t('link.col.product')} extra={t('link.productOfSeller')}>
          <Select<string>
            data-testid="link-product"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('link.productAll')}
            disabled={!sellerId}
            loading={!!sellerId && products.isPending}
            options={(sellerId ? (products.data ?? []) : []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="role" label={t('link.field.role')} rules={[rules.chosen(t('link.field.role'))]}>
          <Radio.Group optionType="button" data-testid="link-role" options={LINK_ROLES.map((r) => ({ value: r, label: t(`linkRole.${r}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="sharePercent"
              label={t('link.field.share')}
              rules={[
                rules.chosen(t('link.field.share')),
                // Basis points are whole: 12.34 % is the finest share there is.
                { validator: (_, v: number | null) => (v === null || v === undefined || Math.abs(v * 100 - Math.round(v * 100)) < 1e-6 ? Promise.resolve() : Promise.reject(new Error(t('link.shareDigits')))) },
              ]}
            >
              <InputNumber min={0.01} max={100} step={1} suffix="%" style={{ width: '100%' }} data-testid="link-share" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="validFrom" label={t('link.field.validFrom')} rules={[rules.chosen(t('link.field.validFrom'))]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('link.shareHint')}
        </Typography.Paragraph>
      </Form>
    </FormDrawer>
  );
}
