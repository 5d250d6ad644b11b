import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { ApiError } from '../../../api/http.js';
import { CARRIERS, useOrderAction, type Carrier, type Order } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { shortOrderNo } from '../shared/orderLabels.js';

interface ShipValues {
  carrier?: Carrier;
  waybillNo: string;
}

/** The server's waybill rule: 6–40 letters, digits or -. */
const WAYBILL_PATTERN = /^[0-9A-Za-z-]{6,40}$/;

/** 发货: the carrier and its waybill number; stock leaves the shelf when it ships. Mounted only while it is open, so a
 * list of orders holds one ship form at most. */
export function ShipModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<ShipValues>();
  const act = useOrderAction();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const waybill = t('ship.field.waybill');

  const onFinish = (values: ShipValues) => {
    clear();
    act.mutate(
      { id: order.id, action: 'ship', carrier: values.carrier!, waybillNo: values.waybillNo.trim().toUpperCase() },
      {
        onSuccess: () => {
          void message.success(t('ship.done'));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'ORDER_STATUS_CONFLICT') {
            void message.error(errorText(error, t));
            onClose();
          } else errors.show(error);
        },
      },
    );
  };

  return (
    <Modal
      title={t('ship.title', { no: shortOrderNo(order) })}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ship.ok')}
      okButtonProps={{ loading: act.isPending, 'data-testid': 'confirm-ship' }}
      cancelText={t('common.cancel')}
    >
      <Form<ShipValues> form={form} name="order-ship" layout="vertical" onFinish={onFinish} initialValues={{ carrier: undefined, waybillNo: '' }}>
        {errors.banner}
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('ship.to', { name: order.shipTo.name, address: order.shipTo.address })}
        </Typography.Paragraph>
        <Form.Item name="carrier" label={t('ship.field.carrier')} rules={[rules.chosen(t('ship.field.carrier'))]}>
          <Select data-testid="ship-carrier" showSearch={{ optionFilterProp: 'label' }} options={CARRIERS.map((c) => ({ value: c, label: t(`carrier.${c}`) }))} />
        </Form.Item>
        <Form.Item name="waybillNo" label={waybill} rules={[rules.required(waybill), { pattern: WAYBILL_PATTERN, message: t('ship.waybillInvalid') }]}>
          <Input maxLength={40} styles={{ input: { fontFamily: 'monospace' } }} data-testid="ship-waybill" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
