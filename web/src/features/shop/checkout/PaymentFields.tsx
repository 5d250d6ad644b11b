import { Flex, Form, Radio, Typography } from 'antd';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { divisionOf, type CheckoutValues } from './checkoutForm.js';
import { PickupPointField } from './PickupPointField.js';

/** 村级服务点代收 (with the point), 货到付款, 在线支付; a presale leaves out cash on delivery. */
export function PaymentFields({ methods = PAYMENT_METHODS }: { methods?: readonly PaymentMethod[] }) {
  const t = useT();
  const form = Form.useFormInstance<CheckoutValues>();
  const values = Form.useWatch([], form) as CheckoutValues | undefined;
  return (
    <>
      <Form.Item name="paymentMethod" label={t('checkout.field.payment')}>
        <Radio.Group
          data-testid="payment-method"
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={methods.map((m) => ({
            value: m,
            label: (
              <Flex vertical style={{ padding: '4px 0' }}>
                <span>{t(`payment.${m}`)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`checkout.payment.${m}Note`)}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      </Form.Item>
      {values?.paymentMethod === 'village_cash' && <PickupPointField near={values.area === 'county' ? divisionOf(values) : undefined} />}
    </>
  );
}
