import { Flex, Form, Radio, Typography } from 'antd';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { usePlatform } from '../../../api/platform.js';
import { useDemoText } from '../../../app/ui/DemoBanner.js';
import type { CheckoutValues } from './checkoutForm.js';
import { countyDivision, useSavedAddress } from './savedAddress.js';
import { PickupPointField } from './PickupPointField.js';

/**
 * 村级服务点代收 (with the point), 货到付款, 在线支付; a presale leaves out cash on delivery. Online payment is offered
 * only by a demo, where it is simulated and says so; elsewhere the server refuses it, so it is not shown.
 */
export function PaymentFields({ methods = PAYMENT_METHODS }: { methods?: readonly PaymentMethod[] }) {
  const t = useT();
  const demo = usePlatform().data?.demo;
  const simulated = useDemoText('checkout.payment.onlineSimulated');
  const offered = methods.filter((m) => m !== 'online' || demo);
  const form = Form.useFormInstance<CheckoutValues>();
  const values = Form.useWatch([], form) as CheckoutValues | undefined;
  const near = countyDivision(values, useSavedAddress());
  return (
    <>
      <Form.Item name="paymentMethod" label={t('checkout.field.payment')}>
        <Radio.Group
          data-testid="payment-method"
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={offered.map((m) => ({
            value: m,
            label: (
              <Flex vertical style={{ padding: '4px 0' }}>
                <span>{t(`payment.${m}`)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m === 'online' ? simulated : t(`checkout.payment.${m}Note`)}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      </Form.Item>
      {values?.paymentMethod === 'village_cash' && <PickupPointField near={near} />}
    </>
  );
}
