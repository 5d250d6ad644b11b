import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { STOCK_PLACES, useStockBatch, type BatchView, type StockPlace } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { useSkuOptions } from './useSkuOptions.js';

interface Values {
  skuId: string;
  quantity: number;
  location: StockPlace;
  gtin?: string;
}

const GTIN = /^\d{8}$|^\d{12,14}$/;

/** 关联商品入库: the batch becomes units of a product's SKU, put in stock; its labels then carry the product's GTIN. */
export function StockModal({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const stock = useStockBatch();
  const { message } = App.useApp();
  const errors = useServerErrors(form);
  const [key] = useState(newIdempotencyKey);
  const skus = useSkuOptions(batch);
  const skuLabel = t('traceBatch.stock.sku');
  const quantityLabel = t('traceBatch.stock.quantity');

  // Once linked, a batch stays stock of its SKU; once coded, its labels carry its GTIN (the server's rules).
  const linked = !!batch.skuId;
  const coded = batch.cartons + batch.units > 0;

  /** A chosen SKU brings its product's GTIN, unless one was typed or the labels are printed. */
  const onSku = (skuId: string) => {
    const gtin = skus.byId.get(skuId)?.product.gtin;
    if (gtin && !coded && !form.getFieldValue('gtin')) form.setFieldsValue({ gtin });
  };

  const onFinish = ({ gtin, ...values }: Values) => {
    errors.clear();
    stock.mutate(
      { id: batch.id, input: { ...values, gtin: gtin?.trim() || undefined }, idempotencyKey: key },
      {
        onSuccess: (next) => {
          void message.success(t('traceBatch.stock.done', { product: next.productName ?? '', quantity: values.quantity }));
          onClose();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Modal
      open
      title={t('traceBatch.stock.title', { code: batch.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('traceBatch.stock.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: stock.isPending, 'data-testid': 'stock-submit' }}
    >
      <Form
        form={form}
        name="trace-stock"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ skuId: batch.skuId ?? undefined, location: batch.stockLocation ?? 'seller', gtin: batch.gtin ?? undefined }}
      >
        {errors.banner}
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {linked ? t('traceBatch.stock.hintLinked', { product: batch.productName ?? '' }) : t('traceBatch.stock.hint')}
        </Typography.Paragraph>
        {skus.error && <Alert type="error" showIcon title={errorText(skus.error, t)} style={{ marginBottom: 12 }} />}
        <Form.Item name="skuId" label={skuLabel} rules={[{ required: true, message: t('form.choose', { field: skuLabel }) }]} extra={!skus.loading && skus.groups.length === 0 ? t('traceBatch.stock.noProducts') : undefined}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={skus.loading}
            options={skus.groups}
            onChange={onSku}
            disabled={linked}
            placeholder={t('traceBatch.stock.skuPlaceholder')}
            data-testid="stock-sku"
          />
        </Form.Item>
        <Form.Item name="quantity" label={quantityLabel} extra={t('traceBatch.stock.quantityHint')} rules={[{ required: true, message: t('form.required', { field: quantityLabel }) }]}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 200 }} data-testid="stock-quantity" />
        </Form.Item>
        <Form.Item name="location" label={t('traceBatch.stock.location')}>
          <Radio.Group disabled={!!batch.stockLocation} data-testid="stock-location" options={STOCK_PLACES.map((p) => ({ value: p, label: t(`traceBatch.stock.place.${p}`) }))} />
        </Form.Item>
        <Form.Item name="gtin" label={t('traceBatch.field.gtin')} extra={coded ? t('traceBatch.stock.gtinCoded') : t('traceBatch.stock.gtinHint')} rules={[{ pattern: GTIN, message: t('traceBatch.stock.gtinFormat') }]}>
          <Input maxLength={14} inputMode="numeric" style={{ width: 240 }} disabled={coded} data-testid="stock-gtin" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
