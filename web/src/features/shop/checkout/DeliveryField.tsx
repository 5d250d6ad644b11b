import { Flex, Form, Radio, Typography } from 'antd';
import type { DeliveryKind } from '../../../api/orders.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useDeliveryFees } from '../shared/useDeliveryFees.js';
import type { CheckoutValues } from './checkoutForm.js';
import { countyDivision, useSavedAddress } from './savedAddress.js';

/** 快递 or 同城配送, each with its fee per order; same-town only where the township has a fee. */
export function DeliveryField() {
  const t = useT();
  const form = Form.useFormInstance<CheckoutValues>();
  const fees = useDeliveryFees();
  const values = Form.useWatch([], form) as CheckoutValues | undefined;
  const division = countyDivision(values, useSavedAddress());
  const sameTown = fees.sameTown(division);
  const option = (kind: DeliveryKind, fee: number | undefined, note: string) => ({
    value: kind,
    disabled: fee === undefined,
    label: (
      <Flex vertical style={{ padding: '4px 0' }}>
        <span>
          {t(`delivery.${kind}`)} {fee !== undefined && <Typography.Text type="secondary">{t('checkout.feePerOrder', { fee: formatFen(fee) })}</Typography.Text>}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Flex>
    ),
  });
  return (
    <Form.Item name="delivery" label={t('checkout.field.delivery')}>
      <Radio.Group
        data-testid="delivery"
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={[
          option('parcel', fees.parcel, t('checkout.delivery.parcelNote')),
          option('same_town', sameTown, sameTown !== undefined ? t('checkout.delivery.sameTownNote') : fees.sameTownOffered ? t('checkout.delivery.sameTownNotHere') : t('checkout.delivery.sameTownNone')),
        ]}
      />
    </Form.Item>
  );
}
