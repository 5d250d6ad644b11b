import { useEffect } from 'react';
import { App, Form, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { STOCK_LOCATIONS, useSetStock, type Product, type StockLocation } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';

interface StockValues {
  skuId?: string;
  location: StockLocation;
  onHand: number | null;
}

/**
 * 盘点库存: the count on hand of one SKU at one place (county warehouse or the seller's own). Open orders keep what
 * they reserved, so the count may not be less than that.
 */
export function StockModal({ product, open, onClose }: { product: Product | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<StockValues>();
  const setStock = useSetStock();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const { clear } = errors;
  const skuId = Form.useWatch('skuId', form) as string | undefined;
  const sku = product?.skus.find((s) => s.id === skuId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ skuId: product?.skus[0]?.id, location: 'seller', onHand: null });
    clear();
  }, [open, product, form, clear]);

  const onFinish = (values: StockValues) => {
    clear();
    setStock.mutate(
      { skuId: values.skuId!, location: values.location, onHand: values.onHand! },
      {
        onSuccess: () => {
          void message.success(t('stock.done'));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      title={t('stock.title', { name: product?.name ?? '' })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: setStock.isPending }}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form<StockValues> form={form} name="stock-count" layout="vertical" onFinish={onFinish}>
        {errors.banner}
        <Form.Item name="skuId" label={t('sku.field.spec')} rules={[rules.chosen(t('sku.field.spec'))]}>
          <Select options={(product?.skus ?? []).map((s) => ({ value: s.id, label: `${s.spec} / ${s.unit}` }))} data-testid="stock-sku" />
        </Form.Item>
        {sku && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {t('stock.availableNow', { count: sku.available, unit: sku.unit })}
          </Typography.Paragraph>
        )}
        <Form.Item name="location" label={t('sku.field.location')}>
          <Radio.Group optionType="button" options={STOCK_LOCATIONS.map((l) => ({ value: l, label: t(`stockLocation.${l}`) }))} />
        </Form.Item>
        <Form.Item name="onHand" label={t('stock.onHand')} extra={t('stock.hint')} rules={[rules.chosen(t('stock.onHand'))]}>
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: 200 }} data-testid="stock-on-hand" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
