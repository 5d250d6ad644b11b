import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Segmented, Skeleton, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { newIdempotencyKey } from '../../../api/http.js';
import { useOpenShipment, type ShipmentInput } from '../../../api/logistics-point.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { ParcelCard } from './ParcelCard.js';
import type { PointParcel } from './usePointLists.js';

interface Values {
  description: string;
  weightKg?: number | null;
  mode: 'recipient' | 'order';
  name?: string;
  phone?: string;
  address?: string;
  orderId?: string;
}

/** What people read out (0MX1…, ord_0mx1…) as an order's id. */
const orderIdOf = (typed: string) => {
  const text = typed.trim().toLowerCase();
  return text.startsWith('ord_') ? text : `ord_${text}`;
};

interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** 寄出农产品: the form for produce going up to the county, then this point's shipments with their status. */
export function SendTab({ siteId, shipments, loading, online, more }: { siteId: string; shipments: PointParcel[]; loading: boolean; online: boolean; more: NextPages }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const open = useOpenShipment();
  const errors = useServerErrors(form, { fields: { weightG: ['weightKg'], 'recipient.name': ['name'], 'recipient.phone': ['phone'], 'recipient.address': ['address'], recipient: ['name'] } });
  const mode = Form.useWatch('mode', form) ?? 'recipient';

  const submit = (v: Values) => {
    errors.clear();
    const input: ShipmentInput = {
      originSiteId: siteId,
      description: v.description.trim(),
      ...(v.weightKg ? { weightG: Math.round(v.weightKg * 1000) } : {}),
      ...(v.mode === 'order' ? { orderId: orderIdOf(v.orderId ?? '') } : { recipient: { name: (v.name ?? '').trim(), phone: (v.phone ?? '').trim(), address: (v.address ?? '').trim() } }),
    };
    open.mutate(
      { input, key },
      {
        onSuccess: (parcel) => {
          void message.success(t('logistics.point.send.done', { what: parcel.description ?? '' }));
          form.resetFields();
          setKey(newIdempotencyKey());
        },
        onError: errors.show,
      },
    );
  };

  return (
    <>
      <Card size="small" title={t('logistics.point.send.title')} style={{ marginBottom: 16 }}>
        {errors.banner}
        {!online && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('logistics.point.send.offline')} data-testid="shipment-offline" />}
        <Form<Values> form={form} layout="vertical" initialValues={{ mode: 'recipient' }} onFinish={submit} requiredMark={false} data-testid="shipment-form">
          <Form.Item name="description" label={t('logistics.point.send.description')} rules={[rules.required(t('logistics.point.send.description')), rules.max(t('logistics.point.send.description'), 100)]}>
            <Input size="large" maxLength={100} placeholder={t('logistics.point.send.descriptionHint')} data-testid="shipment-description" />
          </Form.Item>
          <Form.Item name="weightKg" label={t('logistics.point.send.weight')}>
            <InputNumber size="large" min={0.001} max={100} step={0.5} inputMode="decimal" style={{ width: '100%' }} suffix="kg" data-testid="shipment-weight" />
          </Form.Item>
          <Form.Item name="mode" label={t('logistics.point.send.mode')}>
            <Segmented
              block
              size="large"
              options={[
                { value: 'recipient', label: t('logistics.point.send.mode.recipient') },
                { value: 'order', label: t('logistics.point.send.mode.order') },
              ]}
              data-testid="shipment-mode"
            />
          </Form.Item>
          {mode === 'order' ? (
            <Form.Item name="orderId" label={t('logistics.point.send.order')} extra={t('logistics.point.send.orderHint')} rules={[rules.required(t('logistics.point.send.order'))]}>
              <Input size="large" maxLength={64} autoCapitalize="characters" data-testid="shipment-order" />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="name" label={t('logistics.point.send.name')} rules={[rules.required(t('logistics.point.send.name')), rules.max(t('logistics.point.send.name'), 50)]}>
                <Input size="large" maxLength={50} data-testid="shipment-name" />
              </Form.Item>
              <Form.Item name="phone" label={t('logistics.point.send.phone')} rules={[rules.required(t('logistics.point.send.phone')), rules.phone]}>
                <Input size="large" inputMode="tel" maxLength={11} data-testid="shipment-phone" />
              </Form.Item>
              <Form.Item name="address" label={t('logistics.point.send.address')} rules={[rules.required(t('logistics.point.send.address')), rules.max(t('logistics.point.send.address'), 200)]}>
                <Input.TextArea rows={2} maxLength={200} data-testid="shipment-address" />
              </Form.Item>
            </>
          )}
          <Button block size="large" type="primary" htmlType="submit" icon={<SendOutlined />} loading={open.isPending} disabled={!online} data-testid="shipment-submit">
            {t('logistics.point.send.submit')}
          </Button>
        </Form>
      </Card>

      <section data-testid="section-up" data-count={shipments.length}>
        <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
          {t('logistics.point.send.list')} · {shipments.length}
        </Typography.Title>
        {loading ? (
          <Skeleton active />
        ) : shipments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.point.empty.up')} />
        ) : (
          shipments.map((p) => <ParcelCard key={p.parcel.id} {...p} />)
        )}
        <LoadMore query={more} />
      </section>
    </>
  );
}
