import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Result, Row, Skeleton } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useAddAddress, useAddresses } from '../../../api/addresses.js';
import { catalogKeys } from '../../../api/catalog.js';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { useCheckout, type Order } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { errorText } from '../../../app/ui/errorText.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { cart, MAX_LINES, type CartLine } from '../cart/cartStore.js';
import { lineProblem, useCartCheck } from '../cart/useCartCheck.js';
import { useDeliveryFees } from '../shared/useDeliveryFees.js';
import { AddressChoice } from './AddressChoice.js';
import { useCheckoutLines } from './buyNow.js';
import { CheckoutDone } from './CheckoutDone.js';
import { initialCheckout, toShipTo, type CheckoutValues } from './checkoutForm.js';
import { DeliveryField } from './DeliveryField.js';
import { OrderReview } from './OrderReview.js';
import { PaymentFields } from './PaymentFields.js';
import { addressOf, alreadySaved, countyDivision, SavedAddressContext, shipToOf } from './savedAddress.js';

/** The line of the cart a server error names: `body.items.2.quantity` → the third line sent. */
const lineIndex = (field: string | undefined) => Number(/^body\.items\.(\d+)\./.exec(field ?? '')?.[1] ?? NaN);

/**
 * 结算: address, delivery and payment, then one order a seller. The cart's lines, or the one item of a 立即购买
 * link. The address starts as the default of the book; a new one typed here is saved to the book with the order.
 * One idempotency key a checkout attempt: a double click or a retry after a lost answer places the orders once; a
 * refused try frees its key on the server.
 */
export function CheckoutPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<CheckoutValues>();
  const { lines, direct, productId, loading, gone, error, retry } = useCheckoutLines();
  const { states } = useCartCheck(lines);
  const book = useAddresses();
  const addAddress = useAddAddress();
  // undefined: the book's default; null: a new address typed here; else the id of the address chosen.
  const [choice, setChoice] = useState<string | null | undefined>(undefined);
  const saved = book.data ?? (book.isError ? [] : undefined);
  const chosen = choice === null ? undefined : (saved?.find((a) => a.id === choice) ?? saved?.find((a) => a.isDefault) ?? saved?.[0]);
  const fees = useDeliveryFees();
  const checkout = useCheckout();
  const client = useQueryClient();
  const sent = useRef<CartLine[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [placed, setPlaced] = useState<Order[] | null>(null);
  const values = Form.useWatch([], form) as CheckoutValues | undefined;
  const errors = useServerErrors(form, {
    fields: { 'shipTo.divisionCode': ['villageCode'] },
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
  const division = countyDivision(values, chosen);
  const sameTownHere = fees.sameTown(division) !== undefined;
  useEffect(() => {
    if (values?.delivery === 'same_town' && !sameTownHere) form.setFieldValue('delivery', 'parcel');
  }, [values?.delivery, sameTownHere, form]);

  if (placed) return <CheckoutDone orders={placed} />;
  if (direct && loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (direct && error) return <LoadError error={error} onRetry={retry} />;
  if (direct && gone) {
    return (
      <Result
        status="warning"
        title={t('checkout.buyNow.gone')}
        extra={
          <Link to={productId ? `/shop/products/${encodeURIComponent(productId)}` : '/shop'}>
            <Button type="primary">{t('checkout.buyNow.back')}</Button>
          </Link>
        }
      />
    );
  }
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
  const back = direct && productId ? { title: t('checkout.buyNow.back'), to: `/shop/products/${encodeURIComponent(productId)}` } : { title: t('shop.nav.cart'), to: '/shop/cart' };
  /** A new address typed here goes into the book once the order is placed (the first one becomes the default). */
  const saveTyped = (submitted: CheckoutValues) => {
    const address = addressOf(submitted);
    if (alreadySaved(saved ?? [], address)) return;
    addAddress.mutate({ address, idempotencyKey: newIdempotencyKey() }, { onError: (err) => void message.warning(t('checkout.address.notSaved', { reason: errorText(err, t) })) });
  };
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
          shipTo: chosen ? shipToOf(chosen) : toShipTo(submitted),
          ...(submitted.paymentMethod === 'village_cash' && { pickupSiteId: submitted.pickupSiteId?.trim() }),
        },
      },
      {
        onSuccess: (orders) => {
          if (!chosen && submitted.saveAddress) saveTyped(submitted);
          if (!direct) cart.remove(sent.current.map((l) => l.skuId));
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
      <PageHeader title={t('checkout.title')} crumbs={[back, { title: t('checkout.title') }]} />
      <SavedAddressContext.Provider value={chosen}>
        <Form<CheckoutValues> form={form} name="checkout" layout="vertical" initialValues={{ ...initialCheckout({ name: user.displayName, phone: user.phone }), saveAddress: true }} onFinish={onFinish} scrollToFirstError autoComplete="on">
          {errors.banner}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Card size="small" title={t('checkout.section.address')} style={{ marginBottom: 16 }}>
                <AddressChoice book={saved} chosen={chosen} onChoose={setChoice} />
              </Card>
              <Card size="small" title={t('checkout.section.deliveryPayment')}>
                <DeliveryField />
                <PaymentFields />
              </Card>
            </Col>
            <Col xs={24} lg={9}>
              <OrderReview lines={lines} states={states} delivery={values?.delivery ?? 'parcel'} fee={fees.feeOf(values?.delivery ?? 'parcel', division)} />
              <Button type="primary" danger size="large" block htmlType="submit" loading={checkout.isPending} disabled={blocked} style={{ marginTop: 16 }} data-testid="place-order">
                {t('checkout.submit')}
              </Button>
              {blocked && (
                <Link to={back.to}>
                  <Button type="link" block>
                    {direct ? t('checkout.buyNow.back') : t('checkout.fixCart')}
                  </Button>
                </Link>
              )}
            </Col>
          </Row>
        </Form>
      </SavedAddressContext.Provider>
    </>
  );
}
