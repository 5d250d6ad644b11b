import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newIdempotencyKey } from '../../api/http.js';
import { useReportMonth, type Shop } from '../../api/players.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { FormDrawer } from '../../app/ui/FormDrawer.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';
import { lastMonth, yuanTextToFen } from './money.js';

interface Values {
  shopId: string;
  month: Dayjs;
  sales: string;
  orders: number;
  produce?: string;
}

const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;

/** 填报月报: a shop's month in yuan (sent as fen, parsed from the text), orders; a second report is a correction. */
export function ReportDrawer({ shops, shopId, open, onClose }: { shops: Shop[]; shopId?: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, { fields: { salesFen: ['sales'], produceFen: ['produce'] } });
  const report = useReportMonth();
  const [key, setKey] = useState('');

  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    form.setFieldsValue({ shopId, month: dayjs(`${lastMonth()}-01`) });
  }, [open, shopId]);

  const save = async () => {
    const values = await form.validateFields();
    try {
      await report.mutateAsync({
        report: { shopId: values.shopId, month: values.month.format('YYYY-MM'), salesFen: yuanTextToFen(values.sales)!, orders: values.orders, produceFen: yuanTextToFen(values.produce) ?? 0 },
        idempotencyKey: key,
      });
      void message.success(t('report.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  const required = { required: true, message: t('player.form.required') };
  const amount = [{ pattern: AMOUNT, message: '¥ 0.00' }];

  return (
    <FormDrawer title={t('report.form.title')} open={open} onClose={onClose} width={460} saving={report.isPending} onSave={() => void save()} saveTestId="report-save">
      {errors.banner}
      <Alert type="info" showIcon title={t('report.form.correctionHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="shopId" label={t('report.form.shop')} rules={[required]}>
          <Select options={shops.filter((s) => s.status === 'operating').map((s) => ({ value: s.id, label: `${t(`platform.${s.platform}`)} · ${s.name}` }))} data-testid="report-shop" />
        </Form.Item>
        <Form.Item name="month" label={t('report.form.month')} rules={[required]}>
          <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM') > lastMonth()} data-testid="report-month" />
        </Form.Item>
        <Form.Item name="sales" label={t('report.form.sales')} rules={[required, ...amount]}>
          <Input inputMode="decimal" prefix="¥" data-testid="report-sales" />
        </Form.Item>
        <Form.Item name="orders" label={t('report.form.orders')} rules={[required]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="report-orders" />
        </Form.Item>
        <Form.Item name="produce" label={t('report.form.produce')} rules={amount}>
          <Input inputMode="decimal" prefix="¥" data-testid="report-produce" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
