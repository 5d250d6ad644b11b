import { useState } from 'react';
import { Button, Card, Form, InputNumber } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { useBackCampaign, type Campaign, type Order } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { initialCheckout, rememberAddress, toShipTo, type CheckoutValues } from '../checkout/checkoutForm.js';
import { DeliveryField } from '../checkout/DeliveryField.js';
import { PaymentFields } from '../checkout/PaymentFields.js';
import { ShipToFields } from '../checkout/ShipToFields.js';

type BackValues = CheckoutValues & { quantity: number };

/** A presale is paid up front: online or in cash at a village point, never on delivery. */
const PREPAID = ['village_cash', 'online'] as const;

/** 支持预售: how many, where to, how to pay; one idempotency key per attempt. */
export function PresaleBackForm({ campaign, onBacked }: { campaign: Campaign; onBacked: (order: Order) => void }) {
  const t = useT();
  const [form] = Form.useForm<BackValues>();
  const back = useBackCampaign(campaign.id);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const errors = useServerErrors(form, { fields: { 'shipTo.divisionCode': ['townshipCode'] } });

  const onFinish = (values: BackValues) => {
    errors.clear();
    back.mutate(
      {
        idempotencyKey,
        backing: {
          quantity: values.quantity,
          paymentMethod: values.paymentMethod,
          delivery: values.delivery,
          shipTo: toShipTo(values),
          ...(values.paymentMethod === 'village_cash' && { pickupSiteId: values.pickupSiteId?.trim() }),
        },
      },
      {
        onSuccess: (order) => {
          rememberAddress(values);
          setIdempotencyKey(newIdempotencyKey());
          onBacked(order);
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Form<BackValues> form={form} name="presale-back" layout="vertical" initialValues={{ ...initialCheckout(), quantity: 1 }} onFinish={onFinish} scrollToFirstError>
      {errors.banner}
      <Card size="small" title={t('presale.section.quantity')} style={{ marginBottom: 16 }}>
        <Form.Item name="quantity" label={t('shop.product.quantity')} style={{ marginBottom: 0 }}>
          <InputNumber min={1} max={999} precision={0} suffix={campaign.spec} data-testid="presale-quantity" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('checkout.section.address')} style={{ marginBottom: 16 }}>
        <ShipToFields />
      </Card>
      <Card size="small" title={t('checkout.section.deliveryPayment')}>
        <DeliveryField />
        <PaymentFields methods={PREPAID} />
      </Card>
      <Button type="primary" danger size="large" block htmlType="submit" loading={back.isPending} style={{ marginTop: 16 }} data-testid="back-presale">
        {t('presale.back')}
      </Button>
    </Form>
  );
}
