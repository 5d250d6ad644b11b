import { useEffect, useMemo, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Product } from '../../../api/catalog.js';
import { newIdempotencyKey } from '../../../api/http.js';
import { useCreateCampaign } from '../../../api/orders.js';
import { formatFen, yuanToFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

interface CampaignValues {
  productId?: string;
  skuId?: string;
  title: string;
  priceYuan: number | null;
  targetQty: number | null;
  deadline: Dayjs | null;
  shipDate: Dayjs | null;
}

/**
 * 发起预售: a SKU of one's product, a title, the presale price, the target quantity, the deadline and the ship date
 * (not before the deadline). One idempotency key per opened form.
 */
export function CampaignDrawer({ products, open, onClose }: { products: Product[]; open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<CampaignValues>();
  const create = useCreateCampaign();
  const { message } = App.useApp();
  const errors = useServerErrors(form, { fields: { priceFen: ['priceYuan'] } });
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const productId = Form.useWatch('productId', form) as string | undefined;
  const product = products.find((p) => p.id === productId);
  const productOptions = useMemo(() => products.map((p) => ({ value: p.id, label: p.sellerName ? `${p.name}（${p.sellerName}）` : p.name })), [products]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clear();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, clear]);

  const onFinish = (v: CampaignValues) => {
    clear();
    create.mutate(
      { idempotencyKey, campaign: { skuId: v.skuId!, title: v.title.trim(), priceFen: yuanToFen(v.priceYuan!), targetQty: v.targetQty!, deadline: v.deadline!.toISOString(), shipDate: v.shipDate!.format('YYYY-MM-DD') } },
      {
        onSuccess: () => {
          void message.success(t('campaign.created'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  const label = (key: 'product' | 'sku' | 'title' | 'price' | 'target' | 'deadline' | 'shipDate') => t(`campaign.field.${key}`);
  return (
    <FormDrawer title={t('campaign.create.title')} open={open} onClose={onClose} width={560} saving={create.isPending} onSave={() => form.submit()} saveTestId="save-campaign">
      <Form<CampaignValues>
        form={form}
        name="campaign"
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        initialValues={{ productId: undefined, skuId: undefined, title: '', priceYuan: null, targetQty: null, deadline: null, shipDate: null }}
      >
        {errors.banner}
        <Form.Item name="productId" label={label('product')} rules={[rules.chosen(label('product'))]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={productOptions} onChange={() => form.setFieldValue('skuId', undefined)} data-testid="campaign-product" />
        </Form.Item>
        <Form.Item name="skuId" label={label('sku')} rules={[rules.chosen(label('sku'))]}>
          <Select disabled={!product} options={(product?.skus ?? []).map((s) => ({ value: s.id, label: `${s.spec} / ${s.unit} · ${t('campaign.skuPrice', { price: formatFen(s.priceFen) })}` }))} data-testid="campaign-sku" />
        </Form.Item>
        <Form.Item name="title" label={label('title')} rules={[rules.required(label('title')), rules.max(label('title'), 100)]}>
          <Input maxLength={100} placeholder={t('campaign.titleHint')} data-testid="campaign-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="priceYuan" label={label('price')} rules={[rules.chosen(label('price'))]}>
              <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="campaign-price" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="targetQty" label={label('target')} rules={[rules.chosen(label('target'))]}>
              <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid="campaign-target" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="deadline" label={label('deadline')} rules={[rules.chosen(label('deadline'))]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="campaign-deadline" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="shipDate"
              label={label('shipDate')}
              dependencies={['deadline']}
              rules={[
                rules.chosen(label('shipDate')),
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null) => {
                    const deadline = getFieldValue('deadline') as Dayjs | null;
                    return !v || !deadline || !v.isBefore(deadline, 'day') ? Promise.resolve() : Promise.reject(new Error(t('campaign.shipBeforeDeadline')));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="campaign-ship-date" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
