import { useEffect, useState } from 'react';
import { App, Checkbox, Form } from 'antd';
import { useAddAddress, useUpdateAddress, type Address } from '../../../api/addresses.js';
import { newIdempotencyKey } from '../../../api/http.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import type { ShipToValues } from '../checkout/checkoutForm.js';
import { addressOf, formValuesOf } from '../checkout/savedAddress.js';
import { ShipToFields } from '../checkout/ShipToFields.js';

type Values = ShipToValues & { isDefault?: boolean };

/** The server's names for the fields → the form's. */
const FIELDS = { name: ['shipTo', 'name'], phone: ['shipTo', 'phone'], address: ['shipTo', 'address'], divisionCode: ['villageCode'] };

interface Props {
  open: boolean;
  onClose: () => void;
  /** The address to change; none adds one. */
  editing?: Address;
  /** The account's name and phone, to start a new address with. */
  prefill: { name: string; phone: string };
  /** Whether the book is empty (the first address is the default anyway). */
  first: boolean;
}

/** Adds or changes an address: receiver, phone, township then village (or a county elsewhere), street. */
export function AddressDrawer({ open, onClose, editing, prefill, first }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddAddress();
  const update = useUpdateAddress();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const area = Form.useWatch('area', form);
  const errors = useServerErrors(form, { fields: { ...FIELDS, divisionCode: area === 'outside' ? ['areaCode'] : ['villageCode'] } });
  const { clear } = errors;
  const { name, phone } = prefill;

  // Filled each time it opens (not on every render: the account's name and phone come as a new object each time).
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? formValuesOf(editing) : { shipTo: { name, phone, address: '' }, area: 'county', isDefault: first });
    setIdempotencyKey(newIdempotencyKey());
    clear();
    // Not on `first`: it changes when the add this drawer made lands, and the form must not refill then.
  }, [open, editing, name, phone, form, clear]);

  const done = () => {
    void message.success(t('addresses.saved'));
    onClose();
  };
  const onFinish = (values: Values) => {
    clear();
    const address = addressOf(values);
    if (editing) update.mutate({ id: editing.id, changes: address }, { onSuccess: done, onError: errors.show });
    else add.mutate({ address: { ...address, isDefault: !!values.isDefault }, idempotencyKey }, { onSuccess: done, onError: errors.show });
  };

  return (
    <FormDrawer
      title={editing ? t('addresses.edit') : t('addresses.add')}
      open={open}
      onClose={onClose}
      width={520}
      saving={add.isPending || update.isPending}
      onSave={() => form.submit()}
      saveTestId="save-address"
    >
      <Form<Values> form={form} name="address" layout="vertical" onFinish={onFinish} scrollToFirstError autoComplete="on">
        {errors.banner}
        <ShipToFields />
        {!editing && (
          <Form.Item name="isDefault" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox disabled={first} data-testid="address-is-default">
              {t('addresses.setAsDefault')}
            </Checkbox>
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
