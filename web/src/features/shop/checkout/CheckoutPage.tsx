import { useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Empty, Form, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { catalogKeys } from '../../../api/catalog.js';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { useCheckout, type Order } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { cart, MAX_LINES, useCart, type CartLine } from '../cart/cartStore.js';
import { lineProblem, useCartCheck } from '../cart/useCartCheck.js';
import { useDeliveryFees } from '../shared/useDeliveryFees.js';
import { CheckoutDone } from './CheckoutDone.js';
import { divisionOf, initialCheckout, rememberAddress, toShipTo, type CheckoutValues } from './checkoutForm.js';
import { DeliveryField } from './DeliveryField.js';
import { OrderReview } from './OrderReview.js';
import { PaymentFields } from './PaymentFields.js';
import { ShipToFields } from './ShipToFields.js';

/** The line of the cart a server error names: `body.items.2.quantity` → the third line sent. */
const lineIndex = (field: string | undefined) => Number(/^body\.items\.(\d+)\./.exec(field ?? '')?.[1] ?? NaN);

/**
 * 结算: address, delivery and payment, then one order a seller. One idempotency key a checkout attempt: a double
 * click or a retry after a lost answer places the orders once; a refused try frees its key on the server.
 */
export function CheckoutPage() {
  const t = useT();
  const [form] = Form.useForm<CheckoutValues>();
  const lines = useCart();
  const { states } = useCartCheck(lines);
  const fees = useDeliveryFees();
  const checkout = useCheckout();
  const client = useQueryClient();
  const sent = useRef<CartLine[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [placed, setPlaced] = useState<Order[] | null>(null);
  const values = Form.useWatch([], form) as CheckoutValues | undefined;
  const errors = useServerErrors(form, {
    fields: { 'shipTo.divisionCode': ['townshipCode'] },
    describe: (error: ApiError) => {
      const line = sent.current[lineIndex(error.field)];
      if (!line) return undefined;
      const name = `${line.productName} ${line.spec}`;
      if (error.code === 'STOCK_INSUFFICIENT') return t('checkout.error.stock', { name });
      if (error.code === 'NOT_ON_SALE') return t('checkout.error.notOnSale', { name });
      return undefined;
    },
  });

  // A delivery no longer offered at the chosen place falls back to a parcel.
  const sameTownHere = fees.sameTown(values && values.area === 'county' ? divisionOf(values) : undefined) !== undefined;
  useEffect(() => {
    if (values?.delivery === 'same_town' && !sameTownHere) form.setFieldValue('delivery', 'parcel');
  }, [values?.delivery, sameTownHere, form]);

  if (placed) return <CheckoutDone orders={placed} />;
  if (lines.length === 0) {
    return (
      <Card>
        <Empty description={t('shop.cart.empty')}>
          <Link to="/shop">
            <Button type="primary">{t('shop.cart.goShopping')}</Button>
          </Link>
        </Empty>
      </Card>
    );
  }

  const blocked = lines.some((l) => lineProblem(l, states.get(l.skuId))) || lines.length > MAX_LINES;
  const onFinish = (submitted: CheckoutValues) => {
    errors.clear();
    sent.current = lines;
    checkout.mutate(
      {
        idempotencyKey,
        checkout: {
          items: lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
          paymentMethod: submitted.paymentMethod,
          delivery: submitted.delivery,
          shipTo: toShipTo(submitted),
          ...(submitted.paymentMethod === 'village_cash' && { pickupSiteId: submitted.pickupSiteId?.trim() }),
        },
      },
      {
        onSuccess: (orders) => {
          rememberAddress(submitted);
          cart.remove(sent.current.map((l) => l.skuId));
          setIdempotencyKey(newIdempotencyKey());
          setPlaced(orders);
          window.scrollTo({ top: 0 });
        },
        onError: (error) => {
          // What is left has changed: the cart shows it line by line.
          if (error instanceof ApiError && (error.code === 'STOCK_INSUFFICIENT' || error.code === 'NOT_ON_SALE')) void client.invalidateQueries({ queryKey: catalogKeys.all });
          errors.show(error);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('checkout.title')} crumbs={[{ title: t('shop.nav.cart'), to: '/shop/cart' }, { title: t('checkout.title') }]} />
      <Form<CheckoutValues> form={form} name="checkout" layout="vertical" initialValues={initialCheckout()} onFinish={onFinish} scrollToFirstError autoComplete="on">
        {errors.banner}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Card size="small" title={t('checkout.section.address')} style={{ marginBottom: 16 }}>
              <ShipToFields />
            </Card>
            <Card size="small" title={t('checkout.section.deliveryPayment')}>
              <DeliveryField />
              <PaymentFields />
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <OrderReview lines={lines} states={states} delivery={values?.delivery ?? 'parcel'} fee={fees.feeOf(values?.delivery ?? 'parcel', values && values.area === 'county' ? divisionOf(values) : undefined)} />
            <Button type="primary" danger size="large" block htmlType="submit" loading={checkout.isPending} disabled={blocked} style={{ marginTop: 16 }} data-testid="place-order">
              {t('checkout.submit')}
            </Button>
            {blocked && (
              <Link to="/shop/cart">
                <Button type="link" block>
                  {t('checkout.fixCart')}
                </Button>
              </Link>
            )}
          </Col>
        </Row>
      </Form>
    </>
  );
}
